package io.bitforge.explore;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a search optimises, by the id a space file uses. Every objective is turned into a value to minimise
 * ({@link #minimised}); throughput per area is maximised, so its negation is minimised.
 */
public enum Objective {
    LATENCY("latency", "latencySeconds", false),
    ENERGY("energy", "energyJoules", false),
    AREA("area", "areaSquareMillimetres", false),
    EDP("edp", "energyDelayJouleSeconds", false),
    TOKENS_PER_SECOND_PER_MM2("tokens-per-second-per-mm2", "itemsPerSecondPerSquareMillimetre", true),
    ENERGY_PER_TOKEN("energy-per-token", "energyPerItemJoules", false);

    private final String id;
    private final String metric;
    private final boolean maximise;

    Objective(String id, String metric, boolean maximise) {
        this.id = id;
        this.metric = metric;
        this.maximise = maximise;
    }

    public String id() {
        return id;
    }

    /** The field of {@link DesignMetrics#asMap()} this objective reads. */
    public String metric() {
        return metric;
    }

    public boolean maximise() {
        return maximise;
    }

    /** The value to minimise. */
    public double minimised(DesignMetrics metrics) {
        double value = metrics.value(metric);
        return maximise ? -value : value;
    }

    public static Optional<Objective> fromId(String id) {
        return Arrays.stream(values()).filter(o -> o.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Objective::id).toList();
    }
}
