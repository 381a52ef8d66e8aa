package io.bitforge.reports.chart;

import java.util.List;

/**
 * A display unit: a name and how many base units it holds. {@link #pick} chooses the largest unit that keeps the
 * biggest value at or above 1, so an axis reads "energy (µJ)" with ticks 0–40 rather than 4e7 pJ.
 */
public record Unit(String name, double baseUnits) {
    public static final List<Unit> ENERGY_FROM_PICOJOULES = List.of(new Unit("pJ", 1), new Unit("nJ", 1e3),
            new Unit("µJ", 1e6), new Unit("mJ", 1e9), new Unit("J", 1e12));
    public static final List<Unit> CYCLES = List.of(new Unit("count", 1), new Unit("thousands", 1e3),
            new Unit("millions", 1e6), new Unit("billions", 1e9));

    public static Unit pick(List<Unit> units, double largest) {
        Unit chosen = units.get(0);
        for (Unit unit : units) {
            if (largest >= unit.baseUnits) {
                chosen = unit;
            }
        }
        return chosen;
    }
}
