package io.bitforge.memory.scalesim;

/**
 * The ofmap SRAM of a CALC-mode layer run fold by fold ({@link ClosedFormLayerRun}): each fold's demand rows as word
 * counts ({@link DrainingWriteBuffer#serveWords}), a run of equal rows with no event in one step, and the stalls
 * that date every row. Since nothing else stalls in CALC mode, folds that repeat (same shape, and the buffer in the
 * same {@link DrainingWriteBuffer#state} at their start) repeat exactly, shifted: {@link #period} finds such a
 * repetition among the folds of a run and {@link #repeat} moves the buffer over whole periods at once.
 */
final class OfmapFolds {
    /** Fold starts remembered while looking for a period; past this many, the search starts over. */
    static final int MAX_TRACKED_FOLDS = 1 << 16;
    /** Stall events remembered while looking for a period (their memory), past which the search starts over. */
    static final int MAX_TRACKED_STALLS = 1 << 18;

    private final SystolicDemand demand;
    private final DrainingWriteBuffer buffer;
    private final long rowsPerFold;
    private final FoldStalls foldStalls = new FoldStalls();
    private long stalls;
    private long ofmapFirst;
    private long ofmapLast;
    private PeriodSearch search;

    OfmapFolds(SystolicDemand demand, DrainingWriteBuffer buffer) {
        this.demand = demand;
        this.buffer = buffer;
        this.rowsPerFold = demand.rowsPerFold();
    }

    /** The cycle fold {@code fold} starts at, once the folds before it are done. */
    long start(int fold) {
        return Math.addExact(Math.multiplyExact((long) fold, rowsPerFold), stalls);
    }

    /** Serves fold {@code fold}'s ofmap rows; its stalls are then {@link #foldStalls()}. Returns the fold's start. */
    long fold(int fold) {
        long foldStart = start(fold);
        foldStalls.clear();
        FoldStream ofmap = demand.ofmapStream(fold);
        for (long row = ofmap.firstRow(); row <= ofmap.lastRow(); ) {
            long cycle = foldStart + row + foldStalls.total();
            long words = ofmap.count(row);
            // a run of rows with equal counts and no drain or stall costs one step
            long quiet = buffer.quietRows(words, cycle, ofmap.sameCountUntil(row) - row + 1);
            long rows = Math.max(1, quiet);
            long served = quiet > 0 ? cycle : buffer.serveWords(words, cycle);
            if (quiet > 0) {
                buffer.storeQuietly(Math.multiplyExact(quiet, words));
            }
            if (fold == 0 && row == ofmap.firstRow()) {
                ofmapFirst = served;
            }
            ofmapLast = served + rows - 1;
            foldStalls.add(row, served - cycle);
            row += rows;
        }
        stalls += foldStalls.total();
        return foldStart;
    }

    /** The stalls of the fold last served. */
    FoldStalls foldStalls() {
        return foldStalls;
    }

    /** Starts looking for a period from fold {@code fold} on (the folds from here to the run's end are alike). */
    void startRun(int fold) {
        search = new PeriodSearch(fold);
        search.see(fold, start(fold), buffer, null);
    }

    /**
     * Called after fold {@code fold − 1} was served and its reads taken: the repetition found once the buffer's state
     * at the start of {@code fold} equals its state at an earlier fold of the run, or null.
     */
    Period period(int fold) {
        Period period = search.see(fold, start(fold), buffer, foldStalls);
        if (search.full()) {
            startRun(fold);
        }
        return period;
    }

    /** Moves over {@code periods} repetitions of {@code period}: the folds from its end on go as they did. */
    void repeat(long periods, Period period) {
        buffer.repeat(periods, period.lines(), period.cycles(), period.writes(), period.drained());
        long stallShift = Math.multiplyExact(periods, period.cycles() - period.folds() * rowsPerFold);
        stalls = Math.addExact(stalls, stallShift);
        ofmapLast = Math.addExact(ofmapLast, Math.multiplyExact(periods, period.cycles()));
    }

    long stalls() {
        return stalls;
    }

    long ofmapFirst() {
        return ofmapFirst;
    }

    long ofmapLast() {
        return ofmapLast;
    }

    /**
     * A stretch of {@code folds} folds, from fold {@code from}, after which the buffer is in the state it started
     * in, {@code cycles} later, with {@code lines} more lines closed and {@code writes} more DRAM writes. As a
     * {@link FoldTiming} it dates every later fold of the run by the folds it remembers.
     */
    record Period(int from, int folds, long cycles, long lines, long writes, boolean drained, long[] starts,
                  FoldStalls[] foldStalls) implements FoldTiming {
        @Override
        public long start(int fold) {
            long periods = (fold - from) / folds;
            return Math.addExact(starts[(fold - from) % folds], Math.multiplyExact(periods, cycles));
        }

        @Override
        public FoldStalls stalls(int fold) {
            return foldStalls[(fold - from) % folds];
        }
    }
}
