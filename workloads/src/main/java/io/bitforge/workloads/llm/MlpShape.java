package io.bitforge.workloads.llm;

/**
 * The feed-forward block of one decoder layer, optionally a mixture of experts.
 *
 * @param kind             gated or plain
 * @param intermediateSize width of the hidden MLP layer (HF {@code intermediate_size}, OPT {@code ffn_dim})
 * @param activation       HF activation name ({@code silu}, {@code relu}, {@code gelu_new}, {@code relu2})
 * @param bias             the MLP projections carry biases (OPT, Phi-2)
 * @param experts          experts per layer (1 = dense)
 * @param expertsPerToken  experts each token is routed to (top-k; 1 for a dense MLP)
 */
public record MlpShape(MlpKind kind, int intermediateSize, String activation, boolean bias, int experts,
                       int expertsPerToken) {

    public boolean isMoe() {
        return experts > 1;
    }
}
