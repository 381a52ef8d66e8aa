package io.bitforge.pe.bitfusion;

import io.bitforge.core.spec.PeParams;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * bitfusion parameters: which fusible unit ({@code variant}), the operand widths the GEMM runs at
 * ({@code weightBits}, {@code activationBits}: 2, 4 or 8) and how operand codes are read ({@code weightType},
 * {@code activationType}: int or uint; ANT also flint and uflint at 4 bits).
 */
public record BitFusionParams(BitFusionVariant variant, int weightBits, int activationBits, OperandType weightType,
                              OperandType activationType) implements PeParams {
    public BitFusionParams {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(weightType, "weightType");
        Objects.requireNonNull(activationType, "activationType");
        checkOperand(variant, weightBits, weightType);
        checkOperand(variant, activationBits, activationType);
    }

    /** Why an operand of this width and type cannot run on the variant, or null when it can. */
    static String problem(BitFusionVariant variant, int bits, OperandType type) {
        if (bits != 2 && bits != 4 && bits != 8) {
            return "must be one of 2, 4, 8";
        }
        if (type.isFlint() && variant != BitFusionVariant.ANT) {
            return type.id() + " operands need variant ant";
        }
        if (type.isFlint() && bits != 4) {
            return type.id() + " is a 4-bit type";
        }
        return null;
    }

    private static void checkOperand(BitFusionVariant variant, int bits, OperandType type) {
        String problem = problem(variant, bits, type);
        if (problem != null) {
            throw new IllegalArgumentException("bitfusion operand " + type.id() + bits + ": " + problem);
        }
    }

    /** Format id of the weight operand, e.g. {@code int4}, {@code flint4}. */
    public String weightFormat() {
        return weightType.formatId(weightBits);
    }

    /** Format id of the activation operand. */
    public String activationFormat() {
        return activationType.formatId(activationBits);
    }

    @Override
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("variant", variant.id());
        map.put("weightBits", weightBits);
        map.put("activationBits", activationBits);
        map.put("weightType", weightType.id());
        map.put("activationType", activationType.id());
        return map;
    }
}
