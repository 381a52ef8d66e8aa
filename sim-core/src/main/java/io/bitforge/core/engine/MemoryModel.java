package io.bitforge.core.engine;

import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.VectorOp;
import io.bitforge.core.spec.HardwareSpec;

/**
 * Adds DRAM traffic, its energy and the stalls it causes to the engine's on-chip schedule. The engine hands over
 * the fold schedule of each GEMM instance ({@link ArrayMetrics#foldClasses()}: how many folds of which shape, each
 * taking how many cycles, with the dataflow and cell lanes that map fold shapes back to M, K, N), so a model can
 * overlap each fold's transfers with the previous fold's compute (double buffering) and charge the excess as
 * stalls. {@link #UNLIMITED_BANDWIDTH} (the default) moves nothing and never stalls: SCALE-Sim's stall-free mode.
 * Implementations must be immutable and thread-safe.
 */
public interface MemoryModel {
    /** Stall-free, no DRAM traffic counted. */
    MemoryModel UNLIMITED_BANDWIDTH = new MemoryModel() {
        @Override
        public MemoryCost gemm(HardwareSpec spec, GemmOp op, OperandBits stored, ArrayMetrics metrics) {
            return MemoryCost.NONE;
        }

        @Override
        public MemoryCost vector(HardwareSpec spec, VectorOp op, long vectorCycles) {
            return MemoryCost.NONE;
        }
    };

    /**
     * Off-chip cost of one instance of {@code op} given its on-chip fold schedule, its operands stored at
     * {@code stored} bits per element (the engine passes the PE family's stored weight width for B).
     */
    MemoryCost gemm(HardwareSpec spec, GemmOp op, OperandBits stored, ArrayMetrics metrics);

    /** Off-chip cost of one instance of a vector op that takes {@code vectorCycles} on the vector unit. */
    MemoryCost vector(HardwareSpec spec, VectorOp op, long vectorCycles);
}
