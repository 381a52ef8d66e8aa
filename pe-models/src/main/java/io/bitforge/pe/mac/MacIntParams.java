package io.bitforge.pe.mac;

import io.bitforge.core.spec.PeParams;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * mac-int parameters: the widths of the bit-parallel integer multiplier's operands and whether each operand is
 * two's complement ({@code int}, the default) or unsigned ({@code uint}).
 */
public record MacIntParams(int weightBits, int activationBits, boolean weightSigned, boolean activationSigned)
        implements PeParams {
    public MacIntParams {
        if (weightBits < 2 || weightBits > 16 || activationBits < 2 || activationBits > 16) {
            throw new IllegalArgumentException("mac-int widths must be 2..16 bits, got " + weightBits + " and "
                    + activationBits);
        }
    }

    /** Signed operands of these widths. */
    public MacIntParams(int weightBits, int activationBits) {
        this(weightBits, activationBits, true, true);
    }

    /** Width of the fixed-precision unit that implements it: max width rounded up to 2, 4, 8 or 16. */
    public int unitBits() {
        int bits = Math.max(weightBits, activationBits);
        int unit = 2;
        while (unit < bits) {
            unit *= 2;
        }
        return unit;
    }

    /** Format id of the weight operand, e.g. {@code int8}, {@code uint4}. */
    public String weightFormat() {
        return (weightSigned ? "int" : "uint") + weightBits;
    }

    /** Format id of the activation operand. */
    public String activationFormat() {
        return (activationSigned ? "int" : "uint") + activationBits;
    }

    @Override
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("weightBits", weightBits);
        map.put("activationBits", activationBits);
        // only the non-default type is written, so existing specs keep their canonical form (and design id)
        if (!weightSigned) {
            map.put("weightType", "uint");
        }
        if (!activationSigned) {
            map.put("activationType", "uint");
        }
        return map;
    }
}
