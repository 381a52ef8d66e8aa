package io.bitforge.memory.scalesim;

/**
 * The order in which SCALE-Sim v2's USER-mode read buffers fetch an operand from DRAM (the "prefetch matrices"
 * of scalesim/compute/systolic_compute_*.py): the operand's fold blocks stacked, padded to the array edge with −1,
 * and for the skewed operands read out along anti-diagonals (its fix for issues #15/#16), otherwise row by row.
 *
 * <pre>
 *   os: ifmap  blocks per row fold of Aᵀ (K × R), anti-diagonal   filter blocks per column fold of B (K × C), anti-diagonal
 *   ws: ifmap  blocks per row fold of A  (M × R), anti-diagonal   filter blocks per column fold of B (K × C), row-major
 *   is: ifmap  blocks per column fold of Aᵀ (K × C), row-major    filter blocks per row fold of Bᵀ (N × R), anti-diagonal
 * </pre>
 */
final class PrefetchOrder {
    private PrefetchOrder() {
    }

    static long[] ifmap(SystolicDemand d) {
        OperandAddresses a = d.addresses;
        int r = d.arrayRows;
        int c = d.arrayCols;
        if (d instanceof OsDemand) {
            return diagonal(stacked(a.k(), d.rowFolds(), r,
                    (fold, t, col) -> fold * r + col < a.m() ? a.ifmap(fold * r + col, t) : -1));
        }
        if (d instanceof WsDemand) {
            return diagonal(stacked(a.m(), d.rowFolds(), r,
                    (fold, t, col) -> fold * r + col < a.k() ? a.ifmap(t, fold * r + col) : -1));
        }
        return rowMajor(stacked(a.k(), d.colFolds(), c,
                (fold, k, col) -> fold * c + col < a.m() ? a.ifmap(fold * c + col, k) : -1));
    }

    static long[] filter(SystolicDemand d) {
        OperandAddresses a = d.addresses;
        int r = d.arrayRows;
        int c = d.arrayCols;
        if (d instanceof OsDemand) {
            return diagonal(stacked(a.k(), d.colFolds(), c,
                    (fold, t, col) -> fold * c + col < a.n() ? a.filter(t, fold * c + col) : -1));
        }
        if (d instanceof WsDemand) {
            return rowMajor(stacked(a.k(), d.colFolds(), c,
                    (fold, k, col) -> fold * c + col < a.n() ? a.filter(k, fold * c + col) : -1));
        }
        return diagonal(stacked(a.n(), d.rowFolds(), r,
                (fold, t, col) -> fold * r + col < a.k() ? a.filter(fold * r + col, t) : -1));
    }

    /** A matrix of {@code blocks} blocks of {@code height} rows and {@code width} columns, stacked vertically. */
    private record Stacked(int height, int blocks, int width, Cell cell) {
        int rows() {
            return height * blocks;
        }

        long at(int row, int col) {
            return cell.at(row / height, row % height, col);
        }
    }

    @FunctionalInterface
    private interface Cell {
        long at(int block, int row, int col);
    }

    private static Stacked stacked(int height, int blocks, int width, Cell cell) {
        return new Stacked(height, blocks, width, cell);
    }

    private static long[] rowMajor(Stacked m) {
        long[] out = new long[Math.multiplyExact(m.rows(), m.width())];
        int i = 0;
        for (int row = 0; row < m.rows(); row++) {
            for (int col = 0; col < m.width(); col++) {
                out[i++] = m.at(row, col);
            }
        }
        return out;
    }

    /** Anti-diagonals in turn; within one, from the bottom row up. */
    private static long[] diagonal(Stacked m) {
        int rows = m.rows();
        int cols = m.width();
        long[] out = new long[Math.multiplyExact(rows, cols)];
        int i = 0;
        for (int diag = 0; diag < rows + cols; diag++) {
            int maxRow = Math.min(diag, rows - 1);
            int minRow = Math.max(0, diag - cols + 1);
            for (int row = maxRow; row >= minRow; row--) {
                out[i++] = m.at(row, diag - row);
            }
        }
        return out;
    }
}
