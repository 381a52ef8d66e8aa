package io.bitforge.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Budgets a design must meet to count as feasible: chip area, average power over the weighted workloads, and a
 * minimum throughput (output items — tokens or images — per second). A memory-resident design (ReRAM) whose
 * array cannot hold a workload's weights and may not reprogram is infeasible too. Infeasible designs are stored but
 * never on the Pareto front.
 */
public record Constraints(OptionalDouble maxAreaSquareMillimetres, OptionalDouble maxPowerWatts,
                          OptionalDouble minItemsPerSecond) {
    public static final Constraints NONE = new Constraints(OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty());

    /**
     * How far each budget is missed, relative to the budget (0 when met), in the order area, power, throughput,
     * then the weight residency of a memory-resident design that may not reprogram (tiles missing over tiles
     * present, {@link DesignMetrics#residencyShortfall}); NSGA-II ranks infeasible designs by their total.
     */
    public double[] violations(DesignMetrics m) {
        return new double[] {
                over(m.areaSquareMillimetres(), maxAreaSquareMillimetres),
                over(m.powerWatts(), maxPowerWatts),
                minItemsPerSecond.isPresent() && m.itemsPerSecond() < minItemsPerSecond.getAsDouble()
                        ? (minItemsPerSecond.getAsDouble() - m.itemsPerSecond()) / minItemsPerSecond.getAsDouble()
                        : 0,
                m.residencyShortfall()};
    }

    private static double over(double value, OptionalDouble limit) {
        return limit.isPresent() && value > limit.getAsDouble()
                ? (value - limit.getAsDouble()) / limit.getAsDouble() : 0;
    }

    public boolean met(DesignMetrics m) {
        for (double v : violations(m)) {
            if (v > 0) {
                return false;
            }
        }
        return true;
    }

    /** The budgets missed, by name, for results. */
    public List<String> missed(DesignMetrics m) {
        double[] v = violations(m);
        List<String> names = new ArrayList<>();
        String[] keys = {"maxAreaSquareMillimetres", "maxPowerWatts", "minItemsPerSecond", "weightResidency"};
        for (int i = 0; i < v.length; i++) {
            if (v[i] > 0) {
                names.add(keys[i]);
            }
        }
        return names;
    }

    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        maxAreaSquareMillimetres.ifPresent(v -> map.put("maxAreaSquareMillimetres", v));
        maxPowerWatts.ifPresent(v -> map.put("maxPowerWatts", v));
        minItemsPerSecond.ifPresent(v -> map.put("minItemsPerSecond", v));
        return map;
    }
}
