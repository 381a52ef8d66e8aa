package io.bitforge.pe.shiftadd;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a MixPE design dequantises its group sums (spec key {@code pe.params.dequant}).
 * <ul>
 *   <li>{@link #VECTOR} (default): on the spec's vector unit, concurrently with the array as the group sums arrive
 *       ({@link SideWork} with one part per group): its exposed cycles depend on the vector lanes.</li>
 *   <li>{@link #EDGE}: one FP32 dequantiser per column output lane at the array's bottom edge, as BitForge's RTL
 *       builds it: the column's accumulators hand each group sum to it at the group boundary, one row per cycle as
 *       the skew brings them, with Σa formed once per row and group at the activation edge and shared by all
 *       columns (MixPE, arXiv 2411.16158: "Σa over the activation group is computed once and shared"). It keeps pace
 *       with the array while R·f_a ≤ G; beyond that the array waits (R·f_a − G) cycles at each inner group
 *       boundary.</li>
 * </ul>
 */
public enum MixPeDequantTiming {
    VECTOR("vector"), EDGE("edge");

    private final String id;

    MixPeDequantTiming(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<MixPeDequantTiming> fromId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
