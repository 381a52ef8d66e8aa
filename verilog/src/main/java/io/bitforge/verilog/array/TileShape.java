package io.bitforge.verilog.array;

/** The GEMM tile a generated array runs: C[M×N] = A[M×K]·B[K×N]. */
public record TileShape(int m, int k, int n) {
    public TileShape {
        if (m < 1 || k < 1 || n < 1 || m > 4096 || k > 4096 || n > 4096) {
            throw new IllegalArgumentException("tile dimensions must be 1..4096, got M=" + m + " K=" + k + " N=" + n);
        }
    }
}
