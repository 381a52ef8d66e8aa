package io.bitforge.workloads.llm;

/**
 * The feed-forward block of a decoder layer: {@code GATED} is act(x·W_gate) ⊙ (x·W_up) then W_down
 * (Llama, Mistral, Qwen2, BitNet); {@code PLAIN} is act(x·W_1) then W_2 (OPT, Phi-2).
 */
public enum MlpKind {
    GATED, PLAIN
}
