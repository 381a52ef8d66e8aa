package io.bitforge.core.registry;

import java.util.Map;

/**
 * Something the registry lists: a PE family, a number format, a workload, a device, a memory preset or a
 * built-in hardware spec.
 * {@link #facts()} holds the kind-specific fields that {@code bitforge list} prints beside the id.
 */
public interface Catalogued {
    /** Stable registry id, e.g. {@code mac-int}, {@code hbm2e}, {@code llama-2-7b}. */
    String id();

    /** One line saying what it models. */
    String description();

    /** Where its figures come from: paper, table, repository file. */
    String source();

    /** Kind-specific facts in a stable order (use a {@link java.util.LinkedHashMap}). */
    default Map<String, Object> facts() {
        return Map.of();
    }
}
