package io.bitforge.core.engine;

/**
 * The result of running a tiled GEMM against DRAM with double-buffered SRAMs.
 *
 * @param computeCycles               sum of the tiles' compute cycles
 * @param stallCycles                 cycles the array waits because the next tile's data (or the previous C
 *                                    tile's write-back) is not through DRAM when the current tile finishes
 * @param prefetchCycles              loading the first tile before compute starts (not in the total, as in
 *                                    SCALE-Sim's "Total Cycles")
 * @param drainCycles                 writing the last C tile after compute ends (not in the total)
 * @param traffic                     bytes moved, every tile transfer rounded up to whole DRAM bursts
 * @param stallFreeBytesPerCycle      the smallest DRAM bandwidth at which no tile stalls: the largest ratio of
 *                                    bytes moved during a tile to that tile's compute cycles
 * @param steps                       tile steps
 */
public record MemoryTimeline(long computeCycles, long stallCycles, long prefetchCycles, long drainCycles,
                             DramTraffic traffic, double stallFreeBytesPerCycle, long steps) {

    /** Compute plus stalls. */
    public long totalCycles() {
        return computeCycles + stallCycles;
    }

    /** Total plus the initial prefetch. */
    public long totalCyclesWithPrefetch() {
        return totalCycles() + prefetchCycles;
    }

    /** Bytes of one operand per cycle of the whole run. */
    public double averageBytesPerCycle(long bytes) {
        return bytes / (double) totalCycles();
    }
}
