package io.bitforge.workloads.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a Hugging Face {@code config.json} into a {@link ModelConfig}. Field names and defaults follow the
 * transformers configuration classes of each architecture ({@code LlamaConfig}, {@code MistralConfig},
 * {@code MixtralConfig}, {@code Qwen2Config}, {@code OPTConfig}, {@code PhiConfig}, {@code BitNetConfig}); a
 * field the class gives a default may be absent, a field without one must be present. Every problem is a
 * {@link BadInputException} naming the file and the field.
 */
public final class HfConfigLoader {
    /** The {@code model_type} values this loader understands. */
    public static final List<String> SUPPORTED = List.of("llama", "mistral", "mixtral", "qwen2", "opt", "phi",
            "bitnet");

    private HfConfigLoader() {
    }

    /** Loads {@code file}; the id is the folder name (HF checkouts name the folder after the model). */
    public static ModelConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the model config: " + e.getMessage(), e);
        }
        JsonNode root = readTree(text, file.toString());
        Path folder = file.toAbsolutePath().getParent();
        String name = folder == null || folder.getFileName() == null ? file.getFileName().toString()
                : folder.getFileName().toString();
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
            throw new BadInputException(file + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Builds the config from a parsed {@code config.json} object. */
    public static ModelConfig parse(JsonNode root, String file, String id, String name, String source) {
        Fields f = new Fields(root, file);
        String modelType = f.string("model_type", null);
        if (modelType == null) {
            throw BadInputException.field(file, "model_type", "nothing",
                    "must name the architecture, one of " + String.join(", ", SUPPORTED));
        }
        return switch (modelType) {
            case "llama", "mistral", "mixtral", "qwen2", "bitnet" -> llamaLike(f, modelType, id, name, source);
            case "opt" -> opt(f, id, name, source);
            case "phi" -> phi(f, id, name, source);
            default -> throw BadInputException.field(file, "model_type", "'" + modelType + "'",
                    "unsupported architecture; supported: " + String.join(", ", SUPPORTED));
        };
    }

    /** Llama and its relatives: RMSNorm, rotary, gated SiLU MLP, optional GQA, MoE (Mixtral), QKV bias (Qwen2). */
    private static ModelConfig llamaLike(Fields f, String modelType, String id, String name, String source) {
        int hidden = f.positive("hidden_size");
        int heads = f.positive("num_attention_heads");
        int kvHeads = f.positiveOr("num_key_value_heads", heads);
        if (heads % kvHeads != 0) {
            throw BadInputException.field(f.file, "num_key_value_heads", kvHeads,
                    "must divide num_attention_heads (" + heads + ")");
        }
        int headDim = f.positiveOr("head_dim", divisible(f, hidden, heads));
        // BitNet b1.58 reproductions (1bitLLM) keep model_type "llama" but name their class BitnetForCausalLM.
        boolean bitnet = modelType.equals("bitnet") || f.architecturesMention("bitnet");
        boolean qwen2 = modelType.equals("qwen2");
        boolean attentionBias = f.bool("attention_bias", false);
        boolean moe = modelType.equals("mixtral");
        int experts = moe ? f.positive("num_local_experts") : 1;
        int topK = moe ? f.positive("num_experts_per_tok") : 1;
        if (topK > experts) {
            throw BadInputException.field(f.file, "num_experts_per_tok", topK,
                    "must be <= num_local_experts (" + experts + ")");
        }
        String activation = f.string("hidden_act", modelType.equals("bitnet") ? "relu2" : "silu");
        AttentionShape attention = new AttentionShape(heads, kvHeads, headDim, qwen2 || attentionBias,
                attentionBias, PositionalKind.ROTARY, 1.0);
        MlpShape mlp = new MlpShape(MlpKind.GATED, f.positive("intermediate_size"), activation,
                f.bool("mlp_bias", false), experts, topK);
        return new ModelConfig(id, name, source, modelType, hidden, f.positive("num_hidden_layers"),
                f.positive("vocab_size"), f.positiveOr("max_position_embeddings", 2048), NormKind.RMS_NORM,
                f.bool("tie_word_embeddings", false), false, false, bitnet, 0, attention, mlp);
    }

    /** OPT: LayerNorm, learned positions (table of max positions + 2 rows), plain ReLU MLP, biases everywhere. */
    private static ModelConfig opt(Fields f, String id, String name, String source) {
        int hidden = f.positive("hidden_size");
        int heads = f.positive("num_attention_heads");
        int projected = f.positiveOr("word_embed_proj_dim", hidden);
        if (projected != hidden) {
            throw BadInputException.field(f.file, "word_embed_proj_dim", projected,
                    "must equal hidden_size (" + hidden + "); projected embeddings (OPT-350m) are not modelled");
        }
        if (!f.bool("do_layer_norm_before", true)) {
            throw BadInputException.field(f.file, "do_layer_norm_before", false,
                    "must be true; post-norm OPT (OPT-350m) is not modelled");
        }
        boolean bias = f.bool("enable_bias", true);
        int maxPositions = f.positiveOr("max_position_embeddings", 2048);
        AttentionShape attention = new AttentionShape(heads, heads, divisible(f, hidden, heads), bias, bias,
                PositionalKind.LEARNED, 0.0);
        MlpShape mlp = new MlpShape(MlpKind.PLAIN, f.positive("ffn_dim"), f.string("activation_function", "relu"),
                bias, 1, 1);
        // OPTLearnedPositionalEmbedding reserves 2 rows ahead of position 0 (transformers modeling_opt.py).
        return new ModelConfig(id, name, source, "opt", hidden, f.positive("num_hidden_layers"),
                f.positive("vocab_size"), maxPositions, NormKind.LAYER_NORM, f.bool("tie_word_embeddings", true),
                false, false, false, maxPositions + 2, attention, mlp);
    }

    /** Phi-1/1.5/2: one LayerNorm per layer feeding attention and MLP in parallel, partial rotary, biases. */
    private static ModelConfig phi(Fields f, String id, String name, String source) {
        int hidden = f.positive("hidden_size");
        int heads = f.positive("num_attention_heads");
        int kvHeads = f.positiveOr("num_key_value_heads", heads);
        if (heads % kvHeads != 0) {
            throw BadInputException.field(f.file, "num_key_value_heads", kvHeads,
                    "must divide num_attention_heads (" + heads + ")");
        }
        if (f.bool("qk_layernorm", false)) {
            throw BadInputException.field(f.file, "qk_layernorm", true, "must be false; Q/K norms are not modelled");
        }
        double rotary = f.fraction("partial_rotary_factor", 0.5);
        AttentionShape attention = new AttentionShape(heads, kvHeads, divisible(f, hidden, heads), true, true,
                PositionalKind.ROTARY, rotary);
        MlpShape mlp = new MlpShape(MlpKind.PLAIN, f.positive("intermediate_size"), f.string("hidden_act",
                "gelu_new"), true, 1, 1);
        return new ModelConfig(id, name, source, "phi", hidden, f.positive("num_hidden_layers"),
                f.positive("vocab_size"), f.positiveOr("max_position_embeddings", 2048), NormKind.LAYER_NORM,
                f.bool("tie_word_embeddings", false), true, true, false, 0, attention, mlp);
    }

    private static int divisible(Fields f, int hidden, int heads) {
        if (hidden % heads != 0) {
            throw BadInputException.field(f.file, "hidden_size", hidden,
                    "must be a multiple of num_attention_heads (" + heads + ") when head_dim is not given");
        }
        return hidden / heads;
    }

    /** Typed access to the fields of one config object, with errors naming the file and field. */
    private record Fields(JsonNode root, String file) {
        int positive(String field) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                throw BadInputException.field(file, field, "nothing", "is required (a positive integer)");
            }
            return checkPositive(field, node);
        }

        int positiveOr(String field, int fallback) {
            JsonNode node = root.get(field);
            return node == null || node.isNull() ? fallback : checkPositive(field, node);
        }

        private int checkPositive(String field, JsonNode node) {
            if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1) {
                throw BadInputException.field(file, field, node.toString(), "must be a positive integer");
            }
            return node.intValue();
        }

        boolean bool(String field, boolean fallback) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                return fallback;
            }
            if (!node.isBoolean()) {
                throw BadInputException.field(file, field, node.toString(), "must be true or false");
            }
            return node.booleanValue();
        }

        double fraction(String field, double fallback) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                return fallback;
            }
            if (!node.isNumber() || node.doubleValue() <= 0 || node.doubleValue() > 1) {
                throw BadInputException.field(file, field, node.toString(), "must be a number in (0, 1]");
            }
            return node.doubleValue();
        }

        String string(String field, String fallback) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                return fallback;
            }
            if (!node.isTextual()) {
                throw BadInputException.field(file, field, node.toString(), "must be a string");
            }
            return node.textValue();
        }

        boolean architecturesMention(String word) {
            JsonNode node = root.get("architectures");
            if (node == null || !node.isArray()) {
                return false;
            }
            for (JsonNode entry : node) {
                if (entry.isTextual() && entry.textValue().toLowerCase(Locale.ROOT).contains(word)) {
                    return true;
                }
            }
            return false;
        }
    }
}
