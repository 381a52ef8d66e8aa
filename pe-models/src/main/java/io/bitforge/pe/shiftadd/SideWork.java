package io.bitforge.pe.shiftadd;

import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.op.VectorOp;

import java.util.Objects;

/**
 * Work a PE family hands to the vector unit around its array (MixPE's per-group dequantisation, a LUT core's table
 * precompute): the vector op, the energy category its energy is booked under instead of
 * {@link EnergyCategory#VECTOR}, and how it overlaps the array.
 *
 * @param concurrentParts 0: serialised after the array (the engine's convention for vector work); p &gt; 0: runs
 *                        alongside the array, fed in p equal parts as the array produces them (MixPE's group sums),
 *                        so only the last part, or the excess over the array's cycles, is exposed
 */
public record SideWork(VectorOp op, EnergyCategory category, long concurrentParts) {
    public SideWork {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(category, "category");
        if (concurrentParts < 0) {
            throw new IllegalArgumentException("concurrent parts must be >= 0, got " + concurrentParts);
        }
    }

    /** Work serialised after the array. */
    public static SideWork serial(VectorOp op, EnergyCategory category) {
        return new SideWork(op, category, 0);
    }
}
