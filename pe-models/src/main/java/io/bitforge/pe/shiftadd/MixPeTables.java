package io.bitforge.pe.shiftadd;

import io.bitforge.core.cost.CostSource;
import io.bitforge.pe.SynthesisPower;

/**
 * MixPE's per-PE figures. Power: the MixPE artefact's synthesis table (yuzhang712/mixpe_simulator
 * {@code results/systolic_array_synth.csv}, 500 MHz, one row per (p_max, p_min) unit). The (8, 4) row's 344.3 µW
 * is exactly Bit Fusion's 45 nm (8, 2) Fusion Unit (hsharma35/bitfusion {@code results/systolic_array_synth.csv}),
 * so the table is taken to be at 45 nm; for the (16, 8) row that node is an assumption, flagged as an estimate.
 *
 * <p>Area: the artefact's area column is a placeholder (1). Substitute for (8, 4): Bit Fusion's (8, 2) Fusion Unit,
 * 1733.1 µm² at 45 nm, the unit whose power the row reproduces (estimate). For (16, 8): that area scaled by the
 * power ratio, 1733.1 × 673.44 / 344.3 = 3389.8 µm² (estimate: same node and clock, area taken proportional to
 * power).
 */
enum MixPeTables {
    /** W4A8: p_max 8, p_min 4 (conf_mixint.ini). 344,300 nW. */
    P8_4(8, 4, 344.300, 1733.1),
    /** W4A16: p_max 16, p_min 8 (conf_mixfloat.ini). 673,440 nW. */
    P16_8(16, 8, 673.440, 1733.1 * 673.440 / 344.300);

    /** The table's clock (systolic_array_synth.csv, 500 MHz). */
    private static final double CLOCK_MEGAHERTZ = 500;
    static final String POWER = "MixPE artefact yuzhang712/mixpe_simulator results/systolic_array_synth.csv, 500MHz";

    final int pMax;
    final int pMin;
    final double microwatts;
    final double squareMicrometres;

    MixPeTables(int pMax, int pMin, double microwatts, double squareMicrometres) {
        this.pMax = pMax;
        this.pMin = pMin;
        this.microwatts = microwatts;
        this.squareMicrometres = squareMicrometres;
    }

    static MixPeTables forActivationBits(int activationBits) {
        return activationBits == 16 ? P16_8 : P8_4;
    }

    /** Energy of one PE in one active cycle. */
    double picojoulesPerCycle() {
        return SynthesisPower.picojoulesPerCycle(microwatts, CLOCK_MEGAHERTZ);
    }

    /** Bit Fusion's throughput factor floor(p_max / max(bits, p_min)) (bitfusion/src/simulator/accelerator.py). */
    int throughputFactor(int bits) {
        return pMax / Math.max(bits, pMin);
    }

    CostSource powerSource() {
        return new CostSource("mixpe-synth-" + pMax + "-" + pMin, POWER + ": (" + pMax + "," + pMin + ") " + microwatts
                + " uW per PE", "45nm", this != P8_4);
    }

    CostSource areaSource() {
        String derivation = this == P8_4 ? "Bit Fusion (8,2) Fusion Unit 1733.1 um2 (hsharma35/bitfusion "
                + "results/systolic_array_synth.csv), the unit whose power the MixPE (8,4) row reproduces"
                : "Bit Fusion (8,2) Fusion Unit 1733.1 um2 x MixPE power ratio 673.44/344.3";
        return new CostSource("mixpe-area-substitute-" + pMax + "-" + pMin, "substitute for the MixPE artefact's "
                + "placeholder area: " + derivation, "45nm", true);
    }
}
