package io.bitforge.core.engine;

import io.bitforge.core.cost.CostSource;
import io.bitforge.core.spec.BufferSpec;
import io.bitforge.core.tech.TechNode;

/**
 * SRAM access energy from M. Horowitz, "Computing's energy problem (and what we can do about it)", ISSCC 2014,
 * 45 nm, 64-bit accesses: 8 KB 10 pJ, 32 KB 20 pJ, 1 MB 100 pJ. Between (and beyond) those points the energy is
 * interpolated (extrapolated) linearly in log(energy) vs log(capacity) per bank, so the figure is an estimate;
 * writes are taken equal to reads. A dedicated SRAM model (CACTI-fitted) can replace this through the engine's
 * constructor.
 */
public final class HorowitzSram implements SramEnergyModel {
    private static final double[] KIB = {8, 32, 1024};
    private static final double[] PICOJOULES_PER_64_BITS = {10, 20, 100};
    private static final CostSource SOURCE = new CostSource("horowitz-isscc-2014-sram",
            "Horowitz, ISSCC 2014, 'Computing's energy problem': SRAM 64-bit access 8KB 10pJ, 32KB 20pJ, 1MB 100pJ;"
                    + " log-log interpolation by bank capacity", "45nm", true);

    @Override
    public double readPicojoulesPerBit(BufferSpec buffer) {
        return perAccess(buffer.kib() / buffer.banks()) / 64.0;
    }

    @Override
    public double writePicojoulesPerBit(BufferSpec buffer) {
        return readPicojoulesPerBit(buffer);
    }

    @Override
    public TechNode node() {
        return TechNode.N45;
    }

    @Override
    public CostSource source() {
        return SOURCE;
    }

    /** Picojoules of one 64-bit access to a bank of {@code kib}. */
    static double perAccess(double kib) {
        int segment = kib <= KIB[1] ? 0 : 1;
        double x0 = Math.log(KIB[segment]);
        double x1 = Math.log(KIB[segment + 1]);
        double y0 = Math.log(PICOJOULES_PER_64_BITS[segment]);
        double y1 = Math.log(PICOJOULES_PER_64_BITS[segment + 1]);
        double slope = (y1 - y0) / (x1 - x0);
        return Math.exp(y0 + slope * (Math.log(kib) - x0));
    }
}
