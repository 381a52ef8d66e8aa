package io.bitforge.core.engine;

/**
 * Folds of one GEMM that share a shape: {@code count} folds each using {@code rowsUsed} × {@code colsUsed} cells
 * and taking {@code cycles} cycles on the array. A GEMM has at most four classes (full folds, folds ragged in rows,
 * in columns, in both). Memory models add per-fold DRAM transfers and double-buffering stalls class by class.
 */
public record FoldClass(long count, int rowsUsed, int colsUsed, long cycles) {
}
