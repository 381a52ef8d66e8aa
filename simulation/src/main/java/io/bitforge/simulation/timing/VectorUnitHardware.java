package io.bitforge.simulation.timing;

import io.bitforge.core.op.VectorOp;
import io.bitforge.core.spec.VectorUnitSpec;

/**
 * The vector unit as hardware, for {@code mapping.cycleModel: pipelined}: {@code lanes} ALU lanes (one add or
 * multiply per lane per cycle), special-function units for exponent and reciprocal / reciprocal square root, and a
 * reduction tree over the lanes. Rows (a softmax row, a norm's hidden vector) are processed pass by pass; the
 * passes of consecutive rows are pipelined, so a row's latencies (tree, special functions) are exposed once per op,
 * at its last row.
 *
 * <ul>
 *   <li>Special-function units: one per lane, each one exponent or reciprocal per cycle, pipelined (an estimate;
 *       a GPU streaming multiprocessor has fewer, 16 against 64 FP32 lanes in the throughput table of NVIDIA's
 *       CUDA C++ Programming Guide for compute capability 7.x-8.x).</li>
 *   <li>Latencies: {@value #SFU_LATENCY_CYCLES} cycles per special function (estimate) and one cycle per adder stage
 *       of the reduction tree, {@code ceil(log2(lanes))} stages (estimate).</li>
 *   <li>Softmax over a row of L: a max pass and a normalising pass on the lanes ({@code ceil(L/lanes)} each), an
 *       exponent pass on the special-function units ({@code ceil(L/sfu)}; the running sum accumulates in the same
 *       pass), two tree reductions (max, sum) and one reciprocal.</li>
 *   <li>Norm over a row of H (H = the op's parameters, its scale vector): a sum-of-squares pass, a tree reduction,
 *       one reciprocal square root and a scaling pass of two multiplies per element.</li>
 *   <li>Activation (SiLU, GELU): an exponent and a reciprocal per element on the special-function units, the
 *       remaining operations on the lanes, whichever is slower.</li>
 *   <li>Everything else (rotary with precomputed angles, residual adds, gathers, dequantisation):
 *       {@code ceil(elements × opsPerElement / lanes)} as in the back-to-back model.</li>
 * </ul>
 */
public record VectorUnitHardware(int lanes, int sfuUnits, int treeStages) {
    /** Cycles from operand to result of one exponent or reciprocal (estimate). */
    public static final int SFU_LATENCY_CYCLES = 8;

    public static VectorUnitHardware of(VectorUnitSpec spec) {
        int lanes = spec.lanes();
        int stages = 32 - Integer.numberOfLeadingZeros(Math.max(1, lanes - 1));
        return new VectorUnitHardware(lanes, lanes, lanes == 1 ? 0 : stages);
    }

    /** Timing of one op, all instances. */
    public record Timing(long cycles, long lastRowCycles) {
    }

    /**
     * @param rowLength elements per row of a softmax (the keys a query attends to); ignored for other kinds
     */
    public Timing time(VectorOp op, long rowLength) {
        long elements = op.elements();
        switch (op.kind()) {
            case SOFTMAX -> {
                long row = Math.max(1, Math.min(rowLength, elements));
                long rows = ceilDiv(elements, row);
                long passes = 2 * ceilDiv(row, lanes) + ceilDiv(row, sfuUnits);
                long latency = 2L * treeStages + 2L * SFU_LATENCY_CYCLES;
                return perInstance(op, rows, passes, latency);
            }
            case NORM -> {
                long row = op.parameterElements() > 0 ? Math.min(op.parameterElements(), elements) : elements;
                long rows = ceilDiv(elements, row);
                long passes = 3 * ceilDiv(row, lanes);
                long latency = treeStages + SFU_LATENCY_CYCLES;
                return perInstance(op, rows, passes, latency);
            }
            case ACTIVATION -> {
                long laneOps = (long) Math.ceil(elements * Math.max(0, op.opsPerElement() - 2) / lanes);
                long sfu = 2 * ceilDiv(elements, sfuUnits);
                return perInstance(op, 1, Math.max(laneOps, sfu), 2L * SFU_LATENCY_CYCLES);
            }
            default -> {
                long cycles = (long) Math.ceil(elements * op.opsPerElement() / lanes);
                return new Timing(Math.multiplyExact(cycles, op.count()), 0);
            }
        }
    }

    private static Timing perInstance(VectorOp op, long rows, long passCyclesPerRow, long latency) {
        long one = Math.addExact(Math.multiplyExact(rows, passCyclesPerRow), latency);
        return new Timing(Math.multiplyExact(one, op.count()), passCyclesPerRow + latency);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
