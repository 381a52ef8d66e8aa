package io.bitforge.pe.shiftadd;

import io.bitforge.core.cost.CostSource;

/**
 * ShiftAddLLM's per-operation energies (GATECH-EIC/ShiftAddLLM {@code energy/hw_utils.py}; its FP figures are
 * Horowitz's ISSCC 2014 45 nm numbers, so 45 nm): lower-precision add 0.4 pJ, shift 0.15 pJ, LUT query 0.37 pJ.
 * ShiftAddLLM has no ASIC; the per-MAC composition below (operation counts per MAC of this cell) is BitForge's,
 * so the derived figures are flagged as estimates.
 */
final class ShiftAddLlmEnergy {
    static final double ADD_PICOJOULES = 0.4;
    static final double SHIFT_PICOJOULES = 0.15;
    static final double LUT_QUERY_PICOJOULES = 0.37;
    static final CostSource SOURCE = new CostSource("shiftaddllm-hw-utils", "GATECH-EIC/ShiftAddLLM energy/hw_utils.py:"
            + " add 0.4 pJ, shift 0.15 pJ, LUT query 0.37 pJ (lower precision); per-MAC counts derived for this "
            + "cell", "45nm", true);
    /**
     * Area stand-in: no ShiftAddLLM hardware exists. Bit Fusion's fixed 16x16 unit, 2203.2 um2 at 45 nm
     * (hsharma35/bitfusion results/systolic_array_synth.csv), as a cell with a 16-bit datapath and a table read
     * port; an estimate.
     */
    static final double CELL_SQUARE_MICROMETRES = 2203.2;
    static final CostSource AREA_SOURCE = new CostSource("shiftaddllm-area-substitute", "stand-in: Bit Fusion fixed "
            + "16x16 unit 2203.2 um2 (hsharma35/bitfusion results/systolic_array_synth.csv)", "45nm", true);

    private ShiftAddLlmEnergy() {
    }

    /** Per MAC: each plane's lookup covers 8 MACs and costs one query and one add. */
    static double lookupPicojoulesPerMac(int planes) {
        return planes * (LUT_QUERY_PICOJOULES + ADD_PICOJOULES) / ShiftAddParams.TABLE_ACTIVATIONS;
    }

    /** Per MAC: per group and plane, one shift and one add per power-of-two term of the scale. */
    static double shiftPicojoulesPerMac(int planes, int terms, int groupSize) {
        return (double) planes * terms * (SHIFT_PICOJOULES + ADD_PICOJOULES) / groupSize;
    }
}
