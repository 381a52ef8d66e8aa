package io.bitforge.pe;

/**
 * Synthesis tables give a unit's power at a clock; the simulators charge it as energy per active cycle:
 * P µW at f MHz is P·1e-6 J/s / (f·1e6 /s) = P / f pJ per cycle (e.g. 344.3 µW at 500 MHz = 0.6886 pJ).
 */
public final class SynthesisPower {
    private SynthesisPower() {
    }

    public static double picojoulesPerCycle(double microwatts, double clockMegahertz) {
        return microwatts / clockMegahertz;
    }
}
