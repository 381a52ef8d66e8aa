package io.bitforge.core.quant;

import io.bitforge.core.arith.Rounding;
import io.bitforge.core.format.ElementFormat;
import io.bitforge.core.format.IntFormat;
import io.bitforge.core.format.ValueGrid;

/**
 * Scaled rounding onto an element format's grid. Symmetric: x̂ = s·g. Asymmetric: x̂ = s·(g − z) with
 * s = (max − min)/(grid max − grid min) and z = grid min − min/s clamped to the grid range (an integer for
 * integer formats, as in BitMoD's quant_int_asym with its unsigned grid).
 */
final class ElementGroupQuantizer implements GroupQuantizer {
    private final ElementFormat format;
    private final ValueGrid grid;
    private final double symmetricLimit;
    private final boolean symmetric;
    private final ScaleRule scaleRule;
    private final Rounding rounding;

    ElementGroupQuantizer(ElementFormat format, boolean symmetric, ScaleRule scaleRule, Rounding rounding) {
        this.format = format;
        this.grid = format.grid();
        this.symmetricLimit = symmetricLimit(format);
        this.symmetric = symmetric;
        this.scaleRule = scaleRule;
        this.rounding = rounding;
    }

    /**
     * The grid magnitude the group's absmax maps to: the positive maximum for two's-complement integers (so
     * int4 uses ±7 as BitMoD's quant_int does, qmax = 2^(b−1) − 1), otherwise the grid's largest magnitude, as
     * BitMoD's quant_datatype does for its asymmetric ER/EA grids (max|grid| = 16 for FP4 EA).
     */
    static double symmetricLimit(ElementFormat format) {
        if (format instanceof IntFormat i && i.encoding() == IntFormat.Encoding.TWOS_COMPLEMENT) {
            return Math.max(1, i.maxValue());
        }
        return format.grid().maxAbs();
    }

    @Override
    public int scalesPerGroup() {
        return 1;
    }

    @Override
    public boolean storesZeroPoint() {
        return !symmetric;
    }

    @Override
    public void quantize(float[] x, int from, int to, int group, Output out) {
        GroupStats stats = GroupStats.of(x, from, to);
        double scale;
        double zero = 0;
        if (scaleRule == ScaleRule.NONE) {
            scale = 1;
        } else if (!symmetric) {
            scale = GroupStats.usable((stats.max() - stats.min()) / (grid.max() - grid.min()));
            zero = grid.min() - stats.min() / scale;
            if (format instanceof IntFormat) {
                zero = Math.rint(zero);
            }
            zero = Math.max(grid.min(), Math.min(grid.max(), zero));
        } else if (scaleRule == ScaleRule.ABSMEAN) {
            scale = GroupStats.usable(stats.absMean());
        } else if (scaleRule == ScaleRule.MSE_SEARCH) {
            scale = bestSearchedScale(x, from, to, stats);
        } else if (scaleRule == ScaleRule.CLIP_SEARCH) {
            scale = clipSearchedScale(x, from, to, stats);
        } else {
            scale = GroupStats.usable(stats.absMax() / symmetricLimit);
        }
        for (int i = from; i < to; i++) {
            out.codes()[i] = (short) grid.nearestCode(x[i] / scale + zero, rounding);
        }
        out.scales()[group] = scale;
        if (!symmetric) {
            out.zeroPoints()[group] = zero;
        }
    }

    /**
     * ANT's search_mse (ant_quantization/antquant/quant_modules.py): α = absmax·i/100 for i = 75 … 149, or 95 … 149
     * above 6 bits (w_low = 75 and w_up = 150 are the defaults of ImageNet/main.py); the scale maps the grid's
     * largest value to α, and the first α of least squared error wins (the reference updates on a strictly
     * smaller score). A candidate stops summing once it cannot win.
     */
    private double clipSearchedScale(float[] x, int from, int to, GroupStats stats) {
        int lowest = format.bits() > 6 ? 95 : 75;
        boolean sortable = rounding == Rounding.HALF_UP || rounding == Rounding.HALF_DOWN_TOWARD_LOWER;
        SortedGroup sorted = sortable ? new SortedGroup(x, from, to) : null;
        int best = lowest;
        double bestError = Double.POSITIVE_INFINITY;
        for (int percent = lowest; percent < 150; percent++) {
            double scale = GroupStats.usable(stats.absMax() * (percent * 0.01) / symmetricLimit);
            double error = sortable ? sorted.error(scale) : directError(x, from, to, scale);
            if (error < bestError) {
                bestError = error;
                best = percent;
            }
        }
        return GroupStats.usable(stats.absMax() * (best * 0.01) / symmetricLimit);
    }

    private double directError(float[] x, int from, int to, double scale) {
        double error = 0;
        for (int k = from; k < to; k++) {
            double e = x[k] - scale * grid.nearestValue(x[k] / scale, rounding);
            error += e * e;
        }
        return error;
    }

    /**
     * A group sorted once, with prefix sums of x and x², so the squared error at any scale costs one binary search
     * per grid midpoint instead of one rounding per value: sorted values round to the grid in contiguous runs, and
     * a run on level v contributes Σx² − 2·s·v·Σx + s²·v²·n. The run boundaries use the same division and midpoint
     * as {@link ValueGrid#nearestIndex}, so every value lands on the level rounding would give it.
     */
    private final class SortedGroup {
        private final double[] sorted;
        private final double[] sum;
        private final double[] squares;

        SortedGroup(float[] x, int from, int to) {
            int n = to - from;
            sorted = SortedValues.of(x, from, to);
            sum = new double[n + 1];
            squares = new double[n + 1];
            for (int k = 0; k < n; k++) {
                sum[k + 1] = sum[k] + sorted[k];
                squares[k + 1] = squares[k] + sorted[k] * sorted[k];
            }
        }

        double error(double scale) {
            double error = 0;
            int start = 0;
            int levels = grid.size();
            for (int j = 0; j < levels; j++) {
                int end = sorted.length;
                if (j + 1 < levels) {
                    double lower = grid.value(j);
                    double mid = lower + (grid.value(j + 1) - lower) / 2;
                    end = firstAbove(mid, scale, start);
                }
                if (end > start) {
                    double v = scale * grid.value(j);
                    error += squares[end] - squares[start] - 2 * v * (sum[end] - sum[start]) + v * v * (end - start);
                }
                start = end;
            }
            return Math.max(0, error);
        }

        /** The first index from {@code start} whose value rounds above the midpoint (ties by the rounding rule). */
        private int firstAbove(double mid, double scale, int start) {
            // Runs are short and many levels hold no value: gallop from start, then bisect the last step.
            int low = start;
            int high = sorted.length;
            for (int step = 1; low < high; step <<= 1) {
                int probe = Math.min(high - 1, low + step - 1);
                double q = sorted[probe] / scale + 0.0;
                if (rounding == Rounding.HALF_UP ? q >= mid : q > mid) {
                    high = probe;
                    break;
                }
                low = probe + 1;
            }
            while (low < high) {
                int m = (low + high) >>> 1;
                double q = sorted[m] / scale + 0.0;
                boolean above = rounding == Rounding.HALF_UP ? q >= mid : q > mid;
                if (above) {
                    high = m;
                } else {
                    low = m + 1;
                }
            }
            return low;
        }
    }

    private double bestSearchedScale(float[] x, int from, int to, GroupStats stats) {
        double best = GroupStats.usable(stats.absMax() / symmetricLimit);
        double bestError = Double.POSITIVE_INFINITY;
        for (double maximum : stats.searchedMaxima()) {
            double scale = GroupStats.usable(maximum / symmetricLimit);
            double error = 0;
            for (int i = from; i < to && error < bestError; i++) {
                double e = x[i] - scale * grid.nearestValue(x[i] / scale, rounding);
                error += e * e;
            }
            if (error < bestError) {
                bestError = error;
                best = scale;
            }
        }
        return best;
    }
}
