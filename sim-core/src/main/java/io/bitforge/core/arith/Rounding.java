package io.bitforge.core.arith;

/**
 * Rounding rules used by quantizers and datapaths. {@link #HALF_DOWN_TOWARD_LOWER} sends ties to the lower
 * value, which is what BitMoD's quantiser does (yc2367/BitMoD-HPCA-25); {@link #HALF_EVEN} is IEEE 754's
 * default; {@link #TRUNCATE} is a plain right shift (toward minus infinity) as cheap hardware does.
 */
public enum Rounding {
    HALF_EVEN, HALF_AWAY_FROM_ZERO, HALF_DOWN_TOWARD_LOWER, HALF_UP, TRUNCATE;

    /** Rounds a real to an integer by this rule. */
    public long round(double x) {
        double floor = Math.floor(x);
        double fraction = x - floor;
        long lower = (long) floor;
        switch (this) {
            case TRUNCATE:
                return lower;
            case HALF_EVEN:
                if (fraction == 0.5) {
                    return (lower & 1) == 0 ? lower : lower + 1;
                }
                return fraction < 0.5 ? lower : lower + 1;
            case HALF_AWAY_FROM_ZERO:
                if (fraction == 0.5) {
                    return x < 0 ? lower : lower + 1;
                }
                return fraction < 0.5 ? lower : lower + 1;
            case HALF_DOWN_TOWARD_LOWER:
                return fraction <= 0.5 ? lower : lower + 1;
            case HALF_UP:
                return fraction < 0.5 ? lower : lower + 1;
            default:
                throw new AssertionError(this);
        }
    }

    /** Arithmetic right shift of an integer by {@code shift} bits, rounded by this rule. */
    public long shiftRight(long value, int shift) {
        if (shift < 0 || shift > 62) {
            throw new IllegalArgumentException("shift must be 0..62, got " + shift);
        }
        if (shift == 0) {
            return value;
        }
        long lower = value >> shift;
        long remainder = value - (lower << shift);
        long half = 1L << (shift - 1);
        switch (this) {
            case TRUNCATE:
                return lower;
            case HALF_EVEN:
                if (remainder == half) {
                    return (lower & 1) == 0 ? lower : lower + 1;
                }
                return remainder < half ? lower : lower + 1;
            case HALF_AWAY_FROM_ZERO:
                if (remainder == half) {
                    return value < 0 ? lower : lower + 1;
                }
                return remainder < half ? lower : lower + 1;
            case HALF_DOWN_TOWARD_LOWER:
                return remainder <= half ? lower : lower + 1;
            case HALF_UP:
                return remainder < half ? lower : lower + 1;
            default:
                throw new AssertionError(this);
        }
    }
}
