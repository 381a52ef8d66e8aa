package io.bitforge.pe.reram;

import java.util.Optional;

/**
 * How signed weights live in conductances, which can only be positive. {@code pos-neg}: two arrays (PRIME), the
 * magnitude of a positive weight in one and of a negative weight in the other, outputs subtracted digitally;
 * magnitudes take {@code weightBits−1} bits. {@code offset}: the weight plus {@code 2^(weightBits−1)} is stored
 * unsigned in {@code weightBits} bits and {@code offset·Σx} is subtracted digitally (ISAAC's biased encoding).
 */
public enum SignedWeights {
    POS_NEG("pos-neg"), OFFSET("offset");

    private final String id;

    SignedWeights(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<SignedWeights> fromId(String id) {
        for (SignedWeights s : values()) {
            if (s.id.equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
