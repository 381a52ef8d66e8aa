package io.bitforge.roofline;

import java.util.Objects;

/** One compute roof: what it is ({@code fp16}, {@code int8}, {@code mac-int int8x4}) and its ops per second. */
public record Peak(String label, double opsPerSecond) {
    public Peak {
        Objects.requireNonNull(label, "label");
        if (!(opsPerSecond > 0) || Double.isInfinite(opsPerSecond)) {
            throw new IllegalArgumentException("peak " + label + " must be finite and > 0, got " + opsPerSecond);
        }
    }
}
