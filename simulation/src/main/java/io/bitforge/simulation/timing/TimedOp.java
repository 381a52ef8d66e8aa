package io.bitforge.simulation.timing;

/**
 * One op as the {@link PipelinedTimeline} schedules it: all its instances as one block.
 *
 * @param unit          the array or the vector unit
 * @param computeCycles cycles the unit is busy, DRAM waits excluded
 * @param dramBytes     bytes the op moves over the DRAM interface
 * @param streamsRows   true for a vector op that consumes the previous array op's output rows as they appear
 *                      (softmax after the score GEMM): it may start with that op and ends no earlier than
 *                      {@code tailCycles} after it
 * @param tailCycles    when streaming: the vector unit's cycles for the producer's last row
 * @param dramBytesPerCycle the rate this op's bytes cross the DRAM interface (its streams' row hits and misses,
 *                      {@link RowBufferDram}), or 0 for the interface's sustained rate
 */
public record TimedOp(Unit unit, long computeCycles, long dramBytes, boolean streamsRows, long tailCycles,
                      double dramBytesPerCycle) {
    /** The two compute resources of a design. */
    public enum Unit { ARRAY, VECTOR }

    public TimedOp {
        if (computeCycles < 0 || dramBytes < 0 || tailCycles < 0 || !(dramBytesPerCycle >= 0)
                || Double.isInfinite(dramBytesPerCycle)) {
            throw new IllegalArgumentException("cycles, bytes and rates must be >= 0 and finite");
        }
    }

    /** An op whose bytes move at the interface's sustained rate. */
    public TimedOp(Unit unit, long computeCycles, long dramBytes, boolean streamsRows, long tailCycles) {
        this(unit, computeCycles, dramBytes, streamsRows, tailCycles, 0);
    }
}
