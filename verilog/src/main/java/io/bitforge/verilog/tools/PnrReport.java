package io.bitforge.verilog.tools;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * nextpnr-ice40's {@code --report}: achieved Fmax and its constraint per clock (MHz) and, per resource type, cells used and
 * available (e.g. ICESTORM_LC, ICESTORM_DSP, ICESTORM_RAM, SB_IO).
 */
public record PnrReport(SortedMap<String, Double> fmaxMhz, SortedMap<String, Double> constraintMhz,
                        SortedMap<String, Integer> used, SortedMap<String, Integer> available) {
    public PnrReport {
        fmaxMhz = Collections.unmodifiableSortedMap(new TreeMap<>(fmaxMhz));
        constraintMhz = Collections.unmodifiableSortedMap(new TreeMap<>(constraintMhz));
        used = Collections.unmodifiableSortedMap(new TreeMap<>(used));
        available = Collections.unmodifiableSortedMap(new TreeMap<>(available));
    }

    /** The lowest achieved Fmax over all clocks; NaN when no clock has a register-to-register path. */
    public double worstFmaxMhz() {
        return fmaxMhz.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    /** Every clock reaches its own constraint (a design with a divided clock has one per domain). */
    public boolean meetsEveryConstraint() {
        return fmaxMhz.entrySet().stream().allMatch(e -> e.getValue() >= constraintMhz.getOrDefault(e.getKey(), 0.0));
    }

    /** The lowest constraint over all clocks; NaN when there is none. */
    public double slowestConstraintMhz() {
        return constraintMhz.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    public int used(String resource) {
        return used.getOrDefault(resource, 0);
    }

    public int available(String resource) {
        return available.getOrDefault(resource, 0);
    }
}
