package io.bitforge.verilog.pe;

/**
 * A family's functional (bit-exact, untimed) model as the ladder calls it: C[M×N] = A[M×K]·B[K×N] on codes,
 * {@code activationCodes} row-major M×K, {@code weightCodes} row-major K×N, the result row-major M×N.
 */
@FunctionalInterface
public interface ReferenceGemm {
    long[] gemm(long[] activationCodes, long[] weightCodes, int m, int k, int n);
}
