package io.bitforge.core.engine;

/**
 * Bits per element of each GEMM operand as stored in SRAM and moved to and from DRAM: A (activations,
 * SCALE-Sim's ifmap), B (weights or KV cache, filter), C (outputs, ofmap), and partial sums when a C tile must
 * leave the chip before its reduction is complete.
 */
public record OperandBits(int a, int b, int c, int partialSum) {
    public OperandBits {
        if (a < 1 || b < 1 || c < 1 || partialSum < 1) {
            throw new IllegalArgumentException("operand widths must be >= 1 bit");
        }
    }

    /** One width for every operand and for partial sums (SCALE-Sim's one-byte words: {@code uniform(8)}). */
    public static OperandBits uniform(int bits) {
        return new OperandBits(bits, bits, bits, bits);
    }
}
