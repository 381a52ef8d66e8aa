package io.bitforge.memory.scalesim;

import java.util.HashMap;
import java.util.Map;

/**
 * A read operand's CALC-mode buffer as epochs of distinct addresses over blocks, for operands whose elements each
 * have their own address (every filter; the ifmap of GEMM rows and of convolutions whose windows do not overlap).
 * An address hits exactly when it was added since the window last slid, and the window slides after every
 * 50 sets (50 × floor(words / 100)) of added addresses. A fold reads a block that other folds read in the same order
 * (or never again), so what of a block is in the current epoch is always a suffix of its request order: a fold
 * adds the block's requests before that suffix, and once the window slides inside the fold, all the rest. Each fold
 * costs one step per window slide, dated by {@link FoldStream#rowOf} and the fold's stalls.
 */
final class BlockEpochReads implements CalcReads {
    private final Operand operand;
    private final long epochWords;
    private final long setWords;
    private final CalcPrefetchClock clock;
    /**
     * Where the in-epoch suffix starts, for the repeated blocks read since the window last slid (a slide leaves
     * none in the epoch, so the map is cleared then). Every block kept has its suffix in the window, so the map
     * holds at most as many blocks as the window has words, whatever the layer.
     */
    private final Map<Integer, Long> suffixes = new HashMap<>();
    private long added;
    private long addedThisEpoch;
    private boolean seen;
    private long sramFirst;
    private long sramLast;

    BlockEpochReads(Operand operand, long sramWords) {
        this.operand = operand;
        this.setWords = sramWords / 100;
        // with fewer than 100 words a set never fills, so the window never slides (as in SCALE-Sim)
        this.epochWords = setWords == 0 ? Long.MAX_VALUE : CalcPrefetchClock.WINDOW_SETS * setWords;
        this.clock = new CalcPrefetchClock(setWords);
    }

    @Override
    public void fold(SystolicDemand demand, int fold, long foldStart, FoldStalls stalls) {
        boolean ifmap = operand == Operand.IFMAP;
        fold(ifmap ? demand.ifmapStream(fold) : demand.filterStream(fold),
                ifmap ? demand.ifmapBlock(fold) : demand.filterBlock(fold), foldStart, stalls);
    }

    private void fold(FoldStream stream, int block, long foldStart, FoldStalls stalls) {
        long size = stream.size();
        if (size == 0) {
            return;
        }
        long firstCycle = foldStart + stream.firstRow() + stalls.before(stream.firstRow());
        if (!seen) {
            clock.firstRequest(firstCycle);
            sramFirst = firstCycle + 1;
            seen = true;
        }
        sramLast = foldStart + stream.lastRow() + stalls.before(stream.lastRow()) + 1;
        Long kept = block >= 0 ? suffixes.get(block) : null;
        long suffix = kept != null ? kept : size;
        long position = 0;
        long end = suffix;
        long lastSlide = -1;
        while (position < end) {
            long misses = end - position;
            if (misses < epochWords - addedThisEpoch) {
                addedThisEpoch += misses;
                added += misses;
                break;
            }
            long slideAt = position + (epochWords - addedThisEpoch) - 1;
            added += slideAt - position + 1;
            addedThisEpoch = 0;
            suffixes.clear();
            long row = stream.rowOf(slideAt);
            clock.windowFilled(foldStart + row + stalls.before(row));
            lastSlide = slideAt;
            position = slideAt + 1;
            end = size; // the rest of the block was added before the slide: it misses again
        }
        if (block >= 0) {
            suffixes.put(block, lastSlide + 1);
        }
    }

    @Override
    public OperandAccess sram(long reads) {
        return new OperandAccess(sramFirst, sramLast, reads);
    }

    @Override
    public OperandAccess dram() {
        long sets = setWords == 0 ? (added > 0 ? 1 : 0) : (added + setWords - 1) / setWords;
        clock.finish(sets);
        return new OperandAccess(clock.dramStartCycle(), clock.dramStopCycle(), added);
    }
}
