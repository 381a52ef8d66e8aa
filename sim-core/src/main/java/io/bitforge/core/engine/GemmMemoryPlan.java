package io.bitforge.core.engine;

/**
 * How one GEMM instance meets DRAM: the tiling chosen (or pinned), the double-buffered timeline it produces,
 * and the extra array cycles cutting the GEMM into tiles costs over running it as one fold schedule (each tile
 * pays its own pipeline fill and drain, and ragged tiles leave cells idle).
 */
public record GemmMemoryPlan(GemmTiling tiling, MemoryTimeline timeline, long tilingOverheadCycles) {
    /** Cycles the GEMM takes beyond its stall-free, untiled fold schedule: tiling overhead plus DRAM stalls. */
    public long memoryStallCycles() {
        return tilingOverheadCycles + timeline.stallCycles();
    }
}
