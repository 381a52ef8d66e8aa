package io.bitforge.pe.reram;

import java.util.Locale;
import java.util.Optional;

/**
 * How the SAR-ADC of a crossbar column converts: {@code full} resolves all N bits (N+1 comparator cycles, the
 * NeuroSim SAR model); {@code skip} starts at the highest bit the column can reach, known offline from the stored
 * weights (lossless); {@code two-interval} adds the DATE 2024 co-design's interval coding: one comparison decides
 * whether the sum is below 2^t, small sums are resolved to the LSB, large ones only above a truncation bit (lossy).
 */
public enum AdcScheme {
    FULL, SKIP, TWO_INTERVAL;

    /** The spec spelling: {@code full}, {@code skip}, {@code two-interval}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<AdcScheme> fromId(String id) {
        for (AdcScheme scheme : values()) {
            if (scheme.id().equals(id)) {
                return Optional.of(scheme);
            }
        }
        return Optional.empty();
    }
}
