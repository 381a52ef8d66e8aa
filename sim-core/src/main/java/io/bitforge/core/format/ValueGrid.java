package io.bitforge.core.format;

import io.bitforge.core.arith.Rounding;

import java.util.Arrays;

/**
 * A sorted set of representable values with the code of each, and nearest-value search with an explicit tie
 * rule. Built from a code → value table: non-finite entries are skipped, and a value with several codes
 * (±0 in sign-magnitude formats) keeps its lowest code. Immutable.
 *
 * <p>The search is a table lookup: the range [min, max] is cut into equal buckets, each remembering which grid
 * values bracket it, so a lookup reads one bucket and binary-searches the few values inside it (one or two for
 * the small formats; quantising spends most of its time here).
 */
public final class ValueGrid {
    private static final int MAX_BUCKETS = 4096;

    private final double[] values;
    private final int[] codes;
    private final double bucketsPerUnit;
    /** Per bucket: the last value index at or below the bucket's start. */
    private final int[] bucketLow;
    /** Per bucket: the first value index at or above the bucket's end. */
    private final int[] bucketHigh;

    private ValueGrid(double[] values, int[] codes) {
        this.values = values;
        this.codes = codes;
        int n = values.length;
        double span = values[n - 1] - values[0];
        int buckets = n < 2 || !(span > 0) || !Double.isFinite(span) ? 0 : Math.min(MAX_BUCKETS, 4 * n);
        this.bucketsPerUnit = buckets == 0 ? 0 : buckets / span;
        this.bucketLow = new int[buckets];
        this.bucketHigh = new int[buckets];
        int low = 0;
        int high = 0;
        for (int b = 0; b < buckets; b++) {
            double start = values[0] + b / bucketsPerUnit;
            double end = b == buckets - 1 ? values[n - 1] : values[0] + (b + 1) / bucketsPerUnit;
            while (low + 1 < n && values[low + 1] <= start) {
                low++;
            }
            while (high < n - 1 && values[high] < end) {
                high++;
            }
            bucketLow[b] = low;
            bucketHigh[b] = high;
        }
    }

    /** The grid of a code table: {@code valueByCode[c]} is the value of code c (NaN/inf entries are skipped). */
    public static ValueGrid fromCodeTable(double[] valueByCode) {
        // Primitive sorts only: FP16's and BF16's 65,536 codes are built at start-up, where boxed sorting cost more
        // than the rest of loading the formats.
        double[] sorted = new double[valueByCode.length];
        int n = 0;
        for (double v : valueByCode) {
            if (Double.isFinite(v)) {
                sorted[n++] = v + 0.0; // -0.0 + 0.0 == +0.0: equal values, one grid point
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("a value grid needs at least one finite value");
        }
        Arrays.sort(sorted, 0, n);
        int size = 0;
        for (int i = 0; i < n; i++) {
            if (size == 0 || sorted[size - 1] != sorted[i]) {
                sorted[size++] = sorted[i];
            }
        }
        double[] values = Arrays.copyOf(sorted, size);
        // each value's code is the lowest code with that value
        int[] codes = new int[size];
        Arrays.fill(codes, -1);
        for (int c = 0; c < valueByCode.length; c++) {
            if (Double.isFinite(valueByCode[c])) {
                int at = Arrays.binarySearch(values, valueByCode[c] + 0.0);
                if (codes[at] < 0) {
                    codes[at] = c;
                }
            }
        }
        return new ValueGrid(values, codes);
    }

    /** A grid of plain values (code i = i-th smallest value); duplicates are removed. */
    public static ValueGrid ofValues(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return fromCodeTable(sorted);
    }

    public int size() {
        return values.length;
    }

    /** The i-th smallest value. */
    public double value(int index) {
        return values[index];
    }

    /** The code of the i-th smallest value. */
    public int code(int index) {
        return codes[index];
    }

    /** A copy of the sorted values. */
    public double[] values() {
        return values.clone();
    }

    public double min() {
        return values[0];
    }

    public double max() {
        return values[values.length - 1];
    }

    /** The largest magnitude, max(|min|, |max|). */
    public double maxAbs() {
        return Math.max(Math.abs(min()), Math.abs(max()));
    }

    /** Whether {@code value} is exactly on the grid. */
    public boolean contains(double value) {
        return Arrays.binarySearch(values, value + 0.0) >= 0;
    }

    /** The index of the grid value nearest to {@code x}; beyond either end, the end (saturation). */
    public int nearestIndex(double x, Rounding rounding) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("cannot round NaN to a value grid");
        }
        x = x + 0.0;
        int found = search(x);
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
        // Midpoints of neighbouring grid values are exact in double for every format here (few significant bits).
        double mid = values[lower] + (values[upper] - values[lower]) / 2;
        if (x < mid) {
            return lower;
        }
        if (x > mid) {
            return upper;
        }
        return tie(lower, upper, rounding);
    }

    /** As {@link Arrays#binarySearch(double[], double)}, looking only inside x's bucket when it brackets x. */
    private int search(double x) {
        int n = values.length;
        if (bucketLow.length == 0 || !(x > values[0]) || !(x < values[n - 1])) {
            return Arrays.binarySearch(values, x);
        }
        int b = (int) ((x - values[0]) * bucketsPerUnit);
        if (b >= 0 && b < bucketLow.length) {
            int low = bucketLow[b];
            int high = bucketHigh[b];
            // Rounding in the bucket index can put x just outside its bucket; then search everything.
            if (values[low] <= x && x <= values[high]) {
                // Usually high = low + 1 already: narrow to neighbours, values[low] <= x <= values[high].
                while (high - low > 1) {
                    int mid = (low + high) >>> 1;
                    if (values[mid] <= x) {
                        low = mid;
                    } else {
                        high = mid;
                    }
                }
                if (values[low] == x) {
                    return low;
                }
                return values[high] == x ? high : -high - 1;
            }
        }
        return Arrays.binarySearch(values, x);
    }

    /** The code of the nearest grid value. */
    public int nearestCode(double x, Rounding rounding) {
        return codes[nearestIndex(x, rounding)];
    }

    /** The nearest grid value. */
    public double nearestValue(double x, Rounding rounding) {
        return values[nearestIndex(x, rounding)];
    }

    private int tie(int lower, int upper, Rounding rounding) {
        switch (rounding) {
            case HALF_DOWN_TOWARD_LOWER:
            case TRUNCATE:
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

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
