package io.bitforge.explore;

/**
 * The outcome of scoring one choice vector: exactly one of {@code design} (newly evaluated), {@code storedId} (the
 * design is already in the store, not evaluated again) and {@code rejection} (the spec or the models refuse this
 * combination of values; the reason names the choices) is set.
 */
public record DesignOutcome(int[] choice, StoredDesign design, String storedId, String rejection) {
    public DesignOutcome {
        int set = (design != null ? 1 : 0) + (storedId != null ? 1 : 0) + (rejection != null ? 1 : 0);
        if (set != 1) {
            throw new IllegalArgumentException("exactly one of design, storedId and rejection, got " + set);
        }
    }
}
