package io.bitforge.core.spec;

import java.util.Objects;

/** The PE family by registry id and its validated parameter record. */
public record PeSpec(String family, PeParams params) {
    public PeSpec {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(params, "params");
    }
}
