package io.bitforge.memory.scalesim;

/**
 * When each fold of a run starts and which ofmap stalls it takes, for folds the layer run did not step through one by
 * one: in SCALE-Sim's CALC mode only the ofmap SRAM stalls, so a read buffer needs nothing else to date its requests
 * (a row's cycle is the fold's start plus the row plus the fold's stalls before it).
 */
interface FoldTiming {
    /** The cycle of fold {@code fold}'s first demand row. */
    long start(int fold);

    /** The ofmap stalls of fold {@code fold}, by row; not to be changed. */
    FoldStalls stalls(int fold);
}
