package io.bitforge.pe.mac;

import io.bitforge.core.arith.Bits;

import java.util.Objects;

/**
 * Functional (bit-exact, untimed) model of the {@code mac-int} cell: operand codes are read as two's-complement
 * or unsigned integers of the parameter widths, multiplied exactly and summed in the cell's 32-bit accumulator,
 * which wraps (two's complement) as the hardware register does.
 */
public final class MacIntTile {
    /** The accumulator width: products accumulate in 32-bit integers (the family's native output, int32). */
    public static final int ACCUMULATOR_BITS = 32;

    private final MacIntParams params;

    public MacIntTile(MacIntParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The integer an activation code means. */
    public long activation(long code) {
        return Bits.wrap(code, params.activationBits(), params.activationSigned());
    }

    /** The integer a weight code means. */
    public long weight(long code) {
        return Bits.wrap(code, params.weightBits(), params.weightSigned());
    }

    /**
     * C[M×N] = A[M×K]·B[K×N] on codes (A row-major M×K, B row-major K×N), each sum wrapped to the 32-bit
     * accumulator; the result row-major M×N.
     */
    public long[] gemm(long[] activationCodes, long[] weightCodes, int m, int k, int n) {
        if (activationCodes.length != (long) m * k || weightCodes.length != (long) k * n) {
            throw new IllegalArgumentException("expected " + (long) m * k + " activation and " + (long) k * n
                    + " weight codes, got " + activationCodes.length + " and " + weightCodes.length);
        }
        long[] out = new long[m * n];
        for (int row = 0; row < m; row++) {
            for (int col = 0; col < n; col++) {
                long sum = 0;
                for (int i = 0; i < k; i++) {
                    sum += activation(activationCodes[row * k + i]) * weight(weightCodes[i * n + col]);
                }
                out[row * n + col] = Bits.wrap(sum, ACCUMULATOR_BITS, true);
            }
        }
        return out;
    }
}
