package io.bitforge.verilog.board;

/**
 * The byte protocol between a host and a board top level ({@link BoardCore}), over a UART at 115200 8N1. Every
 * command is one ASCII letter, some followed by operand bytes; every command is answered, so a host sends one
 * command and reads its whole reply before the next (no flow control needed). Multi-byte numbers are least
 * significant byte first.
 *
 * <pre>
 * 'V'                      → 'B' 'F' version signature[4]      identify: protocol version, design signature
 * 'W' b  word[depth(b)]    → 'w'                               load operand buffer b (0..R−1 activations of row b,
 *                                                             R..R+C−1 weights of column b−R), every word
 *                                                             loadBytes long
 * 'S'                      → 's'                               run the tile; the reply comes once every result is
 *                                                             in the result memories
 * 'C'                      → cycles[4]                         clock cycles from start to computed of the last run
 * 'R' r                    → word[resultDepth], accBytes each  read result memory r (every address, from 0)
 * 'T'                      → status                            bit 0 running, 1 computed, 2 done, 3 error seen
 *                                                             (cleared by this read)
 * anything else, or a buffer/memory number out of range  → '!'  (and the error flag is set)
 * </pre>
 *
 * The design signature is the first four bytes of the SHA-256 of the array module's name (family, precision
 * mode, rows, columns and tile), so a host notices a board that runs another design.
 */
public final class HostProtocol {
    /** 115200 baud, 8 data bits, no parity, one stop bit. */
    public static final long BAUD = 115_200;
    /** The boards' oscillator: 12 MHz on both the iCEBreaker and the iCE40-HX8K breakout (their user guides). */
    public static final long CLOCK_HERTZ = 12_000_000;
    public static final int VERSION = 1;

    public static final byte IDENTIFY = 'V';
    public static final byte WRITE_BUFFER = 'W';
    public static final byte START = 'S';
    public static final byte CYCLES = 'C';
    public static final byte READ_RESULTS = 'R';
    public static final byte STATUS = 'T';

    public static final byte WRITE_ACK = 'w';
    public static final byte START_ACK = 's';
    public static final byte NAK = '!';
    public static final byte[] MAGIC = {'B', 'F'};
    /** Length of the identify reply: magic, version, signature. */
    public static final int IDENTIFY_REPLY_BYTES = 7;
    public static final int CYCLE_BYTES = 4;

    public static final int STATUS_RUNNING = 1;
    public static final int STATUS_COMPUTED = 2;
    public static final int STATUS_DONE = 4;
    public static final int STATUS_ERROR = 8;

    private HostProtocol() {
    }

    /** The UART bit period in clock cycles: 12 MHz / 115200 = 104.17, so 104 (0.16 % fast, well inside 8N1's ±2 %). */
    public static int clocksPerBit() {
        return UartRx.clocksPerBit(CLOCK_HERTZ, BAUD);
    }
}
