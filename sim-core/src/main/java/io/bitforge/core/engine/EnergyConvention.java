package io.bitforge.core.engine;

import java.util.Objects;

/**
 * How the engine books energy from its cost tables. {@link #DEFAULT} is BitForge's own accounting: PE energy per
 * MAC performed, SRAM accesses as the fold schedule makes them (operands reused across the array), every table
 * scaled to the spec's node, no constant power. The other settings reproduce simulators that account differently
 * (the Bit Fusion-derived artefacts of ANT and MixPE, {@code bitfusion/src/simulator/stats.py} and
 * {@code bitfusion/src/optimizer/optimizer.py}):
 *
 * @param peEnergy         {@link PeEnergy#PER_MAC}: a MAC costs the family's energy per MAC; or
 *                         {@link PeEnergy#PER_CELL_CYCLE}: every cell draws its energy per cycle (energy per MAC ×
 *                         MACs per cycle) in every cycle the array computes, busy or idle (no clock gating)
 * @param sramAccesses     {@link SramAccesses#FOLDS}: reads and writes of the fold schedule; or
 *                         {@link SramAccesses#PER_MAC}: every MAC reads its activation and its weight from the
 *                         buffers (no reuse inside the array) and every output is written once
 * @param scaleToNode      true: every energy table is scaled to the spec's node (Stillmaker &amp; Baas); false: used
 *                         at its own figures, as a simulator that mixes tables of different nodes does
 * @param staticMilliwatts constant power drawn for every cycle of the run (e.g. DRAM background power), booked as
 *                         static energy; 0 for none
 * @param uniformDequant   true: the engine charges every family's dequantisation steps that its own cost does not
 *                         book ({@link io.bitforge.core.pe.PeFamily#dequantisation}); false: only what the family's
 *                         cost books, as the papers' artefacts do (reproductions use this)
 */
public record EnergyConvention(PeEnergy peEnergy, SramAccesses sramAccesses, boolean scaleToNode,
                               double staticMilliwatts, boolean uniformDequant) {
    public static final EnergyConvention DEFAULT = new EnergyConvention(PeEnergy.PER_MAC, SramAccesses.FOLDS, true,
            0);

    /** A convention with uniform dequantisation charges. */
    public EnergyConvention(PeEnergy peEnergy, SramAccesses sramAccesses, boolean scaleToNode,
                            double staticMilliwatts) {
        this(peEnergy, sramAccesses, scaleToNode, staticMilliwatts, true);
    }

    /** The same convention with or without the engine's uniform dequantisation charges. */
    public EnergyConvention withUniformDequant(boolean charge) {
        return new EnergyConvention(peEnergy, sramAccesses, scaleToNode, staticMilliwatts, charge);
    }

    /** What a PE's energy is charged for. */
    public enum PeEnergy { PER_MAC, PER_CELL_CYCLE }

    /** How SRAM accesses are counted. */
    public enum SramAccesses { FOLDS, PER_MAC }

    public EnergyConvention {
        Objects.requireNonNull(peEnergy, "peEnergy");
        Objects.requireNonNull(sramAccesses, "sramAccesses");
        if (!(staticMilliwatts >= 0) || Double.isInfinite(staticMilliwatts)) {
            throw new IllegalArgumentException("static power must be >= 0 mW, got " + staticMilliwatts);
        }
    }

    /**
     * Static energy per cycle at a clock: 1 mW for one cycle of f MHz is 1e-3 J/s × 1/(f·1e6) s = 1000/f pJ.
     */
    public double staticPicojoulesPerCycle(double clockMegahertz) {
        return staticMilliwatts * 1000.0 / clockMegahertz;
    }
}
