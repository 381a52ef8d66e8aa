package io.bitforge.core.cost;

import java.util.Locale;

/**
 * How a cost figure was obtained, so that a reader never mistakes a stand-in for a measurement:
 * {@code published} (a number printed in a paper, datasheet or artefact table), {@code derived} (computed from
 * published numbers by a stated rule, e.g. a bitcell area × a published array overhead, an op count × a published
 * per-op energy) or {@code estimate} (an assumed node, a substitute unit, an extrapolation).
 */
public enum Provenance {
    PUBLISHED, DERIVED, ESTIMATE;

    /** Lower-case id used in JSON and tables. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The weakest of two: a result combining figures is no better than its weakest part. */
    public Provenance weakest(Provenance other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
