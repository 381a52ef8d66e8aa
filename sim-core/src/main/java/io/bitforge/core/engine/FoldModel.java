package io.bitforge.core.engine;

import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.Dataflow;

import java.util.ArrayList;
import java.util.List;

/**
 * The fold model of a systolic array in closed form, at SCALE-Sim v2 parity (scalesim-project/scale-sim-v2,
 * {@code scalesim/compute/systolic_compute_{os,ws,is}.py}, stall-free mode).
 *
 * <p>A GEMM C[M×N] = A[M×K]·B[K×N] is laid onto an R×C array as SCALE-Sim does: two GEMM dimensions are spatial
 * (rows Sr, columns Sc) and one is streamed in time (T):
 * <pre>
 *   os: Sr = M, Sc = N, T = K        ws: Sr = K, Sc = N, T = M        is: Sr = K, Sc = M, T = N
 * </pre>
 * The spatial extents are cut into {@code ceil(Sr/R) × ceil(Sc/C)} folds run one after another. Every fold
 * occupies the whole array's pipeline (partial folds are padded, as in SCALE-Sim), so each lasts
 * <pre>
 *   os:      L = T + R + C − 2                (operands skewed in from two edges, last MAC in the far corner)
 *   ws, is:  L = R + (R + C + T − 2)          (R cycles to preload the stationary operand, then the stream)
 * </pre>
 * and the schedule ends in cycle {@code folds·L − 1} (SCALE-Sim reports that last cycle's index as its cycle
 * count). With a {@link CellTiming} other than one MAC per cycle, M, K and N are first divided by the cell's
 * lanes (rounding up) and the streamed terms take {@code cyclesPerStep} cycles per step.
 */
final class FoldModel {
    private FoldModel() {
    }

    static ArrayMetrics metrics(ArraySpec array, Dataflow dataflow, CellTiming timing, long m, long k, long n) {
        long mSteps = ceilDiv(m, timing.lanesM());
        long kSteps = ceilDiv(k, timing.lanesK());
        long nSteps = ceilDiv(n, timing.lanesN());
        long spatialRows;
        long spatialCols;
        long streamSteps;
        switch (dataflow) {
            case OS -> {
                spatialRows = mSteps;
                spatialCols = nSteps;
                streamSteps = kSteps;
            }
            case WS -> {
                spatialRows = kSteps;
                spatialCols = nSteps;
                streamSteps = mSteps;
            }
            case IS -> {
                spatialRows = kSteps;
                spatialCols = mSteps;
                streamSteps = nSteps;
            }
            default -> throw new IllegalStateException("dataflow " + dataflow);
        }
        int rows = array.rows();
        int cols = array.cols();
        long step = timing.cyclesPerStep();
        long rowFolds = ceilDiv(spatialRows, rows);
        long colFolds = ceilDiv(spatialCols, cols);
        long folds = Math.multiplyExact(rowFolds, colFolds);
        long preload = dataflow == Dataflow.OS ? 0 : rows;
        long foldCycles = preload + step * (streamSteps + rows + cols - 2);
        // SCALE-Sim measures compute utilisation over its unskewed demand matrix: for ws/is that is the fold
        // plus the cols-1 skew of the outputs.
        long utilizationWindow = foldCycles + (dataflow == Dataflow.OS ? 0 : step * (cols - 1));

        int lastRows = (int) (spatialRows - (rowFolds - 1) * rows);
        int lastCols = (int) (spatialCols - (colFolds - 1) * cols);
        List<FoldClass> classes = new ArrayList<>(4);
        addClass(classes, (rowFolds - 1) * (colFolds - 1), rows, cols, foldCycles);
        addClass(classes, colFolds - 1, lastRows, cols, foldCycles);
        addClass(classes, rowFolds - 1, rows, lastCols, foldCycles);
        addClass(classes, 1, lastRows, lastCols, foldCycles);

        double cells = (double) rows * cols;
        double mappingSum = 0;
        double computeUtilSum = 0;
        for (FoldClass fold : classes) {
            double used = (double) fold.rowsUsed() * fold.colsUsed();
            mappingSum += fold.count() * (used / cells);
            computeUtilSum += fold.count() * (used * streamSteps * step / (cells * utilizationWindow));
        }
        long computeCycles = Math.multiplyExact(folds, foldCycles) - 1;
        long macs = Math.multiplyExact(Math.multiplyExact(m, k), n);
        double peakMacsPerCycle = cells * timing.macsPerStep() / step;
        double overall = 100.0 * macs / (computeCycles * peakMacsPerCycle);
        return new ArrayMetrics(dataflow, timing, rowFolds, colFolds, foldCycles, computeCycles, 0, macs, overall,
                100.0 * computeUtilSum / folds, 100.0 * mappingSum / folds, classes);
    }

    /** Cycles the cells spend streaming (excluding fill, drain and preload), over all folds. */
    static long streamingCycles(ArrayMetrics metrics, Dataflow dataflow, CellTiming timing, long m, long k, long n) {
        long streamSteps = switch (dataflow) {
            case OS -> ceilDiv(k, timing.lanesK());
            case WS -> ceilDiv(m, timing.lanesM());
            case IS -> ceilDiv(n, timing.lanesN());
        };
        return Math.multiplyExact(metrics.folds(), streamSteps * timing.cyclesPerStep());
    }

    private static void addClass(List<FoldClass> classes, long count, int rowsUsed, int colsUsed, long cycles) {
        if (count > 0) {
            classes.add(new FoldClass(count, rowsUsed, colsUsed, cycles));
        }
    }

    static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
