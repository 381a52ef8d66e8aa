package io.bitforge.core.quant;

import io.bitforge.core.arith.Rounding;
import io.bitforge.core.format.OvpFormat;

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
            for (double maximum : maxima) {
                double candidate = GroupStats.usable(maximum / format.normalMax());
                double error = encode(x, from, to, candidate, out.codes(), bestError);
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
