package io.bitforge.verilog.array;

import io.bitforge.core.spec.Dataflow;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.pe.PeRtl;

/**
 * A generated array of one PE cell for one tile, in any dataflow the cell's generator builds: the design, where its
 * results are, the engine's cycle count for the tile (the plan's fold model) and the documented constant the RTL's
 * start-to-computed count exceeds it by ({@link TileArray#OVERHEAD_CYCLES} for os,
 * {@link StationaryArray#OVERHEAD_CYCLES} for ws and is).
 */
public record GeneratedArray(ModuleDef top, ResultMap results, TileShape tile, Dataflow dataflow, long engineCycles,
                             int overheadCycles, long cycleLimit) {

    /** The array for A (row-major M×K codes) times B (row-major K×N codes) on an R×C array. */
    public static GeneratedArray build(PeRtl pe, int rows, int cols, Dataflow dataflow, TileShape tile, long[] a,
                                       long[] b) {
        if (!pe.dataflows().contains(dataflow)) {
            throw new IllegalArgumentException("the " + pe.familyId() + " RTL is generated for " + pe.dataflows()
                    + ", not " + dataflow);
        }
        long limit = cycleLimit(pe, rows, cols, dataflow, tile);
        if (dataflow == Dataflow.OS) {
            ArrayPlan plan = new ArrayPlan(rows, cols, tile, pe.timing());
            return new GeneratedArray(TileArray.build(pe, plan, a, b),
                    TileBuffers.forCell(pe, plan), tile, dataflow,
                    plan.engineCycles(), TileArray.OVERHEAD_CYCLES, limit);
        }
        StationaryPlan plan = new StationaryPlan(rows, cols, tile, pe.timing(), dataflow);
        return new GeneratedArray(StationaryArray.build(pe, plan, a, b),
                new StationaryBuffers(plan, pe.activationCodeBits(), pe.weightCodeBits()), tile, dataflow,
                plan.engineCycles(), StationaryArray.OVERHEAD_CYCLES, limit);
    }

    /** The cycles a simulation of {@link #build}'s array may take, from the plan alone (no hardware is built). */
    public static long cycleLimit(PeRtl pe, int rows, int cols, Dataflow dataflow, TileShape tile) {
        if (dataflow == Dataflow.OS) {
            ArrayPlan plan = new ArrayPlan(rows, cols, tile, pe.timing());
            return plan.folds() * (plan.foldCycles() + 4) + plan.segmentLength() + 64;
        }
        return new StationaryPlan(rows, cols, tile, pe.timing(), dataflow).engineCycles() + 64;
    }
}
