package io.bitforge.pe.bitserial;

/**
 * One term of BitMoD's unified weight representation: a signed radix-4 digit {@code digit ∈ {−2, −1, 1, 2}} at
 * radix-4 position {@code position}, worth {@code digit · 4^position} grid units. A lane spends one cycle per term
 * (two weight bits' worth of work: the digit selects ±a or ±2a, the position a shift by 2·position), the
 * bit-serial convention of DESIGN.md.
 */
public record Term(int digit, int position) {
    public Term {
        if (digit == 0 || digit < -2 || digit > 2) {
            throw new IllegalArgumentException("term digit must be ±1 or ±2, got " + digit);
        }
        if (position < 0 || position > 15) {
            throw new IllegalArgumentException("term position must be 0..15, got " + position);
        }
    }

    /** The term's value in grid units: digit · 4^position. */
    public long value() {
        return (long) digit << (2 * position);
    }
}
