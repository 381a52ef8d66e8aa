package io.bitforge.core.engine;

import io.bitforge.core.op.GemmOp;

/**
 * Bits per element of each GEMM operand as stored in SRAM and moved to and from DRAM: A (activations,
 * SCALE-Sim's ifmap), B (weights or KV cache, filter), C (outputs, ofmap), and partial sums when a C tile must
 * leave the chip before its reduction is complete. B's width is the PE family's stored width
 * ({@link io.bitforge.core.pe.PeFamily#storedWeightBits}): per-group metadata included, possibly fractional.
 */
public record OperandBits(int a, double b, int c, int partialSum) {
    /** Width partial sums leave the chip at, at least: an accumulator (an assumption, not a published figure). */
    static final int MIN_PARTIAL_SUM_BITS = 32;

    public OperandBits {
        if (a < 1 || c < 1 || partialSum < 1 || !(b > 0) || Double.isInfinite(b)) {
            throw new IllegalArgumentException("operand widths must be >= 1 bit (B > 0 bits, finite)");
        }
    }

    /** One width for every operand and for partial sums (SCALE-Sim's one-byte words: {@code uniform(8)}). */
    public static OperandBits uniform(int bits) {
        return new OperandBits(bits, bits, bits, bits);
    }

    /**
     * The widths of one GEMM: A and C at their precisions, B at {@code storedWeightBits}, partial sums at
     * max(32, C bits).
     */
    public static OperandBits of(GemmOp op, double storedWeightBits) {
        return new OperandBits(op.activations().bits(), storedWeightBits, op.outputs().bits(),
                Math.max(MIN_PARTIAL_SUM_BITS, op.outputs().bits()));
    }
}
