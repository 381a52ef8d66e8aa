package io.bitforge.memory.scalesim;

import io.bitforge.core.io.BadInputException;

/**
 * Runs one layer the way SCALE-Sim v2 does (scalesim/single_layer_sim.py and
 * memory/double_buffered_scratchpad_mem.py, service_memory_requests): demand row i is issued at cycle
 * i + stalls so far; the ifmap and filter SRAMs serve it one cycle later (CALC mode never stalls reads); the
 * ofmap SRAM may hold the array while a drain is in progress and the buffer is full, and those cycles add to
 * the stalls. Total cycles are the completion cycle of the last row. Word size is one byte, the active
 * fraction of every double buffer is 0.5.
 */
public final class ScaleSimLayerRun {
    private ScaleSimLayerRun() {
    }

    public static ScaleSimLayerResult run(TopologyLayer layer, ScaleSimConfig config) {
        if (config.userBandwidth()) {
            throw new BadInputException("run_presets.InterfaceBandwidth: USER mode is not simulated yet by "
                    + "BitForge's SCALE-Sim mode; must be CALC, got USER");
        }
        SystolicDemand demand = SystolicDemand.of(layer, config);
        EstimatingReadBuffer ifmapBuffer = new EstimatingReadBuffer(config.ifmapSramKib() * 1024L);
        EstimatingReadBuffer filterBuffer = new EstimatingReadBuffer(config.filterSramKib() * 1024L);
        // CALC mode: the ofmap drains at one array row (arrayCols words) per cycle.
        DrainingWriteBuffer ofmapBuffer = new DrainingWriteBuffer(config.ofmapSramKib() * 1024L,
                config.arrayCols());

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
                ifmapBuffer.serve(ifmapRow, cycle);
                ifmapSpan.see(ifmapRow, cycle + 1);
                filterBuffer.serve(filterRow, cycle);
                filterSpan.see(filterRow, cycle + 1);
                long ofmapCycle = ofmapBuffer.serve(ofmapRow, cycle);
                ofmapSpan.see(ofmapRow, ofmapCycle);
                stalls += Math.max(0, ofmapCycle - cycle);
                lastOfmapCycle = ofmapCycle;
            }
        }
        ifmapBuffer.completeAllPrefetches();
        filterBuffer.completeAllPrefetches();
        ofmapBuffer.drainAll(lastOfmapCycle);

        return new ScaleSimLayerResult(layer.name(), lastOfmapCycle, stalls, layer.macs(),
                (long) config.arrayRows() * config.arrayCols(), demand.mappingEfficiency(),
                demand.computeUtilisation(),
                ifmapSpan.access(demand.ifmapReads()), filterSpan.access(demand.filterReads()),
                ofmapSpan.access(demand.ofmapWrites()),
                new OperandAccess(ifmapBuffer.dramStartCycle(), ifmapBuffer.dramStopCycle(), ifmapBuffer.dramReads()),
                new OperandAccess(filterBuffer.dramStartCycle(), filterBuffer.dramStopCycle(),
                        filterBuffer.dramReads()),
                new OperandAccess(ofmapBuffer.dramStartCycle(), ofmapBuffer.dramStopCycle(),
                        ofmapBuffer.dramWrites()));
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
