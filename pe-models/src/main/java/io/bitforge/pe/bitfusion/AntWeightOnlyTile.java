package io.bitforge.pe.bitfusion;

import io.bitforge.core.format.MiniFloat;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.quant.Granularity;
import io.bitforge.core.quant.QuantizedTensor;

import java.util.Objects;

/**
 * Functional model of ANT's weight-only mode as BitMoD runs it: FP16 activations times ANT weights (int4, int8 or
 * flint4 codes, per output channel scale) decoded to exponent–integer pairs by {@link AntDecoder}. BitMoD does not
 * publish this PE's arithmetic; BitForge fixes it as for OliVe's weight-only tile (and tests it against an
 * independent implementation of exactly this):
 * <ol>
 *   <li>each product {@code a · (integer << exponent)} is formed exactly in FP32 — an FP16 significand (11 bits)
 *       times a decoded integer of at most 3 (flint4), 4 (int4) or 8 (int8) magnitude bits fits FP32's 24 bits;</li>
 *   <li>products are accumulated in FP32 in K order, each addition rounded to nearest, ties to even;</li>
 *   <li>the sum is multiplied once by the channel's scale held in FP32 and rounded to FP16.</li>
 * </ol>
 */
public final class AntWeightOnlyTile {
    private static final MiniFloat FP16 = NumberFormats.FP16;
    private final AntWeightOnlyParams params;

    public AntWeightOnlyTile(AntWeightOnlyParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /**
     * FP16 output codes C[M×N] from FP16 activation codes A[M×K] (row-major) and weights [N, K] quantised per
     * output channel in this tile's weight format.
     */
    public int[] gemm(int[] activationCodes, int m, QuantizedTensor weights) {
        if (!weights.format().id().equals(params.weightFormat())
                || weights.layout().granularity() != Granularity.CHANNEL) {
            throw new IllegalArgumentException("weights must be " + params.weightFormat() + " per channel, got "
                    + weights.format().id() + " per " + weights.layout().granularity());
        }
        int n = weights.layout().rows();
        int k = weights.layout().cols();
        if (activationCodes.length != m * k) {
            throw new IllegalArgumentException("expected " + m * k + " activation codes, got "
                    + activationCodes.length);
        }
        float[] a = new float[activationCodes.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) FP16.decode(activationCodes[i]);
        }
        int[] out = new int[m * n];
        for (int row = 0; row < m; row++) {
            for (int col = 0; col < n; col++) {
                float acc = 0f;
                for (int i = 0; i < k; i++) {
                    ExponentInteger w = AntDecoder.decode(weights.code(col * k + i), params.weightType(),
                            params.weightBits());
                    // Exact: the integer scales the significand, the shift is a power of two.
                    acc += a[row * k + i] * w.integer() * (float) Math.scalb(1.0, w.exponent());
                }
                out[row * n + col] = FP16.encode(acc * (float) weights.scales()[col]);
            }
        }
        return out;
    }
}
