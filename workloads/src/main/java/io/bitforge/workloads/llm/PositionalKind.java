package io.bitforge.workloads.llm;

/** How positions enter the model: rotary embedding applied to Q and K, or a learned table added to the input. */
public enum PositionalKind {
    ROTARY, LEARNED
}
