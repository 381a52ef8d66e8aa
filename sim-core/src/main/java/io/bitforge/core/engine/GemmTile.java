package io.bitforge.core.engine;

/** Tile sizes of a tiled GEMM: {@code m × k} of A, {@code k × n} of B, {@code m × n} of C. */
public record GemmTile(long m, long k, long n) {
    public GemmTile {
        if (m < 1 || k < 1 || n < 1) {
            throw new IllegalArgumentException("tile sizes must be >= 1, got " + m + " x " + k + " x " + n);
        }
    }
}
