package io.bitforge.core.pe;

import io.bitforge.core.op.Precision;

import java.util.Objects;

/**
 * The operand formats a family's cell computes with for given parameters: what {@code bitforge gemm} uses when the
 * user gives only a shape. {@code outputs} is the format results are written to the output buffer in.
 */
public record NativePrecisions(Precision activations, Precision weights, Precision outputs) {
    public NativePrecisions {
        Objects.requireNonNull(activations, "activations");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(outputs, "outputs");
    }
}
