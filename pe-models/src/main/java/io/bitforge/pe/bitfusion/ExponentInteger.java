package io.bitforge.pe.bitfusion;

/**
 * An operand as ANT's and OliVe's decoders hand it to the multiplier: a small signed integer and a left shift,
 * value = {@code integer · 2^exponent}.
 */
public record ExponentInteger(long integer, int exponent) {
    public static final ExponentInteger ZERO = new ExponentInteger(0, 0);

    public ExponentInteger {
        if (exponent < 0 || exponent > 30) {
            throw new IllegalArgumentException("exponent must be 0..30, got " + exponent);
        }
    }

    /** The value the pair stands for. */
    public long value() {
        return integer << exponent;
    }
}
