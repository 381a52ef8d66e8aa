package io.bitforge.workloads.llm;

import io.bitforge.core.io.BadInputException;

/**
 * The mixture-of-experts families of {@link HfConfigLoader} beyond Mixtral. DeepSeek-V2/V3 (transformers
 * {@code DeepseekV2Config}/{@code DeepseekV3Config}; DeepSeek-AI 2024, Sec. 2): multi-head latent attention,
 * shared experts every token passes plus top-k routed experts, and dense MLPs in the first
 * {@code first_k_dense_replace} layers; V3's router adds a per-expert bias ({@code e_score_correction_bias}).
 * gpt-oss (transformers {@code GptOssConfig}; OpenAI 2025, gpt-oss model card, Sec. 2.1): grouped-query
 * attention with biases and a learned sink per head, sliding-window attention on every other layer, experts with
 * fused gate/up projections and biases, a router with a bias.
 */
final class ExpertFamilies {
    private ExpertFamilies() {
    }

    static ModelConfig deepseek(ConfigFields f, String modelType, HfConfigLoader.ModelNames names) {
        int hidden = f.positive("hidden_size");
        int heads = f.positive("num_attention_heads");
        int layers = f.positive("num_hidden_layers");
        LatentAttention latent = new LatentAttention(f.nonNegativeOr("q_lora_rank", 0), f.positive("kv_lora_rank"),
                f.positive("qk_nope_head_dim"), f.positive("qk_rope_head_dim"), f.positive("v_head_dim"));
        boolean bias = f.bool("attention_bias", false);
        AttentionShape attention = AttentionShape.standard(heads, heads, (int) latent.queryHeadDim(), bias, bias,
                PositionalKind.ROTARY, 1.0).withLatent(latent);
        int routed = f.nonNegativeOr("n_routed_experts", 0);
        MlpShape mlp;
        if (routed <= 1) {
            mlp = MlpShape.of(MlpKind.GATED, f.positive("intermediate_size"), f.activation("hidden_act", "silu"), false,
                    1, 1);
        } else {
            if (f.positiveOr("moe_layer_freq", 1) != 1) {
                throw BadInputException.field(f.file(), "moe_layer_freq", f.root().get("moe_layer_freq").toString(),
                        "must be 1; interleaved dense and MoE layers are not modelled");
            }
            int topK = f.positive("num_experts_per_tok");
            if (topK > routed) {
                throw BadInputException.field(f.file(), "num_experts_per_tok", topK,
                        "must be <= n_routed_experts (" + routed + ")");
            }
            int expertWidth = f.positive("moe_intermediate_size");
            int dense = f.nonNegativeOr("first_k_dense_replace", 0);
            if (dense > layers) {
                throw BadInputException.field(f.file(), "first_k_dense_replace", dense,
                        "must be <= num_hidden_layers (" + layers + ")");
            }
            // DeepseekV2MoE: the shared experts are one MLP of n_shared_experts × moe_intermediate_size.
            int shared = Math.multiplyExact(f.nonNegativeOr("n_shared_experts", 0), expertWidth);
            mlp = MlpShape.of(MlpKind.GATED, expertWidth, f.activation("hidden_act", "silu"), false, routed, topK)
                    .withSharedAndDense(shared, dense, dense > 0 ? f.positive("intermediate_size") : 0);
            String topKMethod = f.string("topk_method", modelType.equals("deepseek_v3") ? "noaux_tc" : "greedy");
            if (topKMethod.equals("noaux_tc")) {
                mlp = mlp.withRouterBias();
            }
        }
        int maxPositions = f.positiveOr("max_position_embeddings", 2048);
        return new ModelConfig(names.id(), names.name(), names.source(), modelType, hidden, layers,
                f.positive("vocab_size"), maxPositions, NormKind.RMS_NORM, f.bool("tie_word_embeddings", false), false,
                false, false, 0, attention, mlp, false, 0, HfConfigLoader.contextLimit(f, maxPositions));
    }

    static ModelConfig gptOss(ConfigFields f, HfConfigLoader.ModelNames names) {
        int hidden = f.positive("hidden_size");
        int heads = f.positive("num_attention_heads");
        int layers = f.positive("num_hidden_layers");
        int kvHeads = HfConfigLoader.kvHeads(f, heads);
        boolean bias = f.bool("attention_bias", true);
        int window = f.windowOrZero("sliding_window");
        int listed = window == 0 ? 0 : f.slidingLayersListed(layers);
        // GptOssConfig's default layer_types: sliding on even layer indices, full on odd ones.
        SlidingWindow sliding = window == 0 ? SlidingWindow.NONE
                : new SlidingWindow(window, listed >= 0 ? listed : (layers + 1) / 2);
        AttentionShape attention = AttentionShape.standard(heads, kvHeads, f.positiveOr("head_dim", 64), bias, bias,
                PositionalKind.ROTARY, 1.0).withSinks().withWindow(sliding);
        int experts = f.positive("num_local_experts");
        int topK = f.positiveAny("num_experts_per_tok", "experts_per_token");
        if (topK > experts) {
            throw BadInputException.field(f.file(), "num_experts_per_tok", topK,
                    "must be <= num_local_experts (" + experts + ")");
        }
        MlpShape mlp = MlpShape.of(MlpKind.GATED, f.positive("intermediate_size"), f.activation("hidden_act", "silu"),
                true, experts, topK).withFusedGateUp().withRouterBias();
        int maxPositions = f.positiveOr("max_position_embeddings", 131072);
        return new ModelConfig(names.id(), names.name(), names.source(), "gpt_oss", hidden, layers,
                f.positive("vocab_size"), maxPositions, NormKind.RMS_NORM, f.bool("tie_word_embeddings", false), false,
                false, false, 0, attention, mlp, false, 0, HfConfigLoader.contextLimit(f, maxPositions));
    }
}
