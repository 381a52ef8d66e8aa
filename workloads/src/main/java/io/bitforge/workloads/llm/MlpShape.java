package io.bitforge.workloads.llm;

/**
 * The feed-forward block of the decoder layers, optionally a mixture of experts.
 *
 * @param kind               gated or plain
 * @param intermediateSize   width of the hidden MLP layer (HF {@code intermediate_size}, OPT {@code ffn_dim}); of
 *                           one routed expert in a MoE ({@code moe_intermediate_size} in DeepSeek)
 * @param activation         HF activation name ({@code silu}, {@code relu}, {@code gelu_new}, {@code relu2})
 * @param bias               the MLP projections carry biases (OPT, Phi-2, GPT-2, GPT-J, gpt-oss experts)
 * @param experts            routed experts per MoE layer (1 = dense)
 * @param expertsPerToken    experts each token is routed to (top-k; 1 for a dense MLP)
 * @param fusedGateUp        gate and up projections are one GEMM (Phi-3 {@code gate_up_proj}, gpt-oss)
 * @param routerBias         the router carries a bias (gpt-oss)
 * @param sharedIntermediate width of the shared experts that every token passes (DeepSeek: n_shared_experts ×
 *                           moe_intermediate_size, run as one MLP); 0 = none
 * @param denseLayers        leading layers with a dense MLP instead of experts (DeepSeek {@code first_k_dense_replace})
 * @param denseIntermediate  width of those dense MLPs (DeepSeek {@code intermediate_size})
 */
public record MlpShape(MlpKind kind, int intermediateSize, String activation, boolean bias, int experts,
                       int expertsPerToken, boolean fusedGateUp, boolean routerBias, int sharedIntermediate,
                       int denseLayers, int denseIntermediate) {

    /** A dense MLP or a plain top-k MoE (Mixtral). */
    public static MlpShape of(MlpKind kind, int intermediateSize, String activation, boolean bias, int experts,
                              int expertsPerToken) {
        return new MlpShape(kind, intermediateSize, activation, bias, experts, expertsPerToken, false, false, 0, 0, 0);
    }

    public MlpShape withFusedGateUp() {
        return new MlpShape(kind, intermediateSize, activation, bias, experts, expertsPerToken, true, routerBias,
                sharedIntermediate, denseLayers, denseIntermediate);
    }

    public MlpShape withRouterBias() {
        return new MlpShape(kind, intermediateSize, activation, bias, experts, expertsPerToken, fusedGateUp, true,
                sharedIntermediate, denseLayers, denseIntermediate);
    }

    /** DeepSeek's shared experts and first-k-dense rule. */
    public MlpShape withSharedAndDense(int newSharedIntermediate, int newDenseLayers, int newDenseIntermediate) {
        return new MlpShape(kind, intermediateSize, activation, bias, experts, expertsPerToken, fusedGateUp,
                routerBias, newSharedIntermediate, newDenseLayers, newDenseIntermediate);
    }

    public boolean isMoe() {
        return experts > 1;
    }
}
