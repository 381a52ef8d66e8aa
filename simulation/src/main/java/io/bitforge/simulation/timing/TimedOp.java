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
 */
public record TimedOp(Unit unit, long computeCycles, long dramBytes, boolean streamsRows, long tailCycles) {
    /** The two compute resources of a design. */
    public enum Unit { ARRAY, VECTOR }

    public TimedOp {
        if (computeCycles < 0 || dramBytes < 0 || tailCycles < 0) {
            throw new IllegalArgumentException("cycles and bytes must be >= 0");
        }
    }
}
