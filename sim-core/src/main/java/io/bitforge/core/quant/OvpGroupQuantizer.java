package io.bitforge.core.quant;

import io.bitforge.core.arith.Rounding;
import io.bitforge.core.format.OvpFormat;
import io.bitforge.core.format.ValueGrid;

/**
 * OliVe quantisation of one group: pairs (2i, 2i+1) counted from the group's start are encoded together
 * ({@link OvpFormat#encodePair}); a trailing lone value takes a normal code. The scale maps the largest normal
 * value to α, chosen by {@link ScaleRule#MSE_SEARCH} by default; {@link ScaleRule#ABSMAX} maps the absmax onto
 * the largest outlier instead.
 */
final class OvpGroupQuantizer implements GroupQuantizer {
    private final OvpFormat format;
    private final ScaleRule scaleRule;
    private final Rounding rounding;

    OvpGroupQuantizer(OvpFormat format, ScaleRule scaleRule, Rounding rounding) {
        this.format = format;
        this.scaleRule = scaleRule;
        this.rounding = rounding;
    }

    @Override
    public int scalesPerGroup() {
        return 1;
    }

    @Override
    public boolean storesZeroPoint() {
        return false;
    }

    @Override
    public void quantize(float[] x, int from, int to, int group, Output out) {
        GroupStats stats = GroupStats.of(x, from, to);
        double scale;
        if (scaleRule == ScaleRule.SIGMA_SEARCH || scaleRule == ScaleRule.MSE_SEARCH) {
            scale = 1;
            double bestError = Double.POSITIVE_INFINITY;
            double[] maxima = scaleRule == ScaleRule.SIGMA_SEARCH ? sigmaMaxima(x, from, to) : stats.searchedMaxima();
            boolean sortable = (to - from) % 2 == 0 && (rounding == Rounding.HALF_UP
                    || rounding == Rounding.HALF_DOWN_TOWARD_LOWER);
            PairSearch search = sortable ? new PairSearch(x, from, to, smallestLimit(maxima)) : null;
            for (double maximum : maxima) {
                double candidate = GroupStats.usable(maximum / format.normalMax());
                double error = sortable ? search.error(candidate) : encode(x, from, to, candidate, out.codes(), bestError);
                if (error < bestError) {
                    bestError = error;
                    scale = candidate;
                }
            }
        } else {
            // absmax onto the largest outlier, so nothing saturates (normals get a coarse step).
            scale = GroupStats.usable(stats.absMax() / format.outlierGrid().max());
        }
        encode(x, from, to, scale, out.codes(), Double.POSITIVE_INFINITY);
        out.scales()[group] = scale;
    }

    /** The smallest magnitude that can be an outlier at any candidate: {@code PairSearch.error}'s limit, least. */
    private double smallestLimit(double[] maxima) {
        double least = Double.POSITIVE_INFINITY;
        for (double maximum : maxima) {
            least = Math.min(least, format.normalMax() * GroupStats.usable(maximum / format.normalMax()));
        }
        return least;
    }

    /**
     * OliVe's candidates (olive_quantization/antquant/quant_modules.py, search_mse): b·i/100 for i = 75, 77, … 149
     * (w_low = 75 and w_up = 150 are the defaults of bert/run_glue.py), b = max(|μ + 3σ|, |μ − 3σ|) with σ the
     * unbiased standard deviation (torch.std); the first of least squared error wins.
     */
    static double[] sigmaMaxima(float[] x, int from, int to) {
        int n = to - from;
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i];
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = from; i < to; i++) {
            double d = x[i] - mean;
            squares += d * d;
        }
        double sigma = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
        double bound = Math.max(Math.abs(mean + 3 * sigma), Math.abs(mean - 3 * sigma));
        double[] maxima = new double[38];
        for (int k = 0; k < maxima.length; k++) {
            maxima[k] = bound * ((75 + 2 * k) * 0.01);
        }
        return maxima;
    }

    /**
     * The squared error of a group at any scale without encoding it: every element's error on the element grid
     * (normal ∪ outlier values) from a sorted copy with prefix sums, as {@code ElementGroupQuantizer} does, then a
     * correction for the few pairs holding an outlier, encoded directly. Elements whose magnitude is within the
     * normal range at this scale cannot be outliers, so only the largest few are looked at, and only those beyond
     * the smallest candidate's normal range are ordered by magnitude at all.
     */
    private final class PairSearch {
        private final float[] x;
        private final int from;
        private final double[] sorted;
        private final double[] sum;
        private final double[] squares;
        /** Group offsets ordered by magnitude, largest first. */
        private final int[] byMagnitude;
        private final double[] decoded = new double[2];

        /** @param smallestLimit no candidate's normal range ends below this magnitude */
        PairSearch(float[] x, int from, int to, double smallestLimit) {
            this.x = x;
            this.from = from;
            int n = to - from;
            sorted = SortedValues.of(x, from, to);
            // error() walks magnitudes downwards and stops at the first within its limit, never below smallestLimit.
            long[] keyed = new long[n];
            int beyond = 0;
            for (int k = 0; k < n; k++) {
                if (Math.abs(x[from + k]) > smallestLimit) {
                    // magnitude bits (non-negative floats order as their bits) descending, offset as the tie-break
                    keyed[beyond++] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(Math.abs(x[from + k]))) << 32)
                            | k;
                }
            }
            java.util.Arrays.sort(keyed, 0, beyond);
            byMagnitude = new int[beyond];
            for (int k = 0; k < beyond; k++) {
                byMagnitude[k] = (int) keyed[k];
            }
            sum = new double[n + 1];
            squares = new double[n + 1];
            for (int k = 0; k < n; k++) {
                sum[k + 1] = sum[k] + sorted[k];
                squares[k + 1] = squares[k] + sorted[k] * sorted[k];
            }
        }

        double error(double scale) {
            ValueGrid grid = format.elementGrid();
            double error = 0;
            int start = 0;
            // Rounding is monotone: every value lands between the levels of the smallest and the largest.
            int first = format.elementGridIndex(sorted[0] / scale, rounding);
            int last = format.elementGridIndex(sorted[sorted.length - 1] / scale, rounding);
            for (int j = first; j <= last; j++) {
                int end = sorted.length;
                if (j < last) {
                    double lower = grid.value(j);
                    double mid = lower + (grid.value(j + 1) - lower) / 2;
                    end = firstAbove(mid, scale, start, format.midpointGoesLower(j, rounding));
                }
                if (end > start) {
                    double v = scale * grid.value(j);
                    error += squares[end] - squares[start] - 2 * v * (sum[end] - sum[start]) + v * v * (end - start);
                }
                start = end;
            }
            double limit = format.normalMax() * scale;
            int previousPair = -1;
            boolean[] seen = null;
            for (int k : byMagnitude) {
                if (!(Math.abs(x[from + k]) > limit)) {
                    break;
                }
                if (!format.isOutlierIndex(format.elementGridIndex(x[from + k] / scale, rounding))) {
                    continue;
                }
                int pair = k / 2;
                if (pair == previousPair) {
                    continue;
                }
                if (seen == null) {
                    seen = new boolean[sorted.length / 2];
                }
                if (seen[pair]) {
                    continue;
                }
                seen[pair] = true;
                previousPair = pair;
                double even = x[from + 2 * pair];
                double odd = x[from + 2 * pair + 1];
                format.encodePair(even / scale, odd / scale, rounding, decoded);
                double e0 = even - scale * decoded[0];
                double e1 = odd - scale * decoded[1];
                error += e0 * e0 + e1 * e1 - elementError(even, scale) - elementError(odd, scale);
            }
            return Math.max(0, error);
        }

        private double elementError(double value, double scale) {
            double e = value - scale * format.elementGrid().value(format.elementGridIndex(value / scale, rounding));
            return e * e;
        }

        /** The first sorted index from {@code start} whose value rounds above the midpoint. */
        private int firstAbove(double mid, double scale, int start, boolean tieGoesLower) {
            // Runs are short and many levels hold no value: gallop from start, then bisect the last step.
            int low = start;
            int high = sorted.length;
            for (int step = 1; low < high; step <<= 1) {
                int probe = Math.min(high - 1, low + step - 1);
                double q = sorted[probe] / scale + 0.0;
                if (tieGoesLower ? q > mid : q >= mid) {
                    high = probe;
                    break;
                }
                low = probe + 1;
            }
            while (low < high) {
                int m = (low + high) >>> 1;
                double q = sorted[m] / scale + 0.0;
                boolean above = tieGoesLower ? q > mid : q >= mid;
                if (above) {
                    high = m;
                } else {
                    low = m + 1;
                }
            }
            return low;
        }
    }

    /** Encodes the group at this scale into codes and returns its squared error (stops early past {@code limit}). */
    private double encode(float[] x, int from, int to, double scale, short[] codes, double limit) {
        double error = 0;
        int b = format.bits();
        int mask = (1 << b) - 1;
        int i = from;
        double[] values = new double[2];
        for (; i + 1 < to && error < limit; i += 2) {
            int pair = format.encodePair(x[i] / scale, x[i + 1] / scale, rounding, values);
            codes[i] = (short) (pair & mask);
            codes[i + 1] = (short) (pair >>> b);
            double e0 = x[i] - scale * values[0];
            double e1 = x[i + 1] - scale * values[1];
            error += e0 * e0 + e1 * e1;
        }
        if (i + 1 == to) {
            int code = format.encodeLone(x[i] / scale, rounding);
            codes[i] = (short) code;
            double e = x[i] - scale * format.decodeNormal(code);
            error += e * e;
        }
        return error;
    }
}
