package io.bitforge.explore;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How a space scores memory. {@link #FLOOR} (the default): the stall-free engine with {@code simulate}'s DRAM
 * floor, fast enough for large sweeps, where buffer sizes act only through SRAM energy and port stalls.
 * {@link #TILED}: {@code simulate}'s own engine, every GEMM tiled to the design's SRAMs (re-fetches included) and
 * stalled on its DRAM's sustained bandwidth, then floored the same way; the tiler searches once per GEMM shape and
 * design, so a design costs milliseconds instead of microseconds.
 */
public enum SpaceMemory {
    FLOOR("floor"), TILED("tiled");

    private final String id;

    SpaceMemory(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<SpaceMemory> fromId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(SpaceMemory::id).toList();
    }
}
