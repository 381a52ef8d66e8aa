package io.bitforge.pe.shiftadd;

import io.bitforge.core.spec.PeParams;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code shift-add} parameters.
 *
 * @param variant        the datapath ({@code mixpe} or {@code shiftaddllm})
 * @param weightBits     MixPE: integer weight width (2..4, one shifted copy of the activation per bit);
 *                       ShiftAddLLM: binary-coding planes q (1..8)
 * @param activationBits MixPE: 8 (INT8, W4A8) or 16 (FP16, W4A16); ShiftAddLLM: 16 (FP16)
 * @param groupSize      weights per quantisation group along K (scale and zero point, or q plane scales)
 * @param unitModel      MixPE: the paper's cell or the artefact's fusible-unit reading of it ({@link MixPeUnitModel})
 * @param dequant        MixPE native: where the group sums are dequantised ({@link MixPeDequantTiming})
 */
public record ShiftAddParams(ShiftAddVariant variant, int weightBits, int activationBits, int groupSize,
                             MixPeUnitModel unitModel, MixPeDequantTiming dequant) implements PeParams {
    /** Activations per ShiftAddLLM table (LUT-GEMM's μ = 8; GATECH-EIC/ShiftAddLLM energy/shiftaddllm_energy.py). */
    public static final int TABLE_ACTIVATIONS = 8;

    public ShiftAddParams {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(unitModel, "unitModel");
        Objects.requireNonNull(dequant, "dequant");
        if (dequant == MixPeDequantTiming.EDGE && (variant != ShiftAddVariant.MIXPE
                || unitModel != MixPeUnitModel.NATIVE)) {
            throw new IllegalArgumentException("shift-add dequant edge needs variant mixpe and unitModel native");
        }
        if (unitModel == MixPeUnitModel.FUSION && variant != ShiftAddVariant.MIXPE) {
            throw new IllegalArgumentException("shift-add unitModel fusion needs variant mixpe");
        }
        boolean mixpe = variant == ShiftAddVariant.MIXPE;
        if (mixpe ? weightBits < 2 || weightBits > 4 : weightBits < 1 || weightBits > 8) {
            throw new IllegalArgumentException("shift-add " + variant.id() + " weightBits out of range: " + weightBits);
        }
        if (mixpe ? activationBits != 8 && activationBits != 16 : activationBits != 16) {
            throw new IllegalArgumentException("shift-add " + variant.id() + " activationBits not supported: "
                    + activationBits);
        }
        if (groupSize < 1 || (!mixpe && groupSize % TABLE_ACTIVATIONS != 0)) {
            throw new IllegalArgumentException("shift-add groupSize not supported: " + groupSize);
        }
    }

    /** Dequantisation on the vector unit ({@link MixPeDequantTiming#VECTOR}). */
    public ShiftAddParams(ShiftAddVariant variant, int weightBits, int activationBits, int groupSize,
                          MixPeUnitModel unitModel) {
        this(variant, weightBits, activationBits, groupSize, unitModel, MixPeDequantTiming.VECTOR);
    }

    /** The paper's cell ({@link MixPeUnitModel#NATIVE}). */
    public ShiftAddParams(ShiftAddVariant variant, int weightBits, int activationBits, int groupSize) {
        this(variant, weightBits, activationBits, groupSize, MixPeUnitModel.NATIVE);
    }

    /** W4A16: FP16 activations. */
    public boolean floatActivations() {
        return activationBits == 16;
    }

    @Override
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("variant", variant.id());
        map.put("weightBits", weightBits);
        map.put("activationBits", activationBits);
        map.put("groupSize", groupSize);
        if (unitModel != MixPeUnitModel.NATIVE) {
            // only when set, so that existing designs keep their canonical form (and ids)
            map.put("unitModel", unitModel.id());
        }
        if (dequant != MixPeDequantTiming.VECTOR) {
            map.put("dequant", dequant.id());
        }
        return map;
    }
}
