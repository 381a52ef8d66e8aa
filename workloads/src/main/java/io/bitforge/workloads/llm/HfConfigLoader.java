package io.bitforge.workloads.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import io.bitforge.workloads.io.ConfigName;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a Hugging Face {@code config.json} into a {@link ModelConfig}. Field names and defaults follow the
 * transformers configuration classes of each architecture ({@code LlamaConfig}, {@code MistralConfig},
 * {@code MixtralConfig}, {@code Qwen2Config}, {@code Qwen3Config}, {@code GemmaConfig}, {@code Gemma2Config},
 * {@code Phi3Config}, {@code OPTConfig}, {@code PhiConfig}, {@code BitNetConfig}, and in {@link GptFamilies} and
 * {@link ExpertFamilies} the GPT-2, GPT-J, Falcon, DeepSeek-V2/V3 and gpt-oss ones); a field the class gives a
 * default may be absent, a field without one must be present. Every problem is a {@link BadInputException}
 * naming the file and the field.
 */
public final class HfConfigLoader {
    /** The {@code model_type} values this loader understands. */
    public static final List<String> SUPPORTED = List.of("llama", "mistral", "mixtral", "qwen2", "qwen3", "gemma",
            "gemma2", "phi3", "opt", "phi", "bitnet", "gpt2", "gptj", "falcon", "deepseek_v2", "deepseek_v3",
            "gpt_oss");

    private HfConfigLoader() {
    }

    /**
     * Loads {@code file}. The model is named by the file's {@code _name_or_path} (its last path segment), else its
     * {@code model_type}, else the file name without {@code .json}.
     */
    public static ModelConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the model config: " + e.getMessage(), e);
        }
        JsonNode root = readTree(text, file.toString());
        String name = ConfigName.of(root, file, "model_type");
        return parse(root, file.toString(), name.toLowerCase(Locale.ROOT), name, file.toString());
    }

    static JsonNode readTree(String text, String file) {
        try {
            JsonNode root = Json.mapper().readTree(text);
            if (root == null || !root.isObject()) {
                throw new BadInputException(file + ": a model config must be a JSON object, got "
                        + (root == null ? "nothing" : root.getNodeType().name().toLowerCase(Locale.ROOT)));
            }
            return root;
        } catch (JsonProcessingException e) {
            // A nesting-depth limit error carries no location.
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new BadInputException(file + ": not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Builds the config from a parsed {@code config.json} object. */
    public static ModelConfig parse(JsonNode root, String file, String id, String name, String source) {
        ConfigFields f = new ConfigFields(root, file);
        String modelType = f.string("model_type", null);
        if (modelType == null) {
            throw BadInputException.field(file, "model_type", "nothing",
                    "must name the architecture, one of " + String.join(", ", SUPPORTED));
        }
        ModelNames names = new ModelNames(id, name, source);
        return switch (modelType) {
            case "llama", "mistral", "mixtral", "qwen2", "qwen3", "bitnet", "gemma", "gemma2", "phi3" ->
                    llamaLike(f, modelType, names);
            case "opt" -> opt(f, names);
            case "phi" -> phi(f, names);
            case "gpt2" -> GptFamilies.gpt2(f, names);
            case "gptj" -> GptFamilies.gptj(f, names);
            // Falcon-7B's first configs named the architecture RefinedWebModel (n_layer, n_head field names).
            case "falcon", "RefinedWebModel" -> GptFamilies.falcon(f, names);
            case "deepseek_v2", "deepseek_v3" -> ExpertFamilies.deepseek(f, modelType, names);
            case "gpt_oss" -> ExpertFamilies.gptOss(f, names);
            default -> throw BadInputException.field(file, "model_type", "'" + modelType + "'",
                    "unsupported architecture; supported: " + String.join(", ", SUPPORTED));
        };
    }

    /** The id, display name and source of the model being read. */
    record ModelNames(String id, String name, String source) {
    }

    /**
     * Llama and its relatives: RMSNorm, rotary, gated MLP, optional GQA; MoE (Mixtral), QKV bias (Qwen2), QK-norm
     * (Qwen3), GeGLU with head_dim ≠ hidden/heads and tied embeddings (Gemma), sandwich norms, alternating
     * local/global attention and soft-capping (Gemma 2), fused qkv/gate_up (Phi-3), sliding windows (Mistral).
     */
    private static ModelConfig llamaLike(ConfigFields f, String modelType, ModelNames names) {
        boolean gemma = modelType.startsWith("gemma");
        int hidden = f.positive("hidden_size");
        int heads = f.positive("num_attention_heads");
        int kvHeads = kvHeads(f, heads);
        int layers = f.positive("num_hidden_layers");
        // GemmaConfig and Qwen3Config default head_dim to 256 and 128; the others to hidden / heads.
        int headDim = f.positiveOr("head_dim", gemma ? 256 : modelType.equals("qwen3") ? 128
                : divisible(f, hidden, heads));
        // BitNet b1.58 reproductions (1bitLLM) keep model_type "llama" but name their class BitnetForCausalLM.
        boolean bitnet = modelType.equals("bitnet") || f.architecturesMention("bitnet");
        boolean attentionBias = f.bool("attention_bias", false);
        boolean moe = modelType.equals("mixtral");
        int experts = moe ? f.positive("num_local_experts") : 1;
        int topK = moe ? f.positive("num_experts_per_tok") : 1;
        if (topK > experts) {
            throw BadInputException.field(f.file(), "num_experts_per_tok", topK,
                    "must be <= num_local_experts (" + experts + ")");
        }
        String activation = f.activation("hidden_act", modelType.equals("bitnet") ? "relu2"
                : gemma ? "gelu_pytorch_tanh" : "silu");
        if (gemma) {
            // GemmaConfig: hidden_activation overrides hidden_act when set.
            activation = f.activation("hidden_activation", activation);
        }
        AttentionShape attention = AttentionShape.standard(heads, kvHeads, headDim,
                modelType.equals("qwen2") || attentionBias, attentionBias, PositionalKind.ROTARY,
                f.fraction("partial_rotary_factor", 1.0));
        MlpShape mlp = MlpShape.of(MlpKind.GATED, f.positive("intermediate_size"), activation,
                f.bool("mlp_bias", false), experts, topK);
        if (modelType.equals("phi3")) {
            attention = attention.withFusedQkv();
            mlp = mlp.withFusedGateUp();
        }
        if (modelType.equals("qwen3")) {
            attention = attention.withQkNorm();
        }
        attention = attention.withWindow(window(f, modelType, layers));
        boolean gemma2 = modelType.equals("gemma2");
        if (gemma2) {
            attention = attention.withLogitSoftcap(f.positiveNumberOrZero("attn_logit_softcapping"));
        }
        int maxPositions = f.positiveOr("max_position_embeddings", gemma ? 8192 : 2048);
        return new ModelConfig(names.id(), names.name(), names.source(), modelType, hidden, layers,
                f.positive("vocab_size"), maxPositions, NormKind.RMS_NORM, f.bool("tie_word_embeddings", gemma), false,
                false, bitnet, 0, attention, mlp, gemma2,
                gemma2 ? f.positiveNumberOrZero("final_logit_softcapping") : 0, contextLimit(f, maxPositions));
    }

    /**
     * The sliding window of a llama-like family: Mistral, Mixtral and Phi-3 window every layer when
     * {@code sliding_window} is set; Qwen2/Qwen3 only with {@code use_sliding_window} (then the layers from
     * {@code max_window_layers} on); Gemma 2 on every other layer starting with the first ({@code Gemma2DecoderLayer}:
     * sliding when the layer index is even); {@code layer_types}, when present, decides.
     */
    private static SlidingWindow window(ConfigFields f, String modelType, int layers) {
        int tokens = switch (modelType) {
            case "mistral", "mixtral", "phi3", "gemma2" -> f.windowOrZero("sliding_window");
            case "qwen2", "qwen3" -> f.bool("use_sliding_window", false) ? f.windowOrZero("sliding_window") : 0;
            default -> 0;
        };
        if (tokens == 0) {
            return SlidingWindow.NONE;
        }
        int listed = f.slidingLayersListed(layers);
        if (listed >= 0) {
            return new SlidingWindow(tokens, listed);
        }
        return switch (modelType) {
            case "gemma2" -> new SlidingWindow(tokens, (layers + 1) / 2);
            case "qwen2", "qwen3" -> new SlidingWindow(tokens,
                    Math.max(0, layers - Math.min(layers, f.positiveOr("max_window_layers", layers))));
            default -> new SlidingWindow(tokens, layers);
        };
    }

    /** OPT: LayerNorm, learned positions (table of max positions + 2 rows), plain ReLU MLP, biases everywhere. */
    private static ModelConfig opt(ConfigFields f, ModelNames names) {
        int hidden = f.positive("hidden_size");
        int heads = f.positive("num_attention_heads");
        int projected = f.positiveOr("word_embed_proj_dim", hidden);
        if (projected != hidden) {
            throw BadInputException.field(f.file(), "word_embed_proj_dim", projected,
                    "must equal hidden_size (" + hidden + "); projected embeddings (OPT-350m) are not modelled");
        }
        if (!f.bool("do_layer_norm_before", true)) {
            throw BadInputException.field(f.file(), "do_layer_norm_before", false,
                    "must be true; post-norm OPT (OPT-350m) is not modelled");
        }
        boolean bias = f.bool("enable_bias", true);
        int maxPositions = f.positiveOr("max_position_embeddings", 2048);
        AttentionShape attention = AttentionShape.standard(heads, heads, divisible(f, hidden, heads), bias, bias,
                PositionalKind.LEARNED, 0.0);
        MlpShape mlp = MlpShape.of(MlpKind.PLAIN, f.positive("ffn_dim"), f.activation("activation_function", "relu"),
                bias, 1, 1);
        // OPTLearnedPositionalEmbedding reserves 2 rows ahead of position 0 (transformers modeling_opt.py).
        return new ModelConfig(names.id(), names.name(), names.source(), "opt", hidden,
                f.positive("num_hidden_layers"), f.positive("vocab_size"), maxPositions, NormKind.LAYER_NORM,
                f.bool("tie_word_embeddings", true), false, false, false, maxPositions + 2, attention, mlp, false, 0,
                maxPositions);
    }

    /** Phi-1/1.5/2: one LayerNorm per layer feeding attention and MLP in parallel, partial rotary, biases. */
    private static ModelConfig phi(ConfigFields f, ModelNames names) {
        int hidden = f.positive("hidden_size");
        int heads = f.positive("num_attention_heads");
        int kvHeads = kvHeads(f, heads);
        if (f.bool("qk_layernorm", false)) {
            throw BadInputException.field(f.file(), "qk_layernorm", true,
                    "must be false; Phi's LayerNorm Q/K norms are not modelled");
        }
        double rotary = f.fraction("partial_rotary_factor", 0.5);
        AttentionShape attention = AttentionShape.standard(heads, kvHeads, divisible(f, hidden, heads), true, true,
                PositionalKind.ROTARY, rotary);
        MlpShape mlp = MlpShape.of(MlpKind.PLAIN, f.positive("intermediate_size"), f.activation("hidden_act",
                "gelu_new"), true, 1, 1);
        int maxPositions = f.positiveOr("max_position_embeddings", 2048);
        return new ModelConfig(names.id(), names.name(), names.source(), "phi", hidden,
                f.positive("num_hidden_layers"), f.positive("vocab_size"), maxPositions, NormKind.LAYER_NORM,
                f.bool("tie_word_embeddings", false), true, true, false, 0, attention, mlp, false, 0,
                contextLimit(f, maxPositions));
    }

    static int kvHeads(ConfigFields f, int heads) {
        int kvHeads = f.positiveOr("num_key_value_heads", heads);
        if (heads % kvHeads != 0) {
            throw BadInputException.field(f.file(), "num_key_value_heads", kvHeads,
                    "must divide num_attention_heads (" + heads + ")");
        }
        return kvHeads;
    }

    static int divisible(ConfigFields f, int hidden, int heads) {
        if (hidden % heads != 0) {
            throw BadInputException.field(f.file(), "hidden_size", hidden,
                    "must be a multiple of num_attention_heads (" + heads + ") when head_dim is not given");
        }
        return hidden / heads;
    }

    /**
     * The longest context: {@code max_position_embeddings}, or with {@code rope_scaling} its {@code factor} times
     * {@code original_max_position_embeddings} (times {@code max_position_embeddings} when the original is not
     * given, as linear and dynamic scaling read it) when that is longer. Llama 3.1 (factor 8 × 8192 = 65536 <
     * 131072) keeps its 131072; a linearly scaled 4096-token model with factor 4 reaches 16384.
     */
    static long contextLimit(ConfigFields f, int maxPositions) {
        JsonNode scaling = f.root().get("rope_scaling");
        if (scaling == null || !scaling.isObject()) {
            return maxPositions;
        }
        JsonNode factor = scaling.get("factor");
        if (factor == null || !factor.isNumber()) {
            return maxPositions;
        }
        if (!(factor.doubleValue() >= 1) || Double.isInfinite(factor.doubleValue())) {
            throw BadInputException.field(f.file(), "rope_scaling.factor", factor.toString(), "must be a number >= 1");
        }
        JsonNode original = scaling.get("original_max_position_embeddings");
        long base = original != null && original.canConvertToLong() && original.longValue() > 0
                ? original.longValue() : maxPositions;
        return Math.max(maxPositions, (long) Math.floor(factor.doubleValue() * base));
    }
}
