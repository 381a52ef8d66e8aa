package io.bitforge.memory.scalesim;

/**
 * What SCALE-Sim reports for one layer: the COMPUTE_REPORT, BANDWIDTH_REPORT and DETAILED_ACCESS_REPORT
 * figures (v2's, and v3's extra "Total Cycles (incl. prefetch)"). Words are bytes (SCALE-Sim's word size is 1).
 *
 * @param totalCycles        cycle of the last ofmap demand row, stalls included (SCALE-Sim's "Total Cycles")
 * @param macs               output pixels × filters × window size
 * @param peCount            array rows × columns
 * @param mappingEfficiency  mean over folds of the fraction of PEs mapped (0..1)
 * @param computeUtilisation mean over folds of busy PE-cycles / all PE-cycles of the fold (0..1)
 */
public record ScaleSimLayerResult(String layerName, long totalCycles, long stallCycles, long macs, long peCount,
                                  double mappingEfficiency, double computeUtilisation,
                                  OperandAccess ifmapSram, OperandAccess filterSram, OperandAccess ofmapSram,
                                  OperandAccess ifmapDram, OperandAccess filterDram, OperandAccess ofmapDram) {

    /**
     * SCALE-Sim v3's "Total Cycles (incl. prefetch)" (scalesim/single_layer_sim.py, overall_cycles): from the
     * first DRAM read of either input operand (negative: the first fill precedes cycle 0) to the last ofmap
     * DRAM write, {@code ofmap DRAM stop − min(ifmap DRAM start, filter DRAM start)}.
     */
    public long totalCyclesInclPrefetch() {
        return ofmapDram.stopCycle() - Math.min(ifmapDram.startCycle(), filterDram.startCycle());
    }

    /** macs × 100 / (total cycles × PEs). */
    public double overallUtilisationPercent() {
        return macs * 100.0 / ((double) totalCycles * peCount);
    }

    /** SRAM reads (or writes) per cycle over the whole layer: count / total cycles. */
    public double ifmapSramWordsPerCycle() {
        return ifmapSram.count() / (double) totalCycles;
    }

    public double filterSramWordsPerCycle() {
        return filterSram.count() / (double) totalCycles;
    }

    public double ofmapSramWordsPerCycle() {
        return ofmapSram.count() / (double) totalCycles;
    }
}
