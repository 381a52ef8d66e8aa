package io.bitforge.reports.chart;

import java.util.Objects;

/**
 * One objective of a design space as a chart axis: its id (as the space file names it), the unit of its values,
 * whether the unit takes SI prefixes, and whether larger is better (the front is found on the minimised values).
 */
public record ObjectiveAxis(String id, String unit, boolean prefixed, boolean maximise) {
    public ObjectiveAxis {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unit, "unit");
    }

    /** The axis title: the id, its unit, and which way is better. */
    public String title() {
        return id + (unit.isEmpty() ? "" : " (" + unit + ")") + (maximise ? ", higher is better" : "");
    }

    /** The value the front minimises. */
    public double minimised(double value) {
        return maximise ? -value : value;
    }
}
