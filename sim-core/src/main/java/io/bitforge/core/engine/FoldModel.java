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
 * lanes (rounding up) and the streamed terms take {@code cyclesPerStep} cycles per step; the cell's edge stages
 * (e.g. a decoder in front of the array) add {@code edgeStageCycles} to every fold. Under
 * {@link FoldConvention#STREAM_ONLY} a fold lasts {@code cyclesPerStep × T} and cycles are counted as they are.
 */
final class FoldModel {
    private FoldModel() {
    }

    static ArrayMetrics metrics(ArraySpec array, Dataflow dataflow, CellTiming timing, long m, long k, long n) {
        return metrics(array, dataflow, timing, m, k, n, FoldConvention.SCALE_SIM);
    }

    static ArrayMetrics metrics(ArraySpec array, Dataflow dataflow, CellTiming timing, long m, long k, long n,
                                FoldConvention convention) {
        boolean scaleSim = convention == FoldConvention.SCALE_SIM;
        long mSteps = ceilDiv(m, timing.lanesM());
        long kSteps = ceilDiv(k, timing.lanesK());
        long nSteps = ceilDiv(n, timing.lanesN());
        // original extent and lanes of the GEMM dimension on array rows, on array columns, and streamed
        long rowExtent;
        long rowLanes;
        long colExtent;
        long colLanes;
        long streamExtent;
        long streamSteps;
        switch (dataflow) {
            case OS -> {
                rowExtent = m;
                rowLanes = timing.lanesM();
                colExtent = n;
                colLanes = timing.lanesN();
                streamExtent = k;
                streamSteps = kSteps;
            }
            case WS -> {
                rowExtent = k;
                rowLanes = timing.lanesK();
                colExtent = n;
                colLanes = timing.lanesN();
                streamExtent = m;
                streamSteps = mSteps;
            }
            case IS -> {
                rowExtent = k;
                rowLanes = timing.lanesK();
                colExtent = m;
                colLanes = timing.lanesM();
                streamExtent = n;
                streamSteps = nSteps;
            }
            default -> throw new IllegalStateException("dataflow " + dataflow);
        }
        long spatialRows = ceilDiv(rowExtent, rowLanes);
        long spatialCols = ceilDiv(colExtent, colLanes);
        int rows = array.rows();
        int cols = array.cols();
        long step = timing.cyclesPerStep();
        long rowFolds = ceilDiv(spatialRows, rows);
        long colFolds = ceilDiv(spatialCols, cols);
        long folds = Math.multiplyExact(rowFolds, colFolds);
        long preload = preloadCycles(array, dataflow, convention);
        long foldCycles = preload + step * (streamSteps + (scaleSim ? rows + cols - 2 : 0))
                + timing.edgeStageCycles();
        // SCALE-Sim measures compute utilisation over its unskewed demand matrix: for ws/is that is the fold
        // plus the cols-1 skew of the outputs.
        long utilizationWindow = foldCycles + (dataflow == Dataflow.OS || !scaleSim ? 0 : step * (cols - 1));

        int lastRows = (int) (spatialRows - (rowFolds - 1) * rows);
        int lastCols = (int) (spatialCols - (colFolds - 1) * cols);
        // original elements a fold covers along the row and column dimensions: full folds cover rows x lanes,
        // the last fold the remainder
        long fullRowExtent = Math.min(rowExtent, rows * rowLanes);
        long lastRowExtent = rowExtent - (rowFolds - 1) * rows * rowLanes;
        long fullColExtent = Math.min(colExtent, cols * colLanes);
        long lastColExtent = colExtent - (colFolds - 1) * cols * colLanes;
        List<FoldClass> classes = new ArrayList<>(4);
        Accesses accesses = new Accesses(dataflow, streamExtent);
        addClass(classes, (rowFolds - 1) * (colFolds - 1), rows, cols, foldCycles, fullRowExtent, fullColExtent,
                accesses);
        addClass(classes, colFolds - 1, lastRows, cols, foldCycles, lastRowExtent, fullColExtent, accesses);
        addClass(classes, rowFolds - 1, rows, lastCols, foldCycles, fullRowExtent, lastColExtent, accesses);
        addClass(classes, 1, lastRows, lastCols, foldCycles, lastRowExtent, lastColExtent, accesses);

        double cells = (double) rows * cols;
        double mappingSum = 0;
        double computeUtilSum = 0;
        for (FoldClass fold : classes) {
            double used = (double) fold.rowsUsed() * fold.colsUsed();
            mappingSum += fold.count() * (used / cells);
            computeUtilSum += fold.count() * (used * streamSteps * step / (cells * utilizationWindow));
        }
        long computeCycles = Math.multiplyExact(folds, foldCycles) - (scaleSim ? 1 : 0);
        long macs = Math.multiplyExact(Math.multiplyExact(m, k), n);
        double peakMacsPerCycle = cells * timing.macsPerStep() / step;
        // SCALE-Sim's cycle index is 0 for a single 1-cycle fold (1x1 os, K = 1), where it would divide by zero;
        // BitForge divides by at least one cycle.
        double overall = 100.0 * macs / (Math.max(1, computeCycles) * peakMacsPerCycle);
        return new ArrayMetrics(dataflow, timing, rowFolds, colFolds, foldCycles, computeCycles, 0, 0, macs, overall,
                100.0 * computeUtilSum / folds, 100.0 * mappingSum / folds, classes);
    }

    /** Cycles a fold spends preloading its stationary operand: R for ws and is under SCALE-Sim's schedule. */
    static long preloadCycles(ArraySpec array, Dataflow dataflow, FoldConvention convention) {
        return dataflow == Dataflow.OS || convention != FoldConvention.SCALE_SIM ? 0 : array.rows();
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

    private static void addClass(List<FoldClass> classes, long count, int rowsUsed, int colsUsed, long cycles,
                                 long rowElements, long colElements, Accesses accesses) {
        if (count > 0) {
            classes.add(new FoldClass(count, rowsUsed, colsUsed, cycles, accesses.activations(rowElements, colElements),
                    accesses.weights(rowElements, colElements), accesses.outputs(rowElements, colElements)));
        }
    }

    /**
     * SRAM element accesses of one fold covering {@code rowElements} × {@code colElements} of the spatial GEMM
     * dimensions: the stationary operand (or, for os, both inputs) is read once per fold, the streamed input once
     * per fold for every element of its spatial dimension, outputs written once per fold (os: final results;
     * ws/is: one partial sum per output per fold along K). These are SCALE-Sim's ifmap/filter reads and ofmap
     * writes.
     */
    private record Accesses(Dataflow dataflow, long streamExtent) {
        long activations(long rowElements, long colElements) {
            return switch (dataflow) {
                case OS, WS -> Math.multiplyExact(rowElements, streamExtent);  // os: M rows x K; ws: K rows x M
                case IS -> Math.multiplyExact(rowElements, colElements);       // K x M held in the cells
            };
        }

        long weights(long rowElements, long colElements) {
            return switch (dataflow) {
                case OS -> Math.multiplyExact(streamExtent, colElements);     // K x N columns
                case WS -> Math.multiplyExact(rowElements, colElements);      // K x N held in the cells
                case IS -> Math.multiplyExact(rowElements, streamExtent);     // K rows x N streamed
            };
        }

        long outputs(long rowElements, long colElements) {
            return switch (dataflow) {
                case OS -> Math.multiplyExact(rowElements, colElements);      // M x N
                case WS, IS -> Math.multiplyExact(streamExtent, colElements); // ws: M x N cols; is: N x M cols
            };
        }
    }

    static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
