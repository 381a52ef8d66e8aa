package io.bitforge.core.quant;

/** Min, max, largest magnitude, mean magnitude and root mean square of one group. */
record GroupStats(double min, double max, double absMax, double absMean, double rms) {
    static GroupStats of(float[] x, int from, int to) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double absSum = 0;
        double squareSum = 0;
        for (int i = from; i < to; i++) {
            double v = x[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("cannot quantise a non-finite value " + v + " at index " + i);
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
            absSum += Math.abs(v);
            squareSum += v * v;
        }
        int n = to - from;
        return new GroupStats(min, max, Math.max(Math.abs(min), Math.abs(max)), absSum / n, Math.sqrt(squareSum / n));
    }

    /** A usable scale: a zero or non-finite candidate (an all-zero group) becomes 1, so codes are all zero. */
    static double usable(double scale) {
        return scale > 0 && Double.isFinite(scale) ? scale : 1.0;
    }

    /** The candidate maxima of {@link ScaleRule#MSE_SEARCH}: absmax first, then 0.75..2.50 × 3σ. */
    double[] searchedMaxima() {
        double[] maxima = new double[37];
        maxima[0] = absMax;
        for (int k = 0; k < 36; k++) {
            maxima[k + 1] = 3 * rms * (0.75 + 0.05 * k);
        }
        return maxima;
    }
}
