package io.bitforge.workloads.llm;

import io.bitforge.core.io.BadInputException;

/**
 * The GPT-style families of {@link HfConfigLoader}: GPT-2 (learned positions, fused {@code c_attn}, biases, Conv1D
 * weights stored input × output, which is the GEMM layout here anyway), GPT-J (rotary on {@code rotary_dim} of
 * each head, attention and MLP in parallel from one LayerNorm, lm_head bias) and Falcon (fused
 * {@code query_key_value}, multi-query attention, parallel attention and MLP). Field names and defaults follow
 * transformers' {@code GPT2Config}, {@code GPTJConfig} and {@code FalconConfig}.
 */
final class GptFamilies {
    private GptFamilies() {
    }

    static ModelConfig gpt2(ConfigFields f, HfConfigLoader.ModelNames names) {
        int hidden = f.positiveAny("n_embd", "hidden_size");
        int heads = f.positiveAny("n_head", "num_attention_heads");
        int positions = f.positiveAny("n_positions", "max_position_embeddings");
        AttentionShape attention = AttentionShape.standard(heads, heads, HfConfigLoader.divisible(f, hidden, heads),
                true, true, PositionalKind.LEARNED, 0.0).withFusedQkv();
        MlpShape mlp = MlpShape.of(MlpKind.PLAIN, f.positiveOr("n_inner", 4 * hidden),
                f.activation("activation_function", "gelu_new"), true, 1, 1);
        return new ModelConfig(names.id(), names.name(), names.source(), "gpt2", hidden,
                f.positiveAny("n_layer", "num_hidden_layers"), f.positive("vocab_size"), positions,
                NormKind.LAYER_NORM, f.bool("tie_word_embeddings", true), false, false, false, positions, attention,
                mlp, false, 0, positions);
    }

    static ModelConfig gptj(ConfigFields f, HfConfigLoader.ModelNames names) {
        int hidden = f.positiveAny("n_embd", "hidden_size");
        int heads = f.positiveAny("n_head", "num_attention_heads");
        int headDim = HfConfigLoader.divisible(f, hidden, heads);
        int rotaryDim = f.positiveOr("rotary_dim", headDim);
        if (rotaryDim > headDim) {
            throw BadInputException.field(f.file(), "rotary_dim", rotaryDim, "must be <= the head width " + headDim);
        }
        int positions = f.positiveAny("n_positions", "max_position_embeddings");
        AttentionShape attention = AttentionShape.standard(heads, heads, headDim, false, false,
                PositionalKind.ROTARY, rotaryDim / (double) headDim);
        MlpShape mlp = MlpShape.of(MlpKind.PLAIN, f.positiveOr("n_inner", 4 * hidden),
                f.activation("activation_function", "gelu_new"), true, 1, 1);
        return new ModelConfig(names.id(), names.name(), names.source(), "gptj", hidden,
                f.positiveAny("n_layer", "num_hidden_layers"), f.positive("vocab_size"), positions,
                NormKind.LAYER_NORM, f.bool("tie_word_embeddings", false), true, true, false, 0, attention, mlp,
                false, 0, positions);
    }

    static ModelConfig falcon(ConfigFields f, HfConfigLoader.ModelNames names) {
        if (f.bool("alibi", false)) {
            throw BadInputException.field(f.file(), "alibi", true, "must be false; ALiBi positions are not modelled");
        }
        if (f.bool("new_decoder_architecture", false)) {
            throw BadInputException.field(f.file(), "new_decoder_architecture", true,
                    "must be false; Falcon-40B/180B's two parallel LayerNorms are not modelled yet");
        }
        int hidden = f.positiveAny("hidden_size", "n_embed");
        int heads = f.positiveAny("num_attention_heads", "n_head");
        int kvHeads = f.bool("multi_query", true) ? 1 : heads;
        boolean bias = f.bool("bias", false);
        boolean parallel = f.bool("parallel_attn", true);
        AttentionShape attention = AttentionShape.standard(heads, kvHeads, HfConfigLoader.divisible(f, hidden, heads),
                bias, bias, PositionalKind.ROTARY, 1.0).withFusedQkv();
        MlpShape mlp = MlpShape.of(MlpKind.PLAIN, f.positiveOr("ffn_hidden_size", 4 * hidden),
                f.activation("activation", "gelu"), bias, 1, 1);
        int maxPositions = f.positiveOr("max_position_embeddings", 2048);
        return new ModelConfig(names.id(), names.name(), names.source(), "falcon", hidden,
                f.positiveAny("num_hidden_layers", "n_layer"), f.positive("vocab_size"), maxPositions,
                NormKind.LAYER_NORM, f.bool("tie_word_embeddings", true), false, parallel, false, 0, attention, mlp,
                false, 0, HfConfigLoader.contextLimit(f, maxPositions));
    }
}
