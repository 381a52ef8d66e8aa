package io.bitforge.pe.mac;

import io.bitforge.core.arith.FloatArith;
import io.bitforge.core.arith.FloatLayout;

import java.util.Objects;

/**
 * Functional (bit-exact, untimed) model of the {@code mac-fp} cell, BitMoD's FP16 baseline PE (Chen et al., HPCA
 * 2025): each FP16 (or BF16) product is formed exactly and rounded once into FP32 (FP16 products are always exact in
 * FP32), then added to an FP32 accumulator that starts at +0, rounding to nearest even after every addition, in the
 * order k = 0, 1, …, K−1 — what {@code acc += (float) a * (float) b} does in Java. Arithmetic, special values and
 * NaN policy are {@link FloatArith}'s.
 */
public final class MacFpTile {
    private final FloatLayout operands;

    public MacFpTile(MacFpParams params) {
        Objects.requireNonNull(params, "params");
        this.operands = params.format().equals("bf16") ? FloatLayout.BF16 : FloatLayout.FP16;
    }

    /** The operand layout (FP16 or BF16). */
    public FloatLayout operands() {
        return operands;
    }

    /** One MAC: {@code acc + a × b}, FP32 codes. */
    public long mac(long accumulatorFp32, long activationCode, long weightCode) {
        long product = FloatArith.multiply(activationCode, operands, weightCode, operands, FloatLayout.FP32);
        return FloatArith.add(accumulatorFp32, product, FloatLayout.FP32);
    }

    /**
     * C[M×N] = A[M×K]·B[K×N] on codes (A row-major M×K, B row-major K×N); each result an FP32 code (0 .. 2^32−1),
     * row-major M×N.
     */
    public long[] gemm(long[] activationCodes, long[] weightCodes, int m, int k, int n) {
        if (activationCodes.length != (long) m * k || weightCodes.length != (long) k * n) {
            throw new IllegalArgumentException("expected " + (long) m * k + " activation and " + (long) k * n
                    + " weight codes, got " + activationCodes.length + " and " + weightCodes.length);
        }
        long[] out = new long[m * n];
        for (int row = 0; row < m; row++) {
            for (int col = 0; col < n; col++) {
                long acc = 0; // +0
                for (int i = 0; i < k; i++) {
                    acc = mac(acc, activationCodes[row * k + i], weightCodes[i * n + col]);
                }
                out[row * n + col] = acc;
            }
        }
        return out;
    }
}
