package io.bitforge.cli.hdl;

/** What {@code fpga --board} and {@code fpga-run} agree on when the command line leaves it out. */
public final class BoardDesigns {
    /** A 2x2 array: the integer families fit an UP5K at 12 MHz at this size (measured, docs/fpga.md). */
    public static final int DEFAULT_ROWS = 2;
    public static final int DEFAULT_COLS = 2;

    private BoardDesigns() {
    }
}
