package io.bitforge.memory.sram;

/**
 * An on-chip SRAM: {@code capacityBytes} split evenly over {@code banks}, each bank {@code wordBits} wide with
 * {@code portsPerBank} ports that each move one word per cycle.
 */
public record SramMacro(long capacityBytes, int wordBits, int banks, int portsPerBank) {
    public SramMacro {
        if (capacityBytes < 1 || wordBits < 1 || banks < 1 || portsPerBank < 1) {
            throw new IllegalArgumentException("SRAM capacity, word width, banks and ports must be >= 1, got "
                    + capacityBytes + " B, " + wordBits + " bit, " + banks + " banks, " + portsPerBank + " ports");
        }
    }

    /** Capacity of one bank, in bytes. */
    public long bankCapacityBytes() {
        return capacityBytes / banks;
    }

    /** Bits the macro can deliver (or accept) per cycle: banks × ports × word width. */
    public long bitsPerCycle() {
        return (long) banks * portsPerBank * wordBits;
    }
}
