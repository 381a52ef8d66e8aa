package io.bitforge.memory.scalesim;

import java.util.HashMap;
import java.util.Map;

/**
 * SCALE-Sim v2's CALC-mode layer run ({@link ScaleSimLayerRun}) computed per fold from counts instead of per
 * address and cycle, for layers whose ifmap elements all have their own address (GEMM rows, convolutions whose
 * windows do not overlap; {@link OperandAddresses#ifmapDistinct()}). It gives the same report because:
 * <ul>
 * <li>In CALC mode reads never stall, so stalls come from the ofmap SRAM alone, and that depends only on how many
 * words each demand row writes ({@link DrainingWriteBuffer#serveWords}), which a fold's {@link FoldStream} gives
 * per row.</li>
 * <li>The CALC read buffer ({@link EstimatingReadBuffer}) works in epochs: an address hits exactly when it was
 * added since the window last slid, and the window slides after every 50 sets (50 × floor(words / 100)) of added
 * addresses. With distinct addresses a fold's operand is a block that other folds read in the same order (or
 * never again), so what of a block is in the current epoch is always a suffix of its request order: a fold adds
 * the block's requests before that suffix, and once the window slides inside the fold, all the rest. Each fold
 * costs one step per window slide, whose cycle comes from {@link FoldStream#rowOf} and the fold's stalls.</li>
 * </ul>
 * The address-level run stays as the oracle (property-tested against this one over random shapes, arrays, SRAM
 * sizes and dataflows). Time: the ofmap rows of every fold (at most T + C each) plus one binary search per window
 * slide; memory: a suffix per block read since the window last slid (at most the window's words).
 */
final class ClosedFormLayerRun {
    private ClosedFormLayerRun() {
    }

    /** True when this class computes the layer exactly (CALC mode, distinct ifmap addresses). */
    static boolean applies(TopologyLayer layer, ScaleSimConfig config) {
        return !config.userBandwidth() && new OperandAddresses(layer, config).ifmapDistinct();
    }

    static ScaleSimLayerResult run(TopologyLayer layer, ScaleSimConfig config) {
        return run(layer, config, SramWords.of(config));
    }

    static ScaleSimLayerResult run(TopologyLayer layer, ScaleSimConfig config, SramWords sram) {
        SystolicDemand demand = SystolicDemand.of(layer, config);
        int folds = demand.folds();
        long rowsPerFold = demand.rowsPerFold();
        DrainingWriteBuffer ofmapBuffer = new DrainingWriteBuffer(sram.ofmap(), config.arrayCols());
        EpochReads ifmap = new EpochReads(sram.ifmap());
        EpochReads filter = new EpochReads(sram.filter());
        FoldStalls foldStalls = new FoldStalls();
        long stalls = 0;
        long ofmapFirst = 0;
        long ofmapLast = 0;
        for (int fold = 0; fold < folds; fold++) {
            long foldStart = Math.multiplyExact((long) fold, rowsPerFold) + stalls;
            foldStalls.clear();
            FoldStream ofmap = demand.ofmapStream(fold);
            for (long row = ofmap.firstRow(); row <= ofmap.lastRow(); ) {
                long cycle = foldStart + row + foldStalls.total();
                long words = ofmap.count(row);
                // a run of rows with equal counts and no drain or stall costs one step
                long quiet = ofmapBuffer.quietRows(words, cycle, ofmap.sameCountUntil(row) - row + 1);
                long rows = Math.max(1, quiet);
                long served = quiet > 0 ? cycle : ofmapBuffer.serveWords(words, cycle);
                if (quiet > 0) {
                    ofmapBuffer.storeQuietly(Math.multiplyExact(quiet, words));
                }
                if (fold == 0 && row == ofmap.firstRow()) {
                    ofmapFirst = served;
                }
                ofmapLast = served + rows - 1;
                foldStalls.add(row, served - cycle);
                row += rows;
            }
            ifmap.fold(demand.ifmapStream(fold), demand.ifmapBlock(fold), foldStart, foldStalls);
            filter.fold(demand.filterStream(fold), demand.filterBlock(fold), foldStart, foldStalls);
            stalls += foldStalls.total();
        }
        long lastOfmapCycle = demand.totalRows() - 1 + stalls;
        ofmapBuffer.drainAll(lastOfmapCycle);
        return new ScaleSimLayerResult(layer.name(), lastOfmapCycle, stalls, layer.macs(),
                (long) config.arrayRows() * config.arrayCols(), demand.mappingEfficiency(),
                demand.computeUtilisation(),
                ifmap.sram(demand.ifmapReads()), filter.sram(demand.filterReads()),
                new OperandAccess(ofmapFirst, ofmapLast, demand.ofmapWrites()), ifmap.dram(), filter.dram(),
                new OperandAccess(ofmapBuffer.dramStartCycle(), ofmapBuffer.dramStopCycle(),
                        ofmapBuffer.dramWrites()));
    }

    /** The stalls of the fold so far, by the row that caused them, to date any row of the fold. */
    private static final class FoldStalls {
        private long[] rows = new long[16];
        private long[] cumulative = new long[16];
        private int count;
        private long total;

        void clear() {
            count = 0;
            total = 0;
        }

        void add(long row, long stall) {
            if (stall <= 0) {
                return;
            }
            if (count == rows.length) {
                rows = java.util.Arrays.copyOf(rows, count * 2);
                cumulative = java.util.Arrays.copyOf(cumulative, count * 2);
            }
            total += stall;
            rows[count] = row;
            cumulative[count++] = total;
        }

        long total() {
            return total;
        }

        /** Stalls of rows before {@code row}: a row's cycle is its index plus the stalls before it. */
        long before(long row) {
            int lo = 0;
            int hi = count; // first event at or after row
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (rows[mid] < row) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo == 0 ? 0 : cumulative[lo - 1];
        }
    }

    /** One read operand's CALC-mode buffer, as epochs of distinct addresses over blocks. */
    private static final class EpochReads {
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

        EpochReads(long sramWords) {
            this.setWords = sramWords / 100;
            // with fewer than 100 words a set never fills, so the window never slides (as in SCALE-Sim)
            this.epochWords = setWords == 0 ? Long.MAX_VALUE : CalcPrefetchClock.WINDOW_SETS * setWords;
            this.clock = new CalcPrefetchClock(setWords);
        }

        void fold(FoldStream stream, int block, long foldStart, FoldStalls stalls) {
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

        OperandAccess sram(long reads) {
            return new OperandAccess(sramFirst, sramLast, reads);
        }

        OperandAccess dram() {
            long sets = setWords == 0 ? (added > 0 ? 1 : 0) : (added + setWords - 1) / setWords;
            clock.finish(sets);
            return new OperandAccess(clock.dramStartCycle(), clock.dramStopCycle(), added);
        }
    }
}
