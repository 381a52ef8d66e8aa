package io.bitforge.pe.ovp;

import io.bitforge.core.arith.FloatArith;
import io.bitforge.core.format.MiniFloat;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.format.OvpFormat;
import io.bitforge.core.quant.Granularity;
import io.bitforge.core.quant.QuantizedTensor;
import io.bitforge.pe.bitfusion.ExponentInteger;

import java.util.Objects;

/**
 * Functional model of OliVe's weight-only mode as BitMoD runs it: FP16 activations times OVP weights decoded at
 * the array edge. BitMoD does not publish the PE's arithmetic; BitForge fixes it as follows (and tests against
 * an independent implementation of exactly this):
 * <ol>
 *   <li>each product {@code a · (integer << exponent)} is formed exactly in FP32 — an FP16 significand (11 bits)
 *       times a decoded integer of at most 3 (ovp-int4/flint4) or 7 (ovp-int8) magnitude bits fits FP32's 24 bits,
 *       and the shift is an exponent increment;</li>
 *   <li>products are accumulated in FP32 in K order, each addition rounded to nearest, ties to even;</li>
 *   <li>the sum is multiplied once by the output channel's weight scale held in FP32 and rounded to FP16
 *       (round half to even, saturating as the shared FP16 format does).</li>
 * </ol>
 */
public final class OvpWeightOnlyTile {
    private static final MiniFloat FP16 = NumberFormats.FP16;
    private final OvpFormat weightFormat;

    public OvpWeightOnlyTile(OvpParams params) {
        Objects.requireNonNull(params, "params");
        if (params.mode() != OvpMode.WEIGHT_ONLY) {
            throw new IllegalArgumentException("not a weight-only configuration: " + params.mode().id());
        }
        this.weightFormat = params.weightFormat();
    }

    /**
     * FP16 output codes C[M×N] from FP16 activation codes A[M×K] (row-major) and weights [N, K] quantised per
     * output channel in this tile's OVP format; K must be even (pairs run along K).
     */
    public int[] gemm(int[] activationCodes, int m, QuantizedTensor weights) {
        if (!weights.format().id().equals(weightFormat.id())
                || weights.layout().granularity() != Granularity.CHANNEL) {
            throw new IllegalArgumentException("weights must be " + weightFormat.id() + " per channel, got "
                    + weights.format().id() + " per " + weights.layout().granularity());
        }
        int n = weights.layout().rows();
        int k = weights.layout().cols();
        if (k % 2 != 0 || activationCodes.length != m * k) {
            throw new IllegalArgumentException("expected an even K and " + m * k + " activation codes, got K " + k
                    + " and " + activationCodes.length + " codes");
        }
        long[] acc = accumulators(activationCodes, OvpW4a4Tile.codes(weights), m, k, n);
        int[] out = new int[m * n];
        for (int row = 0; row < m; row++) {
            for (int col = 0; col < n; col++) {
                float scaled = FloatArith.toFloat(acc[row * n + col]) * (float) weights.scales()[col];
                out[row * n + col] = FP16.encode(scaled);
            }
        }
        return out;
    }

    /**
     * The FP32 accumulators (codes) before the per-channel scale: C[M×N] = Σ_k a[m][k] · w[n][k] from FP16
     * activation codes A[M×K] and OVP element codes W[N×K] (row-major, pairs along K), summed in the order of k.
     */
    public long[] accumulators(int[] activationCodes, int[] weightCodes, int m, int k, int n) {
        ExponentInteger[][] w = OvpW4a4Tile.decodeRows(weightFormat, weightCodes, n, k);
        float[] a = new float[activationCodes.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) FP16.decode(activationCodes[i]);
        }
        long[] out = new long[m * n];
        for (int row = 0; row < m; row++) {
            for (int col = 0; col < n; col++) {
                float acc = 0f;
                for (int i = 0; i < k; i++) {
                    ExponentInteger weight = w[col][i];
                    // Exact: the integer scales the significand, the shift is a power of two.
                    float product = a[row * k + i] * weight.integer() * (float) Math.scalb(1.0, weight.exponent());
                    acc += product;
                }
                out[row * n + col] = FloatArith.fp32(acc);
            }
        }
        return out;
    }
}
