package io.bitforge.workloads.llm;

import io.bitforge.core.io.Json;

/**
 * Configs of the newer architectures written from their published descriptions (the papers' and model cards'
 * architecture tables, in Hugging Face {@code config.json} field names), for the parameter-count and graph tests.
 */
final class ArchitectureConfigs {
    private ArchitectureConfigs() {
    }

    static ModelConfig parse(String json) {
        try {
            return HfConfigLoader.parse(Json.mapper().readTree(json), "test.json", "test", "test", "test");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GPT-2 small (Radford et al. 2019; openai-community/gpt2 config). */
    static final String GPT2 = """
            {"model_type": "gpt2", "n_embd": 768, "n_layer": 12, "n_head": 12, "n_positions": 1024,
             "n_inner": null, "vocab_size": 50257, "activation_function": "gelu_new"}""";

    /** GPT-J-6B (EleutherAI model card: n_layers 28, d_model 4096, n_heads 16, rotary 64 of 256, vocab 50400). */
    static final String GPTJ = """
            {"model_type": "gptj", "n_embd": 4096, "n_layer": 28, "n_head": 16, "rotary_dim": 64,
             "n_positions": 2048, "vocab_size": 50400, "tie_word_embeddings": false}""";

    /** Falcon-7B (TII model card: 32 layers, d_model 4544, 71 heads of 64, multi-query, parallel attention). */
    static final String FALCON_7B = """
            {"model_type": "falcon", "hidden_size": 4544, "num_hidden_layers": 32, "num_attention_heads": 71,
             "multi_query": true, "parallel_attn": true, "bias": false, "alibi": false,
             "new_decoder_architecture": false, "vocab_size": 65024, "max_position_embeddings": 2048}""";

    /** Phi-3-mini-4k (Abdin et al. 2024: 3072 wide, 32 layers, 32 heads, vocab 32064, fused qkv and gate_up). */
    static final String PHI3_MINI = """
            {"model_type": "phi3", "hidden_size": 3072, "intermediate_size": 8192, "num_hidden_layers": 32,
             "num_attention_heads": 32, "num_key_value_heads": 32, "vocab_size": 32064,
             "max_position_embeddings": 4096, "sliding_window": 2047, "tie_word_embeddings": false}""";

    /** Qwen3-8B (Qwen3 technical report, Table 1: 36 layers, 32 Q / 8 KV heads; head_dim 128, QK-norm). */
    static final String QWEN3_8B = """
            {"model_type": "qwen3", "hidden_size": 4096, "intermediate_size": 12288, "num_hidden_layers": 36,
             "num_attention_heads": 32, "num_key_value_heads": 8, "head_dim": 128, "vocab_size": 151936,
             "max_position_embeddings": 40960, "tie_word_embeddings": false, "use_sliding_window": false,
             "sliding_window": null}""";

    /** Gemma 7B (Gemma Team 2024, Table 1: d_model 3072, 28 layers, 16 heads of 256, FFN 49152 = 2 × 24576). */
    static final String GEMMA_7B = """
            {"model_type": "gemma", "hidden_size": 3072, "intermediate_size": 24576, "num_hidden_layers": 28,
             "num_attention_heads": 16, "num_key_value_heads": 16, "head_dim": 256, "vocab_size": 256000,
             "max_position_embeddings": 8192, "hidden_activation": "gelu_pytorch_tanh"}""";

    /** Gemma 2B: multi-query attention (Gemma Team 2024, Table 1: 1 KV head). */
    static final String GEMMA_2B = """
            {"model_type": "gemma", "hidden_size": 2048, "intermediate_size": 16384, "num_hidden_layers": 18,
             "num_attention_heads": 8, "num_key_value_heads": 1, "head_dim": 256, "vocab_size": 256000}""";

    /**
     * Gemma 2 9B (Gemma Team 2024b, Table 1: d_model 3584, 42 layers, 16 heads / 8 KV heads of 256, FFN 28672 =
     * 2 × 14336, sliding window 4096 on every other layer, soft-caps 50 and 30).
     */
    static final String GEMMA2_9B = """
            {"model_type": "gemma2", "hidden_size": 3584, "intermediate_size": 14336, "num_hidden_layers": 42,
             "num_attention_heads": 16, "num_key_value_heads": 8, "head_dim": 256, "vocab_size": 256000,
             "max_position_embeddings": 8192, "sliding_window": 4096, "attn_logit_softcapping": 50.0,
             "final_logit_softcapping": 30.0, "query_pre_attn_scalar": 256}""";

    /**
     * DeepSeek-V2-Lite (DeepSeek-AI 2024, Appendix B: 27 layers, d 2048, 16 heads, kv rank 512, no query
     * compression, per-head 128 + 64 rope, 2 shared + 64 routed experts of 1408, top-6, first layer dense 10944).
     */
    static final String DEEPSEEK_V2_LITE = """
            {"model_type": "deepseek_v2", "hidden_size": 2048, "intermediate_size": 10944,
             "moe_intermediate_size": 1408, "num_hidden_layers": 27, "num_attention_heads": 16,
             "num_key_value_heads": 16, "n_shared_experts": 2, "n_routed_experts": 64, "num_experts_per_tok": 6,
             "first_k_dense_replace": 1, "moe_layer_freq": 1, "q_lora_rank": null, "kv_lora_rank": 512,
             "qk_nope_head_dim": 128, "qk_rope_head_dim": 64, "v_head_dim": 128, "vocab_size": 102400,
             "max_position_embeddings": 163840, "topk_method": "greedy", "tie_word_embeddings": false,
             "rope_scaling": {"type": "yarn", "factor": 40, "original_max_position_embeddings": 4096}}""";

    /** DeepSeek-V3 (DeepSeek-AI 2024b, Sec. 4.2: 61 layers, d 7168, 128 heads, q rank 1536, 1 + 256 experts). */
    static final String DEEPSEEK_V3 = """
            {"model_type": "deepseek_v3", "hidden_size": 7168, "intermediate_size": 18432,
             "moe_intermediate_size": 2048, "num_hidden_layers": 61, "num_attention_heads": 128,
             "n_shared_experts": 1, "n_routed_experts": 256, "num_experts_per_tok": 8, "first_k_dense_replace": 3,
             "q_lora_rank": 1536, "kv_lora_rank": 512, "qk_nope_head_dim": 128, "qk_rope_head_dim": 64,
             "v_head_dim": 128, "vocab_size": 129280, "max_position_embeddings": 163840}""";

    /** gpt-oss-20b (OpenAI 2025 model card, Sec. 2: 24 layers, residual 2880, 64 heads / 8 KV of 64, 32 experts). */
    static final String GPT_OSS_20B = """
            {"model_type": "gpt_oss", "hidden_size": 2880, "intermediate_size": 2880, "num_hidden_layers": 24,
             "num_attention_heads": 64, "num_key_value_heads": 8, "head_dim": 64, "num_local_experts": 32,
             "num_experts_per_tok": 4, "sliding_window": 128, "vocab_size": 201088,
             "max_position_embeddings": 131072,
             "rope_scaling": {"rope_type": "yarn", "factor": 32.0, "original_max_position_embeddings": 4096}}""";

    /** gpt-oss-120b: the same with 36 layers and 128 experts. */
    static final String GPT_OSS_120B = GPT_OSS_20B.replace("\"num_hidden_layers\": 24", "\"num_hidden_layers\": 36")
            .replace("\"num_local_experts\": 32", "\"num_local_experts\": 128");
}
