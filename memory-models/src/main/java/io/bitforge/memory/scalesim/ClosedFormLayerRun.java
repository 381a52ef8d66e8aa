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
 * <li>Folds of one shape ({@link SystolicDemand#runEnd}) whose ofmap buffer starts in the same state repeat
 * exactly, shifted in cycles and counts ({@link OfmapFolds#period}): whole periods are taken at once, and the read
 * buffers take the same stretch of folds dated by the period ({@link CalcReads#folds}), where the block follower
 * recognises all-miss and all-hit stretches and counts their slides instead of stepping through them.</li>
 * </ul>
 * The address-level run stays as the oracle (property-tested against this one over random shapes, arrays, SRAM
 * sizes and dataflows). Time: the ofmap rows of the folds before a period shows (at most T + C each), one binary
 * search per window slide stepped through, and for overlapping windows one step per ifmap request; memory: the read
 * windows' words and the folds remembered while looking for a period, bounded whatever the layer.
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
        DrainingWriteBuffer ofmapBuffer = new DrainingWriteBuffer(sram.ofmap(), config.arrayCols());
        OfmapFolds ofmap = new OfmapFolds(demand, ofmapBuffer);
        // the filter's elements always have their own address; the ifmap's repeat when windows overlap
        CalcReads ifmap = new OperandAddresses(layer, config).ifmapDistinct()
                ? new BlockEpochReads(CalcReads.Operand.IFMAP, sram.ifmap())
                : new AddressEpochReads(CalcReads.Operand.IFMAP, sram.ifmap());
        CalcReads filter = new BlockEpochReads(CalcReads.Operand.FILTER, sram.filter());
        for (int runStart = 0; runStart < folds; ) {
            int runEnd = demand.runEnd(runStart);
            ofmap.startRun(runStart);
            for (int fold = runStart; fold < runEnd; ) {
                long foldStart = ofmap.fold(fold);
                ifmap.fold(demand, fold, foldStart, ofmap.foldStalls());
                filter.fold(demand, fold, foldStart, ofmap.foldStalls());
                fold++;
                OfmapFolds.Period period = ofmap.period(fold);
                if (period == null) {
                    continue;
                }
                // the folds repeat from here: whole periods at once, the reads dated by the period's folds
                long periods = (runEnd - fold) / period.folds();
                if (periods > 0) {
                    int to = fold + (int) (periods * period.folds());
                    ifmap.folds(demand, fold, to, period);
                    filter.folds(demand, fold, to, period);
                    ofmap.repeat(periods, period);
                    fold = to;
                }
                ofmap.startRun(fold);
            }
            runStart = runEnd;
        }
        long stalls = ofmap.stalls();
        long lastOfmapCycle = demand.totalRows() - 1 + stalls;
        ofmapBuffer.drainAll(lastOfmapCycle);
        return new ScaleSimLayerResult(layer.name(), lastOfmapCycle, stalls, layer.macs(),
                (long) config.arrayRows() * config.arrayCols(), demand.mappingEfficiency(),
                demand.computeUtilisation(),
                ifmap.sram(demand.ifmapReads()), filter.sram(demand.filterReads()),
                new OperandAccess(ofmap.ofmapFirst(), ofmap.ofmapLast(), demand.ofmapWrites()), ifmap.dram(),
                filter.dram(), new OperandAccess(ofmapBuffer.dramStartCycle(), ofmapBuffer.dramStopCycle(),
                        ofmapBuffer.dramWrites()));
    }
}
