package io.bitforge.explore;

import io.bitforge.core.workload.WorkloadSettings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One weighted workload of a space: a zoo workload id, the settings it is built with (phase, context, quant, …),
 * its weight in the summed latency and energy, and the label its per-workload figures are stored under.
 */
public record WorkloadTerm(String label, String workload, WorkloadSettings settings, double weight,
                           Map<String, Object> asWritten) {
    public WorkloadTerm {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(settings, "settings");
        asWritten = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(asWritten));
        if (!(weight > 0)) {
            throw new IllegalArgumentException("weight must be > 0");
        }
    }
}
