package io.bitforge.explore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A design's figures over the space's weighted workloads: latency and energy are weight-summed (a weight of 2
 * counts a workload twice), area is the chip's (the largest any workload reports), output items (tokens or
 * images) are weight-summed, and the rates divide one by the other.
 *
 * @param workloads    per workload label: cycles, latencySeconds, energyJoules, outputItems (unweighted)
 * @param residencyShortfall for a design whose weights must stay in its array (ReRAM crossbars) and which may
 *                     not reprogram: the tiles its largest workload lacks over the tiles it has (0 when the model
 *                     fits or the design reprograms); such a design is infeasible and its figures are those of a
 *                     run with reprogramming
 */
public record DesignMetrics(double latencySeconds, double energyJoules, double areaSquareMillimetres,
                            double outputItems, Map<String, Map<String, Object>> workloads,
                            double residencyShortfall) {
    public DesignMetrics {
        workloads = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(workloads));
        if (!(residencyShortfall >= 0)) {
            throw new IllegalArgumentException("residencyShortfall must be >= 0, got " + residencyShortfall);
        }
    }

    /** A design that runs every workload without a residency shortfall. */
    public DesignMetrics(double latencySeconds, double energyJoules, double areaSquareMillimetres,
                         double outputItems, Map<String, Map<String, Object>> workloads) {
        this(latencySeconds, energyJoules, areaSquareMillimetres, outputItems, workloads, 0);
    }

    public double itemsPerSecond() {
        return outputItems / latencySeconds;
    }

    public double powerWatts() {
        return energyJoules / latencySeconds;
    }

    public double energyDelayJouleSeconds() {
        return energyJoules * latencySeconds;
    }

    public double itemsPerSecondPerSquareMillimetre() {
        return itemsPerSecond() / areaSquareMillimetres;
    }

    public double energyPerItemJoules() {
        return energyJoules / outputItems;
    }

    /** A named figure of {@link #asMap()}. */
    public double value(String metric) {
        return switch (metric) {
            case "latencySeconds" -> latencySeconds;
            case "energyJoules" -> energyJoules;
            case "areaSquareMillimetres" -> areaSquareMillimetres;
            case "outputItems" -> outputItems;
            case "itemsPerSecond" -> itemsPerSecond();
            case "powerWatts" -> powerWatts();
            case "energyDelayJouleSeconds" -> energyDelayJouleSeconds();
            case "itemsPerSecondPerSquareMillimetre" -> itemsPerSecondPerSquareMillimetre();
            case "energyPerItemJoules" -> energyPerItemJoules();
            default -> throw new IllegalArgumentException("no metric " + metric);
        };
    }

    private static final List<String> DERIVED = List.of("itemsPerSecond", "powerWatts", "energyDelayJouleSeconds",
            "itemsPerSecondPerSquareMillimetre", "energyPerItemJoules");

    /** The figures as results.jsonl stores them (fixed key order). */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("latencySeconds", latencySeconds);
        map.put("energyJoules", energyJoules);
        map.put("areaSquareMillimetres", areaSquareMillimetres);
        map.put("outputItems", outputItems);
        for (String name : DERIVED) {
            map.put(name, value(name));
        }
        map.put("workloads", workloads);
        if (residencyShortfall > 0) {
            map.put("residencyShortfall", residencyShortfall);
        }
        return map;
    }

    /** Reads {@link #asMap()} back (a stored design on resume). */
    @SuppressWarnings("unchecked")
    public static DesignMetrics fromMap(Map<String, Object> map) {
        return new DesignMetrics(number(map, "latencySeconds"), number(map, "energyJoules"),
                number(map, "areaSquareMillimetres"), number(map, "outputItems"),
                (Map<String, Map<String, Object>>) map.getOrDefault("workloads", Map.of()),
                map.get("residencyShortfall") instanceof Number n ? n.doubleValue() : 0);
    }

    private static double number(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("metrics." + key + " missing");
        }
        return number.doubleValue();
    }
}
