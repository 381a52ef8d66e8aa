package io.bitforge.memory.scalesim;

/**
 * SCALE-Sim's CALC-mode layer run ({@link ScaleSimLayerRun}) computed fold by fold instead of demand row by demand
 * row. It gives the same report because:
 * <ul>
 * <li>In CALC mode reads never stall, so stalls come from the ofmap SRAM alone, and that depends only on how many
 * words each demand row writes ({@link DrainingWriteBuffer#serveWords}), which a fold's {@link FoldStream} gives
 * per row.</li>
 * <li>The CALC read buffer ({@link EstimatingReadBuffer}) works in epochs: an address hits exactly when it was
 * added since the window last slid, and the window slides after every 50 sets (50 × floor(words / 100)) of added
 * addresses. Where an operand's elements each have their own address (every filter; the ifmap of GEMM rows and of
 * convolutions whose windows do not overlap, {@link OperandAddresses#ifmapDistinct()}) that is followed by counts
 * over blocks ({@link BlockEpochReads}); the ifmap of a convolution with overlapping windows, whose addresses
 * repeat inside a fold, is followed address by address ({@link AddressEpochReads}), the rows dated by the fold's
 * ofmap stalls.</li>
 * </ul>
 * The address-level run stays as the oracle (property-tested against this one over random shapes, arrays, SRAM
 * sizes and dataflows). Time: the ofmap rows of every fold (at most T + C each), one binary search per window
 * slide, and for overlapping windows one step per ifmap request; memory: the read windows' words at most.
 */
final class ClosedFormLayerRun {
    private ClosedFormLayerRun() {
    }

    /** True when this class computes the layer exactly: every layer in CALC mode. */
    static boolean applies(TopologyLayer layer, ScaleSimConfig config) {
        return !config.userBandwidth();
    }

    static ScaleSimLayerResult run(TopologyLayer layer, ScaleSimConfig config) {
        return run(layer, config, SramWords.of(config));
    }

    static ScaleSimLayerResult run(TopologyLayer layer, ScaleSimConfig config, SramWords sram) {
        SystolicDemand demand = SystolicDemand.of(layer, config);
        int folds = demand.folds();
        long rowsPerFold = demand.rowsPerFold();
        DrainingWriteBuffer ofmapBuffer = new DrainingWriteBuffer(sram.ofmap(), config.arrayCols());
        // the filter's elements always have their own address; the ifmap's repeat when windows overlap
        CalcReads ifmap = new OperandAddresses(layer, config).ifmapDistinct()
                ? new BlockEpochReads(CalcReads.Operand.IFMAP, sram.ifmap())
                : new AddressEpochReads(CalcReads.Operand.IFMAP, sram.ifmap());
        CalcReads filter = new BlockEpochReads(CalcReads.Operand.FILTER, sram.filter());
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
            ifmap.fold(demand, fold, foldStart, foldStalls);
            filter.fold(demand, fold, foldStart, foldStalls);
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
}
