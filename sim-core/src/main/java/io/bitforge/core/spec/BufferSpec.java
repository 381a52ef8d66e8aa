package io.bitforge.core.spec;

/** One on-chip SRAM buffer: capacity in KiB, banks, ports per bank and word width in bits. */
public record BufferSpec(double kib, int banks, int portsPerBank, int wordBits) {
    public BufferSpec {
        if (!(kib > 0) || banks < 1 || portsPerBank < 1 || wordBits < 1) {
            throw new IllegalArgumentException("buffer needs kib > 0 and banks, ports, word bits >= 1");
        }
    }

    public long bytes() {
        return (long) Math.floor(kib * 1024);
    }
}
