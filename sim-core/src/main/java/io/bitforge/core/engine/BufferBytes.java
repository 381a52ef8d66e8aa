package io.bitforge.core.engine;

/**
 * On-chip SRAM capacity per operand, in bytes. Every buffer is double-buffered: one half feeds the array while
 * the other is filled from (or drained to) DRAM, so a tile must fit in half its buffer.
 */
public record BufferBytes(long activations, long weights, long outputs) {
    public BufferBytes {
        if (activations < 2 || weights < 2 || outputs < 2) {
            throw new IllegalArgumentException("each buffer must hold at least 2 bytes (two halves)");
        }
    }
}
