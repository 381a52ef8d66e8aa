package io.bitforge.core.format;

import io.bitforge.core.arith.Rounding;

import java.util.Arrays;

/**
 * The nearest-value search as {@link ValueGrid} did it before its lookup table: a binary search over every value,
 * the exact midpoint of the two neighbours, then the tie rule. Kept as the oracle the table lookup must equal.
 */
final class ValueGridOracle {
    private final double[] values;
    private final int[] codes;

    ValueGridOracle(ValueGrid grid) {
        values = grid.values();
        codes = new int[grid.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = grid.code(i);
        }
    }

    int nearestIndex(double x, Rounding rounding) {
        x = x + 0.0;
        int found = Arrays.binarySearch(values, x);
        if (found >= 0) {
            return found;
        }
        int upper = -found - 1;
        if (upper == 0) {
            return 0;
        }
        if (upper == values.length) {
            return values.length - 1;
        }
        int lower = upper - 1;
        if (rounding == Rounding.TRUNCATE) {
            return lower;
        }
        double mid = values[lower] + (values[upper] - values[lower]) / 2;
        if (x < mid) {
            return lower;
        }
        if (x > mid) {
            return upper;
        }
        switch (rounding) {
            case HALF_DOWN_TOWARD_LOWER:
                return lower;
            case HALF_UP:
                return upper;
            case HALF_AWAY_FROM_ZERO:
                return Math.abs(values[upper]) > Math.abs(values[lower]) ? upper : lower;
            case HALF_EVEN:
                boolean lowerEven = (codes[lower] & 1) == 0;
                boolean upperEven = (codes[upper] & 1) == 0;
                return upperEven && !lowerEven ? upper : lower;
            default:
                throw new AssertionError(rounding);
        }
    }
}
