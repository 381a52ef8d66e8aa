package io.bitforge.core.spec;

import io.bitforge.core.cost.Operand;

import java.util.Objects;

/** The three operand buffers (SCALE-Sim: ifmap = activations, filter = weights, ofmap = outputs). */
public record BufferSpecs(BufferSpec activations, BufferSpec weights, BufferSpec outputs) {
    public BufferSpecs {
        Objects.requireNonNull(activations, "activations");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(outputs, "outputs");
    }

    public BufferSpec of(Operand operand) {
        return switch (operand) {
            case ACTIVATIONS -> activations;
            case WEIGHTS -> weights;
            case OUTPUTS -> outputs;
        };
    }
}
