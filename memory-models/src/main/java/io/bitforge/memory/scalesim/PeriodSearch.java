package io.bitforge.memory.scalesim;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Looks for the first fold start at which the ofmap buffer is in a state it was in at an earlier fold start of the
 * same run ({@link OfmapFolds}): from then on the folds repeat with that period. Remembers, per fold seen, its start
 * cycle, stalls and the buffer's line, write and DRAM-window counters; bounded by {@link OfmapFolds#MAX_TRACKED_FOLDS}
 * folds and {@link OfmapFolds#MAX_TRACKED_STALLS} stall events.
 */
final class PeriodSearch {
    private final int firstFold;
    private final Map<State, Integer> seen = new HashMap<>();
    private long[] starts = new long[16];
    private long[] lines = new long[16];
    private long[] writes = new long[16];
    private long[] drainCounts = new long[16];
    private FoldStalls[] foldStalls = new FoldStalls[16];
    private int count;
    private long stallEvents;

    PeriodSearch(int firstFold) {
        this.firstFold = firstFold;
    }

    /**
     * Fold {@code fold} starts at {@code start} with {@code buffer} as it is; {@code previousStalls} are the stalls
     * of the fold before it (null for the first fold seen). Returns the period when this state was seen before.
     */
    OfmapFolds.Period see(int fold, long start, DrainingWriteBuffer buffer, FoldStalls previousStalls) {
        if (count > 0) {
            FoldStalls stalls = previousStalls.snapshot();
            foldStalls[count - 1] = stalls;
            stallEvents += stalls.events();
        }
        int index = fold - firstFold;
        if (index != count) {
            throw new IllegalStateException("folds out of order: " + fold);
        }
        grow();
        starts[count] = start;
        lines[count] = buffer.closedLines();
        writes[count] = buffer.dramWrites();
        drainCounts[count] = buffer.drains();
        count++;
        Integer earlier = seen.putIfAbsent(new State(buffer.state(start)), index);
        if (earlier == null) {
            return null;
        }
        int e = earlier;
        int folds = index - e;
        return new OfmapFolds.Period(firstFold + e, folds, starts[index] - starts[e], lines[index] - lines[e],
                writes[index] - writes[e], drainCounts[index] != drainCounts[e],
                Arrays.copyOfRange(starts, e, index), Arrays.copyOfRange(foldStalls, e, index));
    }

    /** True when it remembers too much to go on. */
    boolean full() {
        return count >= OfmapFolds.MAX_TRACKED_FOLDS || stallEvents >= OfmapFolds.MAX_TRACKED_STALLS;
    }

    private void grow() {
        if (count == starts.length) {
            int size = count * 2;
            starts = Arrays.copyOf(starts, size);
            lines = Arrays.copyOf(lines, size);
            writes = Arrays.copyOf(writes, size);
            drainCounts = Arrays.copyOf(drainCounts, size);
            foldStalls = Arrays.copyOf(foldStalls, size);
        }
    }

    /** A buffer state as a map key. */
    private record State(long[] values) {
        @Override
        public boolean equals(Object other) {
            return other instanceof State state && Arrays.equals(values, state.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }
}
