package io.bitforge.memory.scalesim;

/**
 * One read operand's CALC-mode buffer (SCALE-Sim's read_buffer_estimate_bw.py) as the closed-form layer run feeds
 * it: fold by fold, each fold's rows dated by the fold's start and its ofmap stalls. Two ways to follow the
 * window's epochs: by counts over blocks of distinct addresses ({@link BlockEpochReads}), or address by address
 * where addresses repeat inside a fold ({@link AddressEpochReads}).
 */
sealed interface CalcReads permits BlockEpochReads, AddressEpochReads {
    /** Which operand a buffer serves. */
    enum Operand { IFMAP, FILTER }

    void fold(SystolicDemand demand, int fold, long foldStart, FoldStalls stalls);

    /**
     * Folds {@code from} (inclusive) to {@code to} (exclusive), all of one shape, dated by {@code timing}: by default
     * one by one; a follower that can tell what a whole stretch of them does takes it at once.
     */
    default void folds(SystolicDemand demand, int from, int to, FoldTiming timing) {
        for (int fold = from; fold < to; fold++) {
            fold(demand, fold, timing.start(fold), timing.stalls(fold));
        }
    }

    /** The SRAM window: first and last cycle a request was served, with SCALE-Sim's read count. */
    OperandAccess sram(long reads);

    /** The DRAM prefetches: window and words; call once, after the last fold. */
    OperandAccess dram();
}
