package io.bitforge.pe.bitfusion;

import io.bitforge.core.spec.PeParams;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code bitfusion} parameters in {@code mode: weight-only}: ANT as BitMoD models it (Chen et al., HPCA 2025;
 * yc2367/BitMoD-HPCA-25 {@code bitmod_sim/test_ant.py}): ANT-coded weights ({@code weightType} int or flint,
 * {@code weightBits} 4 or 8, flint at 4 only) decoded to exponent–integer pairs, FP16 activations, one MAC per PE per
 * cycle. {@code effectiveWeightBits} is the bits per weight charged for storage (DRAM traffic and weight SRAM
 * energy; BitMoD's figures mix ANT's 4- and 8-bit layers into 4.5–5.5); {@code placeAndRouteFactor} multiplies the
 * PE's energy and area (BitMoD's artefact: 1.5).
 */
public record AntWeightOnlyParams(OperandType weightType, int weightBits, double effectiveWeightBits,
                                  double placeAndRouteFactor) implements PeParams {
    public AntWeightOnlyParams {
        Objects.requireNonNull(weightType, "weightType");
        if (weightType != OperandType.INT && weightType != OperandType.FLINT) {
            throw new IllegalArgumentException("weight-only ANT weights are int or flint, got " + weightType.id());
        }
        if (weightBits != 4 && weightBits != 8 || weightType == OperandType.FLINT && weightBits != 4) {
            throw new IllegalArgumentException("weight-only ANT weights are int4, int8 or flint4, got "
                    + weightType.formatId(weightBits));
        }
        if (!(effectiveWeightBits >= 1 && effectiveWeightBits <= 16)) {
            throw new IllegalArgumentException("effective weight bits must be 1..16, got " + effectiveWeightBits);
        }
        if (!(placeAndRouteFactor >= 1 && placeAndRouteFactor <= 4)) {
            throw new IllegalArgumentException("place-and-route factor must be in [1, 4], got " + placeAndRouteFactor);
        }
    }

    /** The weights' format id ({@code int4}, {@code flint4}, {@code int8}). */
    public String weightFormat() {
        return weightType.formatId(weightBits);
    }

    @Override
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("mode", BitFusionFamily.WEIGHT_ONLY);
        map.put("variant", BitFusionVariant.ANT.id());
        map.put("weightBits", weightBits);
        map.put("weightType", weightType.id());
        map.put("activationBits", 16);
        map.put("effectiveWeightBits", effectiveWeightBits);
        map.put("placeAndRouteFactor", placeAndRouteFactor);
        return map;
    }
}
