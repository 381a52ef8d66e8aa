package io.bitforge.explore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of {@code results.jsonl}: the design's id (DESIGN.md's stable spec hash), its full hardware spec, its
 * metrics, whether it meets the space's constraints and which it misses.
 */
public record StoredDesign(String id, Map<String, Object> hardware, DesignMetrics metrics, boolean feasible,
                           List<String> missed) {
    public StoredDesign {
        hardware = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hardware));
        missed = List.copyOf(missed);
    }

    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("hardware", hardware);
        map.put("metrics", metrics.asMap());
        map.put("feasible", feasible);
        map.put("constraintsMissed", missed);
        return map;
    }

    @SuppressWarnings("unchecked")
    public static StoredDesign fromMap(Map<String, Object> map) {
        Object id = map.get("id");
        Object hardware = map.get("hardware");
        Object metrics = map.get("metrics");
        if (!(id instanceof String) || !(hardware instanceof Map) || !(metrics instanceof Map)) {
            throw new IllegalArgumentException("expected id, hardware and metrics");
        }
        return new StoredDesign((String) id, (Map<String, Object>) hardware,
                DesignMetrics.fromMap((Map<String, Object>) metrics), Boolean.TRUE.equals(map.get("feasible")),
                (List<String>) map.getOrDefault("constraintsMissed", List.of()));
    }
}
