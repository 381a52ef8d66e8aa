package io.bitforge.reports.chart;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One bar of a stacked bar chart: its label and its parts in stacking order (a base unit, e.g. pJ or cycles). */
public record StackedBar(String label, Map<String, Double> parts) {
    public StackedBar {
        Objects.requireNonNull(label, "label");
        parts.forEach((name, value) -> {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(label + "." + name + " must be finite and >= 0, got " + value);
            }
        });
        parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    public double total() {
        return parts.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
