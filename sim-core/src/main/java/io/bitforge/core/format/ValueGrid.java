package io.bitforge.core.format;

import io.bitforge.core.arith.Rounding;

import java.util.Arrays;

/**
 * A sorted set of representable values with the code of each, and nearest-value search with an explicit tie
 * rule. Built from a code → value table: non-finite entries are skipped, and a value with several codes
 * (±0 in sign-magnitude formats) keeps its lowest code. Immutable.
 *
 * <p>The search is a table lookup. Buckets follow the bits of a double: sign, exponent and the first few mantissa
 * bits of x, from the binade of the smallest non-zero magnitude up (everything closer to zero shares one bucket per
 * sign). Each bucket remembers which grid values bracket it, so a lookup reads one bucket and narrows the few values
 * inside it (one or two even for fp16's 63,489 values, whose spacing grows with the magnitude as the buckets do;
 * quantising spends most of its time here). Most buckets lie strictly between two neighbouring midpoints; those
 * remember their answer, so a lookup there needs no comparison at all (every tie rule but truncation agrees away
 * from the midpoints).
 */
public final class ValueGrid {
    /** Mantissa bits a bucket key keeps at most (fp16 needs 10 for one value per bucket). */
    private static final int MAX_KEY_MANTISSA_BITS = 10;
    /** Binades below the smallest non-zero magnitude that get buckets of their own (the rest share one). */
    private static final int BINADES_BELOW = 4;
    /** Table entries per grid value at most (and at least 512 in all), so most buckets avoid a midpoint. */
    private static final int BUCKETS_PER_VALUE = 32;

    private final double[] values;
    private final int[] codes;
    /** Right shift from a double's magnitude bits to its bucket key: 52 minus the mantissa bits kept. */
    private final int keyShift;
    /** Key of the smallest non-zero magnitude's binade: magnitude bucket k ≥ 1 has key {@code keyBase + k − 1}. */
    private final long keyBase;
    /** Buckets per sign: bucket 0 holds the magnitudes below the smallest non-zero binade. */
    private final int magnitudeBuckets;
    /**
     * Per bucket (negative x mirrored in the first half, positive x in the second): the last value index at or
     * below the bucket's lower end.
     */
    private final int[] bucketLow;
    /** Per bucket: the first value index at or above the bucket's upper end. */
    private final int[] bucketHigh;
    /** Per bucket: the nearest index of every x in it under every tie rule but truncation, or −1 (a midpoint). */
    private final int[] bucketNearest;

    private ValueGrid(double[] values, int[] codes) {
        this.values = values;
        this.codes = codes;
        int n = values.length;
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (double v : values) {
            if (v != 0) {
                smallest = Math.min(smallest, Math.abs(v));
                largest = Math.max(largest, Math.abs(v));
            }
        }
        int minExponent = Math.getExponent(smallest);
        int maxExponent = Math.getExponent(largest);
        boolean usable = n >= 2 && smallest <= largest && Double.isFinite(largest)
                && minExponent >= Double.MIN_EXPONENT;
        int lowestExponent = Math.max(Double.MIN_EXPONENT, minExponent - BINADES_BELOW);
        int binades = usable ? maxExponent - lowestExponent + 1 : 0;
        // As many mantissa bits as the table's budget of entries per value allows.
        int mantissaBits = 0;
        while (usable && mantissaBits < MAX_KEY_MANTISSA_BITS && 2L * (1 + ((long) binades << (mantissaBits + 1)))
                <= Math.max(512, (long) BUCKETS_PER_VALUE * n)) {
            mantissaBits++;
        }
        this.keyShift = 52 - mantissaBits;
        this.keyBase = usable ? Double.doubleToRawLongBits(Math.scalb(1.0, lowestExponent)) >>> keyShift : 0;
        this.magnitudeBuckets = usable ? 1 + (binades << mantissaBits) : 0;
        this.bucketLow = new int[2 * magnitudeBuckets];
        this.bucketHigh = new int[2 * magnitudeBuckets];
        this.bucketNearest = new int[2 * magnitudeBuckets];
        // Buckets in increasing order of their values (negative side mirrored), so the brackets are one sweep.
        int low = 0;
        int high = 0;
        for (int k = magnitudeBuckets - 1; k >= 0; k--) {
            // x in (−upper, −lower]
            int b = magnitudeBuckets - 1 - k;
            double from = -upperMagnitude(k);
            double to = -lowerMagnitude(k);
            while (low + 1 < n && values[low + 1] <= from) {
                low++;
            }
            while (high < n - 1 && values[high] < to) {
                high++;
            }
            bucketLow[b] = low;
            bucketHigh[b] = high;
            boolean bracketed = high == low + 1 && values[low] <= from && to <= values[high];
            double mid = bracketed ? midpoint(low) : 0;
            bucketNearest[b] = !bracketed ? -1 : to < mid ? low : from >= mid ? high : -1;
        }
        for (int k = 0; k < magnitudeBuckets; k++) {
            // x in [lower, upper)
            int b = magnitudeBuckets + k;
            double from = lowerMagnitude(k);
            double to = upperMagnitude(k);
            while (low + 1 < n && values[low + 1] <= from) {
                low++;
            }
            while (high < n - 1 && values[high] < to) {
                high++;
            }
            bucketLow[b] = low;
            bucketHigh[b] = high;
            boolean bracketed = high == low + 1 && values[low] <= from && to <= values[high];
            double mid = bracketed ? midpoint(low) : 0;
            bucketNearest[b] = !bracketed ? -1 : to <= mid ? low : from > mid ? high : -1;
        }
    }

    /** The smallest magnitude of bucket k (0 for the bucket below the table's lowest binade). */
    private double lowerMagnitude(int k) {
        return k == 0 ? 0.0 : Double.longBitsToDouble((keyBase + k - 1) << keyShift);
    }

    /** The magnitude just above bucket k. */
    private double upperMagnitude(int k) {
        return Double.longBitsToDouble((keyBase + k) << keyShift);
    }

    /** The midpoint of values i and i + 1, computed as {@link #nearestIndex} computes it. */
    private double midpoint(int i) {
        return values[i] + (values[i + 1] - values[i]) / 2;
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
        x = x + 0.0;
        // Away from every midpoint the bucket knows the answer (false for NaN: it fails both comparisons).
        if (rounding != Rounding.TRUNCATE && x > values[0] && x < values[values.length - 1]
                && magnitudeBuckets > 0) {
            int known = bucketNearest[bucket(x)];
            if (known >= 0) {
                return known;
            }
        }
        return nearestIndexBySearch(x, rounding);
    }

    /** The bucket of an x strictly inside (min, max). */
    private int bucket(double x) {
        long bits = Double.doubleToRawLongBits(x);
        long key = ((bits & Long.MAX_VALUE) >>> keyShift) - keyBase + 1;
        int k = key <= 0 ? 0 : (int) Math.min(key, magnitudeBuckets - 1);
        return bits < 0 ? magnitudeBuckets - 1 - k : magnitudeBuckets + k;
    }

    private int nearestIndexBySearch(double x, Rounding rounding) {
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
        if (magnitudeBuckets == 0 || !(x > values[0]) || !(x < values[n - 1])) {
            return Arrays.binarySearch(values, x);
        }
        int b = bucket(x);
        int low = bucketLow[b];
        int high = bucketHigh[b];
        // A bucket always brackets its x; the check keeps the search exact whatever the table says.
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
