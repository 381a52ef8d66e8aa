package io.bitforge.core.engine;

/** How one GEMM instance meets DRAM: the tiling chosen (or pinned) and the double-buffered timeline it produces. */
public record GemmMemoryPlan(GemmTiling tiling, MemoryTimeline timeline) {
    /** Cycles the array waits for DRAM beyond the stall-free fold schedule. */
    public long memoryStallCycles() {
        return timeline.stallCycles();
    }
}
