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
    private final EpochWindow window;
    /**
     * Where the in-epoch suffix starts, for the repeated blocks read since the window last slid (a slide leaves
     * none in the epoch, so the map is cleared then). Every block kept has its suffix in the window, so the map
     * holds at most as many blocks as the window has words, whatever the layer.
     */
    private final Map<Integer, Long> suffixes = new HashMap<>();

    BlockEpochReads(Operand operand, long sramWords) {
        this.operand = operand;
        this.window = new EpochWindow(sramWords);
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
        window.request(firstCycle);
        window.sramUntil(foldStart + stream.lastRow() + stalls.before(stream.lastRow()));
        Long kept = block >= 0 ? suffixes.get(block) : null;
        long suffix = kept != null ? kept : size;
        long position = 0;
        long end = suffix;
        long lastSlide = -1;
        while (position < end) {
            long misses = end - position;
            if (misses < window.room()) {
                window.add(misses);
                break;
            }
            long slideAt = position + window.room() - 1;
            long row = stream.rowOf(slideAt);
            window.fill(foldStart + row + stalls.before(row));
            suffixes.clear();
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
        return window.sram(reads);
    }

    @Override
    public OperandAccess dram() {
        return window.dram();
    }
}
