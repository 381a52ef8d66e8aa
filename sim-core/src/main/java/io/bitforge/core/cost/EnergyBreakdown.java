package io.bitforge.core.cost;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Energy in picojoules per {@link EnergyCategory}: an immutable value backed by one array indexed by the enum
 * ordinal (cheap to add, which the explorer does millions of times).
 */
public final class EnergyBreakdown {
    private static final EnergyCategory[] CATEGORIES = EnergyCategory.values();
    public static final EnergyBreakdown ZERO = new EnergyBreakdown(new double[CATEGORIES.length]);

    private final double[] picojoules;

    private EnergyBreakdown(double[] picojoules) {
        this.picojoules = picojoules;
    }

    public static EnergyBreakdown of(EnergyCategory category, double picojoules) {
        return ZERO.plus(category, picojoules);
    }

    public static EnergyBreakdown of(Map<EnergyCategory, Double> picojoules) {
        double[] values = new double[CATEGORIES.length];
        picojoules.forEach((category, value) -> values[category.ordinal()] = check(category, value));
        return new EnergyBreakdown(values);
    }

    /** From picojoules indexed by {@link EnergyCategory#ordinal()} (the array is copied). */
    public static EnergyBreakdown ofOrdinals(double[] picojoulesByOrdinal) {
        if (picojoulesByOrdinal.length != CATEGORIES.length) {
            throw new IllegalArgumentException("need " + CATEGORIES.length + " values, got "
                    + picojoulesByOrdinal.length);
        }
        double[] values = picojoulesByOrdinal.clone();
        for (EnergyCategory category : CATEGORIES) {
            check(category, values[category.ordinal()]);
        }
        return new EnergyBreakdown(values);
    }

    private static double check(EnergyCategory category, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(category + " energy must be finite and >= 0, got " + value);
        }
        return value;
    }

    public double picojoules(EnergyCategory category) {
        return picojoules[category.ordinal()];
    }

    public double totalPicojoules() {
        double sum = 0;
        for (double value : picojoules) {
            sum += value;
        }
        return sum;
    }

    public EnergyBreakdown plus(EnergyCategory category, double addedPicojoules) {
        double[] values = picojoules.clone();
        values[category.ordinal()] += check(category, addedPicojoules);
        return new EnergyBreakdown(values);
    }

    public EnergyBreakdown plus(EnergyBreakdown other) {
        double[] values = picojoules.clone();
        for (int i = 0; i < values.length; i++) {
            values[i] += other.picojoules[i];
        }
        return new EnergyBreakdown(values);
    }

    public EnergyBreakdown times(double factor) {
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be finite and >= 0, got " + factor);
        }
        double[] values = picojoules.clone();
        for (int i = 0; i < values.length; i++) {
            values[i] *= factor;
        }
        return new EnergyBreakdown(values);
    }

    /** Every category in enum order, zeros included, for stable JSON. */
    public Map<EnergyCategory, Double> asMap() {
        Map<EnergyCategory, Double> map = new EnumMap<>(EnergyCategory.class);
        for (EnergyCategory category : CATEGORIES) {
            map.put(category, picojoules[category.ordinal()]);
        }
        return map;
    }

    /** Category names as JSON keys (enum order), zeros included. */
    public Map<String, Double> byName() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (EnergyCategory category : CATEGORIES) {
            map.put(category.name(), picojoules[category.ordinal()]);
        }
        return map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnergyBreakdown other && Arrays.equals(picojoules, other.picojoules);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(picojoules);
    }

    @Override
    public String toString() {
        return "EnergyBreakdown" + byName();
    }
}
