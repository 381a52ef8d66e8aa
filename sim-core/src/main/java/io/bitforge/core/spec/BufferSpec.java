package io.bitforge.core.spec;

/** One on-chip SRAM buffer: capacity in KiB, banks, ports per bank and word width in bits. */
public record BufferSpec(double kib, int banks, int portsPerBank, int wordBits) {
    /** The smallest buffer: two bytes, one per half of the double buffer. */
    public static final double MIN_KIB = 2.0 / 1024;
    /** The largest buffer, 2^32 KiB (4 TiB): its bytes times bits per byte stay far inside a long. */
    public static final double MAX_KIB = 1L << 32;
    /** The range in words, for error messages. */
    public static final String KIB_RANGE = "must be from 0.001953125 (2 bytes: two halves) to 4294967296 (4 TiB)";

    public BufferSpec {
        if (!(kib > 0) || banks < 1 || portsPerBank < 1 || wordBits < 1) {
            throw new IllegalArgumentException("buffer needs kib > 0 and banks, ports, word bits >= 1");
        }
    }

    public long bytes() {
        return (long) Math.floor(kib * 1024);
    }
}
