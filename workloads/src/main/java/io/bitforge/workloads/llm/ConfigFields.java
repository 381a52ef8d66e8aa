package io.bitforge.workloads.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Suggestions;

import java.util.List;
import java.util.Locale;

/** Typed access to the fields of one {@code config.json} object, with errors naming the file and the field. */
record ConfigFields(JsonNode root, String file) {

    int positive(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw BadInputException.field(file, field, "nothing", "is required (a positive integer)");
        }
        return checkPositive(field, node);
    }

    /** The first of {@code fields} present (HF attribute maps: {@code n_embd} is GPT-2's {@code hidden_size}). */
    int positiveAny(String... fields) {
        for (String field : fields) {
            JsonNode node = root.get(field);
            if (node != null && !node.isNull()) {
                return checkPositive(field, node);
            }
        }
        throw BadInputException.field(file, fields[0], "nothing", "is required (a positive integer)");
    }

    int positiveOr(String field, int fallback) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? fallback : checkPositive(field, node);
    }

    /** A count that may be 0 or absent ({@code first_k_dense_replace}, {@code n_shared_experts}). */
    int nonNegativeOr(String field, int fallback) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
            throw BadInputException.field(file, field, node.toString(), "must be an integer >= 0");
        }
        return node.intValue();
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

    /** A positive number, or 0 when absent or null (soft-capping values). */
    double positiveNumberOrZero(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.isNumber() || !(node.doubleValue() > 0) || Double.isInfinite(node.doubleValue())) {
            throw BadInputException.field(file, field, node.toString(), "must be a positive number or null");
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

    /**
     * An activation name ({@code hidden_act}, {@code activation_function}, ...): one of the names Hugging Face
     * transformers resolves ({@code ACT2CLS} in {@code src/transformers/activations.py}), so a typo is refused.
     */
    String activation(String field, String fallback) {
        String name = string(field, fallback);
        if (!ACTIVATIONS.contains(name)) {
            throw BadInputException.field(file, field, "'" + name + "'" + Suggestions.didYouMean(name, ACTIVATIONS),
                    "must be an activation transformers knows (" + String.join(", ", ACTIVATIONS) + ")");
        }
        return name;
    }

    /** transformers' {@code ACT2CLS} keys (src/transformers/activations.py), plus OPT's and GPT-J's spellings. */
    private static final List<String> ACTIVATIONS = List.of("gelu", "gelu_10", "gelu_accurate", "gelu_fast",
            "gelu_new", "gelu_python", "gelu_pytorch_tanh", "laplace", "leaky_relu", "linear", "mish", "prelu",
            "quick_gelu", "relu", "relu2", "relu6", "sigmoid", "silu", "swish", "tanh", "xielu");

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

    /**
     * Layers listed as {@code sliding_attention} in {@code layer_types} (newer transformers configs of Gemma 2,
     * Qwen3, gpt-oss), or -1 when the field is absent. The list must have one entry per layer.
     */
    int slidingLayersListed(int layers) {
        JsonNode node = root.get("layer_types");
        if (node == null || node.isNull()) {
            return -1;
        }
        if (!node.isArray() || node.size() != layers) {
            throw BadInputException.field(file, "layer_types", node.isArray() ? node.size() + " entries" : node.toString(),
                    "must list one attention type per layer (" + layers + ")");
        }
        int sliding = 0;
        for (JsonNode entry : node) {
            String type = entry.asText();
            if (type.equals("sliding_attention")) {
                sliding++;
            } else if (!type.equals("full_attention")) {
                throw BadInputException.field(file, "layer_types", "'" + type + "'",
                        "entries must be sliding_attention or full_attention");
            }
        }
        return sliding;
    }

    /** A sliding window size, or 0 when absent or null (HF configs write null for "no window"). */
    int windowOrZero(String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? 0 : checkPositive(field, node);
    }
}
