package io.bitforge.core.engine;

/**
 * Folds of one GEMM that share a shape: {@code count} folds each using {@code rowsUsed} × {@code colsUsed} cells
 * and taking {@code cycles} cycles on the array, each reading {@code activationReads} activation and
 * {@code weightReads} weight elements from SRAM and writing {@code outputWrites} output elements (SCALE-Sim's
 * ifmap/filter reads and ofmap writes, per fold). A GEMM has at most four classes (full folds, folds ragged in
 * rows, in columns, in both). Memory models add per-fold DRAM transfers and double-buffering stalls class by
 * class.
 */
public record FoldClass(long count, int rowsUsed, int colsUsed, long cycles, long activationReads, long weightReads,
                        long outputWrites) {
}
