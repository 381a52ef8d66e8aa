package io.bitforge.core.cost;

import java.util.Objects;

/**
 * One cost table or constant a result used: its id, the citation (paper + table, or repository + file), the
 * technology node it was published at, whether the figure is an estimate rather than a published number, and its
 * {@link Provenance} ({@code published | derived | estimate}; {@code estimate} is true exactly for
 * {@link Provenance#ESTIMATE}).
 */
public record CostSource(String id, String citation, String node, boolean estimate, Provenance provenance) {
    public CostSource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(provenance, "provenance");
        if (estimate != (provenance == Provenance.ESTIMATE)) {
            throw new IllegalArgumentException(id + ": estimate flag " + estimate + " contradicts provenance "
                    + provenance.id());
        }
    }

    /** A published figure, or (with {@code estimate}) an estimate. */
    public CostSource(String id, String citation, String node, boolean estimate) {
        this(id, citation, node, estimate, estimate ? Provenance.ESTIMATE : Provenance.PUBLISHED);
    }

    /** A source of the given provenance. */
    public static CostSource of(String id, String citation, String node, Provenance provenance) {
        return new CostSource(id, citation, node, provenance == Provenance.ESTIMATE, provenance);
    }
}
