package io.bitforge.pe.bitfusion;

import java.util.Objects;

/**
 * Functional (bit-exact, untimed) model of one {@code bitfusion} cell and of a GEMM tile on it. Operands arrive as
 * codes (the low bits of an {@code int}); each is decoded to an exponent–integer pair by {@link AntDecoder}
 * (integers pass through with exponent 0), the integers are multiplied by the {@link FusedMultiplier} built from
 * the variant's narrow multipliers, and the product is shifted by the summed exponents. Sums are exact (a
 * {@code long}); a K-term dot product of b_a-bit by b_w-bit integers needs b_a + b_w + ceil(log2 K) bits, which
 * the 32-bit output words of both artefacts (hsharma35/bitfusion simulator.py: obuf_bits = 32) hold for 8-bit
 * operands up to K = 2^16.
 */
public final class FusionUnit {
    private final BitFusionParams params;

    public FusionUnit(BitFusionParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public BitFusionParams params() {
        return params;
    }

    /** The exact product of an activation code and a weight code. */
    public long product(int activationCode, int weightCode) {
        ExponentInteger a = AntDecoder.decode(activationCode, params.activationType(), params.activationBits());
        ExponentInteger w = AntDecoder.decode(weightCode, params.weightType(), params.weightBits());
        long integerProduct = FusedMultiplier.multiply(a.integer(), multiplierBits(params.activationType(),
                        params.activationBits()), params.activationType().signed(), w.integer(),
                multiplierBits(params.weightType(), params.weightBits()), params.weightType().signed(),
                params.variant().minBits());
        return integerProduct << (a.exponent() + w.exponent());
    }

    /** Width of the integer a decoded operand hands to the multiplier: flint integers fit 4 bits. */
    private static int multiplierBits(OperandType type, int bits) {
        return type.isFlint() ? 4 : bits;
    }

    /**
     * C[M×N] = A[M×K]·B[K×N] on codes: {@code activationCodes} row-major M×K, {@code weightCodes} row-major K×N;
     * the result row-major M×N.
     */
    public long[] gemm(int[] activationCodes, int[] weightCodes, int m, int k, int n) {
        if (activationCodes.length != m * k || weightCodes.length != k * n) {
            throw new IllegalArgumentException("expected " + m * k + " activation and " + k * n
                    + " weight codes, got " + activationCodes.length + " and " + weightCodes.length);
        }
        long[] out = new long[m * n];
        for (int row = 0; row < m; row++) {
            for (int col = 0; col < n; col++) {
                long sum = 0;
                for (int i = 0; i < k; i++) {
                    sum += product(activationCodes[row * k + i], weightCodes[i * n + col]);
                }
                out[row * n + col] = sum;
            }
        }
        return out;
    }
}
