package io.bitforge.memory.scalesim;

/**
 * Runs one layer the way SCALE-Sim v2 does (scalesim/single_layer_sim.py and
 * memory/double_buffered_scratchpad_mem.py, service_memory_requests): demand row i is issued at cycle
 * i + stalls so far; the ifmap and filter SRAMs serve it one cycle later unless (USER mode) they must wait for a
 * DRAM prefetch ({@link UserReadBuffer}; CALC mode never stalls reads, {@link EstimatingReadBuffer}); the ofmap
 * SRAM may hold the array while a drain is in progress and the buffer is full ({@link DrainingWriteBuffer}).
 * The row's stall is the longest of the three waits. Total cycles are the completion cycle of the last row. Word size is one byte, the active
 * fraction of every double buffer is 0.5.
 *
 * <p>In CALC mode the same report is computed fold by fold ({@link ClosedFormLayerRun}: from counts, except the
 * ifmap of convolutions whose windows overlap, which it follows address by address); USER mode is replayed row by
 * row and address by address ({@link #replay}), which is also the closed form's test oracle.
 */
public final class ScaleSimLayerRun {
    private ScaleSimLayerRun() {
    }

    public static ScaleSimLayerResult run(TopologyLayer layer, ScaleSimConfig config) {
        return ClosedFormLayerRun.applies(layer, config) ? ClosedFormLayerRun.run(layer, config)
                : replay(layer, config);
    }

    /** The layer replayed demand row by demand row, address by address. */
    static ScaleSimLayerResult replay(TopologyLayer layer, ScaleSimConfig config) {
        return replay(layer, config, SramWords.of(config));
    }

    static ScaleSimLayerResult replay(TopologyLayer layer, ScaleSimConfig config, SramWords sram) {
        SystolicDemand demand = SystolicDemand.of(layer, config);
        long ifmapWords = sram.ifmap();
        long filterWords = sram.filter();
        ReadBuffer ifmapBuffer;
        ReadBuffer filterBuffer;
        DrainingWriteBuffer ofmapBuffer;
        if (config.userBandwidth()) {
            // USER mode: every buffer moves bandwidth[0] words per cycle (SCALE-Sim uses the first bank's figure).
            int bandwidth = config.bandwidthWordsPerCycle().get(0);
            ifmapBuffer = user(new UserReadBuffer(ifmapWords, bandwidth, PrefetchOrder.ifmap(demand)));
            filterBuffer = user(new UserReadBuffer(filterWords, bandwidth, PrefetchOrder.filter(demand)));
            ofmapBuffer = new DrainingWriteBuffer(sram.ofmap(), bandwidth);
        } else {
            // CALC mode: reads never stall; the ofmap drains one array row (arrayCols words) per cycle.
            ifmapBuffer = calc(new EstimatingReadBuffer(ifmapWords));
            filterBuffer = calc(new EstimatingReadBuffer(filterWords));
            ofmapBuffer = new DrainingWriteBuffer(sram.ofmap(), config.arrayCols());
        }

        long[] ifmapRow = new long[demand.ifmapWidth()];
        long[] filterRow = new long[demand.filterWidth()];
        long[] ofmapRow = new long[config.arrayCols()];
        Span ifmapSpan = new Span();
        Span filterSpan = new Span();
        Span ofmapSpan = new Span();
        long stalls = 0;
        long lastOfmapCycle = 0;
        long row = 0;
        for (int fold = 0; fold < demand.folds(); fold++) {
            for (int r = 0; r < demand.rowsPerFold(); r++, row++) {
                long cycle = row + stalls;
                demand.ifmapRow(fold, r, ifmapRow);
                demand.filterRow(fold, r, filterRow);
                demand.ofmapRow(fold, r, ofmapRow);
                long ifmapCycle = ifmapBuffer.serve(ifmapRow, cycle);
                ifmapSpan.see(ifmapRow, ifmapCycle);
                long filterCycle = filterBuffer.serve(filterRow, cycle);
                filterSpan.see(filterRow, filterCycle);
                long ofmapCycle = ofmapBuffer.serve(ofmapRow, cycle);
                ofmapSpan.see(ofmapRow, ofmapCycle);
                // stalls of this row: the longest wait of the three buffers (reads beyond their hit latency)
                stalls += Math.max(Math.max(ifmapCycle - cycle - 1, filterCycle - cycle - 1),
                        Math.max(0, ofmapCycle - cycle));
                lastOfmapCycle = ofmapCycle;
            }
        }
        ifmapBuffer.finish();
        filterBuffer.finish();
        ofmapBuffer.drainAll(lastOfmapCycle);

        return new ScaleSimLayerResult(layer.name(), lastOfmapCycle, stalls, layer.macs(),
                (long) config.arrayRows() * config.arrayCols(), demand.mappingEfficiency(),
                demand.computeUtilisation(),
                ifmapSpan.access(demand.ifmapReads()), filterSpan.access(demand.filterReads()),
                ofmapSpan.access(demand.ofmapWrites()), ifmapBuffer.dram(), filterBuffer.dram(),
                new OperandAccess(ofmapBuffer.dramStartCycle(), ofmapBuffer.dramStopCycle(),
                        ofmapBuffer.dramWrites()));
    }

    /** The two read-buffer behaviours behind one face. */
    private interface ReadBuffer {
        long serve(long[] row, long cycle);

        void finish();

        OperandAccess dram();
    }

    private static ReadBuffer calc(EstimatingReadBuffer buffer) {
        return new ReadBuffer() {
            @Override
            public long serve(long[] row, long cycle) {
                buffer.serve(row, cycle);
                return cycle + 1;
            }

            @Override
            public void finish() {
                buffer.completeAllPrefetches();
            }

            @Override
            public OperandAccess dram() {
                return new OperandAccess(buffer.dramStartCycle(), buffer.dramStopCycle(), buffer.dramReads());
            }
        };
    }

    private static ReadBuffer user(UserReadBuffer buffer) {
        return new ReadBuffer() {
            @Override
            public long serve(long[] row, long cycle) {
                return buffer.serve(row, cycle);
            }

            @Override
            public void finish() {
            }

            @Override
            public OperandAccess dram() {
                return new OperandAccess(buffer.dramStartCycle(), buffer.dramStopCycle(), buffer.dramReads());
            }
        };
    }

    /** First and last cycle at which a demand row carried at least one request. */
    private static final class Span {
        private boolean seen;
        private long first;
        private long last;

        void see(long[] row, long cycle) {
            for (long address : row) {
                if (address != -1) {
                    if (!seen) {
                        first = cycle;
                        seen = true;
                    }
                    last = cycle;
                    return;
                }
            }
        }

        OperandAccess access(long count) {
            return new OperandAccess(first, last, count);
        }
    }
}
