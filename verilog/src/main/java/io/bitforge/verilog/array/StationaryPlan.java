package io.bitforge.verilog.array;

import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.spec.Dataflow;

/**
 * How a GEMM tile is laid onto a weight- or input-stationary R×C array, the engine's fold model (sim-core
 * {@code FoldModel}, SCALE-Sim v2 {@code systolic_compute_ws.py}/{@code _is.py}) in integers. Array rows take the
 * reduction K (in steps of lanesK); columns take N (ws, in steps of lanesN) or M (is, lanesM); the other of M and N
 * is streamed, T steps. The spatial extents are cut into {@code rowFolds × colFolds} folds; each first preloads
 * the stationary operand (R cycles, one array row per cycle) and then streams for T + R + C − 2 steps of
 * {@code cyclesPerStep} cycles.
 */
public record StationaryPlan(int rows, int cols, TileShape tile, CellTiming timing, Dataflow dataflow) {
    public StationaryPlan {
        if (rows < 1 || cols < 1 || rows > 64 || cols > 64) {
            throw new IllegalArgumentException("array must be 1..64 x 1..64, got " + rows + "x" + cols);
        }
        if (dataflow != Dataflow.WS && dataflow != Dataflow.IS) {
            throw new IllegalArgumentException("a stationary plan is ws or is, got " + dataflow);
        }
        if (timing.edgeStageCycles() != 0) {
            throw new IllegalArgumentException("cells with edge stages are generated output-stationary only");
        }
    }

    public boolean weightStationary() {
        return dataflow == Dataflow.WS;
    }

    /** Spatial steps on the rows: K over lanesK. */
    public int spatialRows() {
        return ArrayPlan.ceilDiv(tile.k(), timing.lanesK());
    }

    /** Spatial steps on the columns: N over lanesN (ws) or M over lanesM (is). */
    public int spatialCols() {
        return weightStationary() ? ArrayPlan.ceilDiv(tile.n(), timing.lanesN())
                : ArrayPlan.ceilDiv(tile.m(), timing.lanesM());
    }

    /** T: steps streamed per fold, M over lanesM (ws) or N over lanesN (is). */
    public int streamSteps() {
        return weightStationary() ? ArrayPlan.ceilDiv(tile.m(), timing.lanesM())
                : ArrayPlan.ceilDiv(tile.n(), timing.lanesN());
    }

    public int rowFolds() {
        return ArrayPlan.ceilDiv(spatialRows(), rows);
    }

    public int colFolds() {
        return ArrayPlan.ceilDiv(spatialCols(), cols);
    }

    public int folds() {
        return rowFolds() * colFolds();
    }

    /** Steps a fold streams: T + R + C − 2. */
    public int foldSteps() {
        return streamSteps() + rows + cols - 2;
    }

    public int cyclesPerStep() {
        return timing.cyclesPerStep();
    }

    /** Preload (R cycles) plus the stream: the engine's fold length for ws and is. */
    public long foldCycles() {
        return rows + (long) foldSteps() * cyclesPerStep();
    }

    /** The engine's count for this tile: the index of the schedule's last cycle, folds·L − 1. */
    public long engineCycles() {
        return folds() * foldCycles() - 1;
    }
}
