package io.bitforge.core.engine;

import io.bitforge.core.cost.CostSource;
import io.bitforge.core.cost.Operand;

import java.util.List;

/**
 * Off-chip cost of one op instance, as a {@link MemoryModel} computes it: cycles the array stalls waiting for
 * DRAM, bytes moved per operand ({@link Operand} order: activations, weights, outputs) and their energy.
 */
public record MemoryCost(long stallCycles, long activationBytes, long weightBytes, long outputBytes,
                         double dramPicojoules, List<CostSource> sources) {
    public static final MemoryCost NONE = new MemoryCost(0, 0, 0, 0, 0, List.of());

    public MemoryCost {
        if (stallCycles < 0 || activationBytes < 0 || weightBytes < 0 || outputBytes < 0 || !(dramPicojoules >= 0)) {
            throw new IllegalArgumentException("memory costs must be >= 0");
        }
        sources = List.copyOf(sources);
    }

    /** Bytes per operand in {@link Operand} order. */
    public long[] bytesByOperand() {
        return new long[] {activationBytes, weightBytes, outputBytes};
    }
}
