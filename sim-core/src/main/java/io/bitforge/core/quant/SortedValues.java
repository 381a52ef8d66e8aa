package io.bitforge.core.quant;

import java.util.Arrays;

/**
 * A group's values in ascending order as doubles: exactly what copying them and {@link Arrays#sort(double[])} give
 * (−0.0 before +0.0), by a three-pass radix sort of their float bits for long groups (a row of 4096 sorts several
 * times faster than by comparisons) and by comparisons for short ones. The scale searches sort every group once.
 */
final class SortedValues {
    /** Below this length a comparison sort is cheaper than three passes over 2048-entry histograms. */
    private static final int RADIX_MIN_LENGTH = 1024;
    private static final int DIGIT_BITS = 11;
    private static final int DIGIT_MASK = (1 << DIGIT_BITS) - 1;

    private SortedValues() {
    }

    /** Values {@code from .. to−1} of {@code x}, sorted ascending; NaN-free input. */
    static double[] of(float[] x, int from, int to) {
        int n = to - from;
        double[] sorted = new double[n];
        if (n < RADIX_MIN_LENGTH) {
            for (int k = 0; k < n; k++) {
                sorted[k] = x[from + k];
            }
            Arrays.sort(sorted);
            return sorted;
        }
        int[] keys = new int[n];
        for (int k = 0; k < n; k++) {
            int bits = Float.floatToRawIntBits(x[from + k]);
            // Unsigned order of the key = numeric order: positives gain the top bit, negatives are inverted.
            keys[k] = bits < 0 ? ~bits : bits | Integer.MIN_VALUE;
        }
        int[] spare = new int[n];
        int[] counts = new int[DIGIT_MASK + 2];
        for (int shift = 0; shift < Integer.SIZE; shift += DIGIT_BITS) {
            Arrays.fill(counts, 0);
            for (int key : keys) {
                counts[((key >>> shift) & DIGIT_MASK) + 1]++;
            }
            for (int d = 1; d < counts.length; d++) {
                counts[d] += counts[d - 1];
            }
            for (int key : keys) {
                spare[counts[(key >>> shift) & DIGIT_MASK]++] = key;
            }
            int[] t = keys;
            keys = spare;
            spare = t;
        }
        for (int k = 0; k < n; k++) {
            int key = keys[k];
            sorted[k] = Float.intBitsToFloat(key < 0 ? key & Integer.MAX_VALUE : ~key);
        }
        return sorted;
    }
}
