package io.bitforge.cli.hdl;

/** What {@code fpga --board} and {@code fpga-run} agree on when the command line leaves it out. */
public final class BoardDesigns {
    /** A 2x2 array: small enough for every family with RTL on both boards (an UP5K has 8 DSPs). */
    public static final int DEFAULT_ROWS = 2;
    public static final int DEFAULT_COLS = 2;

    private BoardDesigns() {
    }
}
