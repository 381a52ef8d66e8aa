package io.bitforge.reports.chart;

import java.util.Objects;

/**
 * One feasible design of an explorer run as its Pareto chart draws it: its id, a short label, its PE family
 * (the colour) and its value of each objective, in the order of the chart's axes.
 */
public record ParetoDesign(String designId, String label, String family, double[] values) {
    public ParetoDesign {
        Objects.requireNonNull(designId, "designId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(family, "family");
        values = values.clone();
        for (double v : values) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("design " + designId + ": objective values must be finite and > 0"
                        + " for log axes, got " + java.util.Arrays.toString(values));
            }
        }
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public double value(int axis) {
        return values[axis];
    }
}
