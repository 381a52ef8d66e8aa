package io.bitforge.pe.bitserial;

import io.bitforge.core.op.GemmOp;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.spec.ArraySpec;

/**
 * The cycle rule of BitMoD's group dequantisers at the array edge ({@link BitSerialDequant#EDGE}), beyond the fold
 * model. Cell (i, j) of an output-stationary array ends a group one step (⌈⌊w⌋/2⌉ cycles) after cell (i − 1, j), so
 * at a group boundary column j's dequantiser takes its R rows' partial sums one per step, in the order the skew
 * brings them, and is busy R steps; the column's next boundary comes S = ⌈G/lanes⌉ steps later. While R ≤ S it
 * keeps pace, and the last group of a fold is dequantised while the skew drains (its last row in the cycle the plain
 * array would capture its sums): a tile costs the array's cycles. When R > S the array waits (R − S) steps at each of
 * a fold's ⌈K/G⌉ − 1 inner boundaries. BitForge's RTL builds R ≤ S ({@code DequantEdge}).
 */
public final class EdgeDequantTiming {
    private EdgeDequantTiming() {
    }

    /** Cycles one instance of {@code op} waits for the edge dequantisers on {@code array}. */
    public static long waitCycles(ArraySpec array, CellTiming timing, GemmOp op, long groupSize) {
        long groups = ceilDiv(op.k(), groupSize);
        long rowFolds = ceilDiv(ceilDiv(op.m(), timing.lanesM()), array.rows());
        long colFolds = ceilDiv(ceilDiv(op.n(), timing.lanesN()), array.cols());
        long rowsPerBoundary = (long) array.rows() * timing.lanesM();
        long groupSteps = ceilDiv(groupSize, timing.lanesK());
        long excessSteps = Math.max(0, rowsPerBoundary - groupSteps);
        return Math.multiplyExact(Math.multiplyExact(rowFolds, colFolds),
                Math.multiplyExact(Math.multiplyExact(groups - 1, excessSteps), timing.cyclesPerStep()));
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
