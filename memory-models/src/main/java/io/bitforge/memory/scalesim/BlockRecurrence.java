package io.bitforge.memory.scalesim;

/**
 * How the blocks an operand's folds read recur ({@link SystolicDemand#ifmapBlock}): not at all (a stationary operand,
 * each element read once), per row fold (the streamed operand: the same block in every column fold), or per column
 * fold (the output-stationary filter: one block for all row folds of a column fold).
 */
enum BlockRecurrence {
    NONE, ROW_FOLD, COL_FOLD;

    /**
     * Folds from one read of a block to its next read, for folds inside one run: 0 when no other fold reads it, 1
     * when the next fold reads the same block (within a column fold for {@link #COL_FOLD}; a new column fold reads
     * a block no fold read before).
     */
    int distance(SystolicDemand demand) {
        return switch (this) {
            case NONE -> 0;
            case ROW_FOLD -> demand.colFolds() == 1 ? 0 : demand.rowFolds();
            case COL_FOLD -> demand.rowFolds() == 1 ? 0 : 1;
        };
    }
}
