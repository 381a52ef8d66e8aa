package io.bitforge.verilog.board;

/** The bits of {@link BoardCore}'s {@code status_leds} output, as masks. */
public final class BoardLeds {
    /** About 0.7 Hz at 12 MHz (bit 23 of a free-running counter): the design is configured and clocked. */
    public static final int HEARTBEAT = 1;
    public static final int RECEIVING = 1 << 1;
    public static final int SENDING = 1 << 2;
    public static final int LOADING = 1 << 3;
    public static final int RUNNING = 1 << 4;
    public static final int DONE = 1 << 5;
    public static final int ERROR = 1 << 6;
    public static final int READING = 1 << 7;

    private BoardLeds() {
    }
}
