package io.bitforge.core.cost;

import java.util.Objects;

/**
 * One cost table or constant a result used: its id, the citation (paper + table, or repository + file), the
 * technology node it was published at, and whether the figure is an estimate rather than a published number.
 */
public record CostSource(String id, String citation, String node, boolean estimate) {
    public CostSource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(node, "node");
    }
}
