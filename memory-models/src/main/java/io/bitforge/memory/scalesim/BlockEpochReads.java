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
 *
 * <p>A stretch of folds of one shape ({@link #folds}) settles, after a few folds, into one of two steady states that
 * are taken at once: every request misses (the previous fold slid the window, and no block comes back before the
 * window has slid again: a block the next fold reads again is at least a window long, and one read again d folds
 * later is cleared by the slides of the d − 1 folds between), or every request hits (the same block again, held
 * whole since the window last slid). Every other fold goes one by one.
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
    /** The window slid during the last fold taken. */
    private boolean lastFoldSlid;

    BlockEpochReads(Operand operand, long sramWords) {
        this.operand = operand;
        this.window = new EpochWindow(sramWords);
    }

    @Override
    public void fold(SystolicDemand demand, int fold, long foldStart, FoldStalls stalls) {
        fold(stream(demand, fold), block(demand, fold), foldStart, stalls);
    }

    private FoldStream stream(SystolicDemand demand, int fold) {
        return operand == Operand.IFMAP ? demand.ifmapStream(fold) : demand.filterStream(fold);
    }

    private int block(SystolicDemand demand, int fold) {
        return operand == Operand.IFMAP ? demand.ifmapBlock(fold) : demand.filterBlock(fold);
    }

    private void fold(FoldStream stream, int block, long foldStart, FoldStalls stalls) {
        long size = stream.size();
        lastFoldSlid = false;
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
        lastFoldSlid = lastSlide >= 0;
    }

    @Override
    public void folds(SystolicDemand demand, int from, int to, FoldTiming timing) {
        FoldStream stream = stream(demand, from); // one shape for the whole stretch
        long size = stream.size();
        BlockRecurrence recurrence = operand == Operand.IFMAP ? demand.ifmapRecurrence() : demand.filterRecurrence();
        int distance = recurrence.distance(demand);
        long epoch = window.epochWords();
        // two slides in one row (SCALE-Sim divides by zero there) are left to the fold-by-fold path to find
        boolean oneSlidePerRow = stream.maxCount() <= epoch;
        int fold = from;
        while (fold < to) {
            if (size == 0) {
                return;
            }
            if (oneSlidePerRow && allMiss(distance, size, epoch)) {
                missAll(demand, stream, fold, to, timing);
                return;
            }
            int hitsUntil = allHitUntil(demand, recurrence, distance, fold, to);
            if (hitsUntil > fold) {
                int last = hitsUntil - 1;
                window.sramUntil(timing.start(last) + stream.lastRow() + timing.stalls(last).before(stream.lastRow()));
                lastFoldSlid = false;
                fold = hitsUntil;
                continue;
            }
            fold(stream, block(demand, fold), timing.start(fold), timing.stalls(fold));
            fold++;
        }
    }

    /** True when every request of the folds to come misses (see the class comment). */
    private boolean allMiss(int distance, long size, long epoch) {
        if (distance == 0) {
            return true; // no block read twice: nothing of it can be in the window
        }
        if (!lastFoldSlid) {
            return false;
        }
        if (distance == 1) {
            return size >= epoch; // each fold slides the window, and everything after a slide misses
        }
        // slides at most ceil(epoch / size) folds apart clear every block before it comes back
        return distance - 1 >= (epoch + size - 1) / size;
    }

    /**
     * The end of the folds from {@code fold} on (before {@code to}) whose requests all hit: blocks that recur and are
     * held whole in the window (a suffix from 0) with no fold among them adding anything; {@code fold} if none.
     */
    private int allHitUntil(SystolicDemand demand, BlockRecurrence recurrence, int distance, int fold, int to) {
        if (distance == 0 || suffixes.size() < Math.min(distance, to - fold)) {
            return fold;
        }
        if (distance == 1) {
            Long kept = suffixes.get(block(demand, fold));
            if (kept == null || kept != 0) {
                return fold;
            }
            // the block holds until the column fold ends (COL_FOLD) or for good (one row fold)
            int blockEnd = recurrence == BlockRecurrence.COL_FOLD
                    ? (demand.colFold(fold) + 1) * demand.rowFolds() : to;
            return Math.min(to, blockEnd);
        }
        for (int f = fold; f < to && f < fold + distance; f++) {
            Long kept = suffixes.get(block(demand, f));
            if (kept == null || kept != 0) {
                return fold;
            }
        }
        return to; // every block of the cycle is held whole, and all-hit folds add nothing
    }

    /** Folds {@code from} to {@code to}: every request a miss, so only the count of them and the slides matter. */
    private void missAll(SystolicDemand demand, FoldStream stream, int from, int to, FoldTiming timing) {
        long size = stream.size();
        long total = Math.multiplyExact((long) (to - from), size);
        window.request(timing.start(from) + stream.firstRow() + timing.stalls(from).before(stream.firstRow()));
        int last = to - 1;
        window.sramUntil(timing.start(last) + stream.lastRow() + timing.stalls(last).before(stream.lastRow()));
        long room = window.room();
        int lastSlideFold = -1;
        long lastSlidePosition = -1;
        if (total < room) {
            window.add(total);
        } else {
            long epoch = window.epochWords();
            long slides = 1 + (total - room) / epoch;
            long lastSlide = room - 1 + (slides - 1) * epoch;
            window.fill(slides, cycleOf(stream, from, room - 1, timing), cycleOf(stream, from, lastSlide, timing));
            window.add(total - 1 - lastSlide);
            suffixes.clear();
            lastSlideFold = from + (int) (lastSlide / size);
            lastSlidePosition = lastSlide % size;
        }
        // the blocks read since the last slide: that fold's suffix after it, every later fold's whole block
        int keepFrom = lastSlideFold >= 0 ? lastSlideFold : from;
        for (int fold = keepFrom; fold < to; fold++) {
            int block = block(demand, fold);
            if (block >= 0) {
                suffixes.put(block, fold == lastSlideFold ? lastSlidePosition + 1 : 0);
            }
        }
        lastFoldSlid = lastSlideFold == last;
    }

    /** The cycle of the request at {@code index} of the stretch's requests (folds in turn) from fold {@code from}. */
    private static long cycleOf(FoldStream stream, int from, long index, FoldTiming timing) {
        int fold = from + (int) (index / stream.size());
        long row = stream.rowOf(index % stream.size());
        return timing.start(fold) + row + timing.stalls(fold).before(row);
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
