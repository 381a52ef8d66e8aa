package io.bitforge.verilog.board;

import io.bitforge.verilog.array.TileShape;

/**
 * A board's run against the models: C against the family's functional model on the same codes, the cycle count
 * against the engine's figure plus the RTL's overhead.
 */
public record BoardCheck(TileShape tile, long[] expected, long[] actual, long expectedCycles, long actualCycles,
                         int mismatches, int firstMismatch) {
    public static BoardCheck of(TileSession session, TileSession.BoardRun run, long expectedCycles) {
        TileShape t = session.layout().plan().tile();
        long[] expected = session.layout().pe().reference().gemm(session.activationCodes(), session.weightCodes(),
                t.m(), t.k(), t.n());
        long[] actual = run.c();
        int mismatches = 0;
        int first = -1;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual[i]) {
                mismatches++;
                first = first < 0 ? i : first;
            }
        }
        return new BoardCheck(t, expected, actual, expectedCycles, run.cycles(), mismatches, first);
    }

    public boolean valuesMatch() {
        return mismatches == 0;
    }

    public boolean cyclesMatch() {
        return expectedCycles == actualCycles;
    }

    public boolean passed() {
        return valuesMatch() && cyclesMatch();
    }

    /** The first mismatch as {@code C[i][j] = actual, expected e}, or empty. */
    public String firstMismatchText() {
        if (firstMismatch < 0) {
            return "";
        }
        return "C[" + firstMismatch / tile.n() + "][" + firstMismatch % tile.n() + "] = " + actual[firstMismatch]
                + ", expected " + expected[firstMismatch];
    }
}
