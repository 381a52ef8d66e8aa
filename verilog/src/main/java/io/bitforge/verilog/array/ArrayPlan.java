package io.bitforge.verilog.array;

import io.bitforge.core.pe.CellTiming;

/**
 * How a GEMM tile is laid onto an output-stationary R×C array of cells with the given {@link CellTiming}, the
 * engine's fold model (sim-core {@code FoldModel}, SCALE-Sim v2 os) in integers: M, K and N are divided by the
 * cell's lanes (rounding up); rows take M steps, columns N steps, K is streamed; the spatial extents are cut into
 * {@code rowFolds × colFolds} folds, each lasting {@link #foldSteps} = T + R + C − 2 steps of
 * {@code cyclesPerStep} cycles, plus the cell's edge stage cycles.
 *
 * <p>Results leave each column through drain chains into result memories while the next fold computes: a
 * column-lane's R·lanesM sums are cut into {@link #drainSegments} chains short enough to drain within one fold.
 */
public record ArrayPlan(int rows, int cols, TileShape tile, CellTiming timing) {
    public ArrayPlan {
        if (rows < 1 || cols < 1 || rows > 64 || cols > 64) {
            throw new IllegalArgumentException("array must be 1..64 x 1..64, got " + rows + "x" + cols);
        }
        if (timing.edgeStageCycles() > 0 && timing.cyclesPerStep() > 1) {
            throw new IllegalArgumentException("edge stages are built for one-cycle steps, got " + timing);
        }
    }

    public int mSteps() {
        return ceilDiv(tile.m(), timing.lanesM());
    }

    public int nSteps() {
        return ceilDiv(tile.n(), timing.lanesN());
    }

    /** T: steps streamed per fold (K divided by the K lanes). */
    public int streamSteps() {
        return ceilDiv(tile.k(), timing.lanesK());
    }

    public int rowFolds() {
        return ceilDiv(mSteps(), rows);
    }

    public int colFolds() {
        return ceilDiv(nSteps(), cols);
    }

    public int folds() {
        return rowFolds() * colFolds();
    }

    /** L = T + R + C − 2: operands skewed in from two edges, the last product in the far corner. */
    public int foldSteps() {
        return streamSteps() + rows + cols - 2;
    }

    public int cyclesPerStep() {
        return timing.cyclesPerStep();
    }

    /**
     * Steps the controller counts per fold: {@link #foldSteps} plus the edge stages (a decoder between buffers and
     * cells delays every operand, so the fold's last product lands that many cycles later), as the engine's fold
     * model adds {@code edgeStageCycles} to every fold.
     */
    public int counterSteps() {
        return foldSteps() + timing.edgeStageCycles();
    }

    public long foldCycles() {
        return (long) foldSteps() * cyclesPerStep() + timing.edgeStageCycles();
    }

    /** The engine's count for this tile: the index of the schedule's last cycle, folds·L·cyclesPerStep − 1. */
    public long engineCycles() {
        return folds() * foldCycles() - 1;
    }

    /** Sums one column lane holds per fold: R·lanesM. */
    public int sumsPerColumnLane() {
        return rows * timing.lanesM();
    }

    /** Chains per column lane, so that each drains within a fold. */
    public int drainSegments() {
        return (int) Math.max(1, (sumsPerColumnLane() + foldCycles() - 1) / foldCycles());
    }

    /** Length of each drain chain (the last may carry padding). */
    public int segmentLength() {
        return ceilDiv(sumsPerColumnLane(), drainSegments());
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
