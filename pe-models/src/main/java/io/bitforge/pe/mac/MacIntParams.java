package io.bitforge.pe.mac;

import io.bitforge.core.spec.PeParams;

import java.util.LinkedHashMap;
import java.util.Map;

/** mac-int parameters: the widths of the bit-parallel integer multiplier's operands. */
public record MacIntParams(int weightBits, int activationBits) implements PeParams {
    public MacIntParams {
        if (weightBits < 2 || weightBits > 16 || activationBits < 2 || activationBits > 16) {
            throw new IllegalArgumentException("mac-int widths must be 2..16 bits, got " + weightBits + " and "
                    + activationBits);
        }
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

    @Override
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("weightBits", weightBits);
        map.put("activationBits", activationBits);
        return map;
    }
}
