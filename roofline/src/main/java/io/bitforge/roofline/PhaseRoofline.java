package io.bitforge.roofline;

import io.bitforge.core.workload.PhaseKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The roofline of one workload phase: a row per op (repeats of the phase folded into the counts), totals, and
 * totals per op kind (in order of first appearance).
 *
 * @param outputItems tokens (or images) the phase produces, from the phase graph
 */
public record PhaseRoofline(String name, PhaseKind kind, long outputItems, List<OpRoofline> rows) {
    public PhaseRoofline {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        rows = List.copyOf(rows);
    }

    public Totals total() {
        Totals total = Totals.ZERO;
        for (OpRoofline row : rows) {
            total = total.plus(row);
        }
        return total;
    }

    public Map<String, Totals> byKind() {
        Map<String, Totals> byKind = new LinkedHashMap<>();
        for (OpRoofline row : rows) {
            byKind.merge(row.kind(), Totals.ZERO.plus(row), Totals::plus);
        }
        return byKind;
    }

    public double seconds() {
        return total().seconds();
    }
}
