package io.bitforge.verilog.pe;

/**
 * Operand codes of one GEMM tile the ladder runs: A row-major M×K, B row-major K×N, and a name for the report.
 */
public record CodeTile(String name, int m, int k, int n, long[] a, long[] b) {
    public CodeTile {
        if (a.length != (long) m * k || b.length != (long) k * n) {
            throw new IllegalArgumentException("tile " + m + "x" + k + "x" + n + " needs " + (long) m * k + " and "
                    + (long) k * n + " codes, got " + a.length + " and " + b.length);
        }
    }
}
