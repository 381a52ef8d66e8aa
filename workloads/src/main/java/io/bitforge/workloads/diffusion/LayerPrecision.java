package io.bitforge.workloads.diffusion;

import io.bitforge.core.op.Precision;

import java.util.Objects;

/**
 * Weight and activation number formats of one layer kind, with the weight quantisation group along K
 * (0 = per channel). GEMM outputs are written back at 16 bits (the dequantised accumulator), as W8A8/W4A8
 * kernels do before the next norm or activation re-quantises them.
 */
public record LayerPrecision(Precision weights, Precision activations, int weightGroupSize) {
    public static final LayerPrecision W16A16 = new LayerPrecision(Precision.FP16, Precision.FP16, 0);

    public LayerPrecision {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(activations, "activations");
        if (weightGroupSize < 0) {
            throw new IllegalArgumentException("weight group size must be >= 0, got " + weightGroupSize);
        }
    }

    public String label() {
        return "W" + weights.bits() + "A" + activations.bits() + (weightGroupSize > 0 ? "g" + weightGroupSize : "");
    }
}
