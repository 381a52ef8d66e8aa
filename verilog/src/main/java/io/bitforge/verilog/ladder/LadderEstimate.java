package io.bitforge.verilog.ladder;

import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.verilog.array.GeneratedArray;
import io.bitforge.verilog.estimate.DesignSize;
import io.bitforge.verilog.estimate.ToolRunEstimate;
import io.bitforge.verilog.pe.PeRtl;
import io.bitforge.verilog.sim.SimEngine;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link Ladder#run} will cost before it runs: the same tiles the ladder builds (building one is milliseconds),
 * each array's flattened {@link DesignSize} and cycle budget, priced per level by {@link ToolRunEstimate}. The
 * command line refuses a ladder whose estimate is past its limit before anything starts.
 */
public final class LadderEstimate {
    private LadderEstimate() {
    }

    /** One tile the ladder will run: its flattened size, its cycle budget and the HDL simulators beyond Java. */
    public record TileWork(String tile, DesignSize size, long cycles, boolean icarus, boolean verilator,
            boolean compiledJava) {
        /** This tile's stages: the Java simulation, then each tool's. */
        public ToolRunEstimate estimate() {
            ToolRunEstimate e = ToolRunEstimate.javaSimulation(size, cycles, compiledJava);
            if (icarus) {
                e = e.plus(ToolRunEstimate.icarus(size, cycles));
            }
            return verilator ? e.plus(ToolRunEstimate.verilator(size, cycles)) : e;
        }
    }

    /** The tiles {@code Ladder.run(spec, pe, registry, options)} will build and run, in its order. */
    public static List<TileWork> tiles(HardwareSpec spec, PeRtl pe, LadderOptions options) {
        int rows = spec.array().rows();
        int cols = spec.array().cols();
        List<Ladder.Tile> tiles = Ladder.tiles(pe, rows, cols, spec.dataflow(), options.seed());
        Ladder.Tile random = tiles.get(tiles.size() - 1);
        List<TileWork> work = new ArrayList<>();
        for (Ladder.Tile tile : tiles) {
            boolean icarus = options.simulators().contains("icarus")
                    && (tile == random || options.icarusExhaustive());
            boolean verilator = options.simulators().contains("verilator") && tile == random;
            long cycles = GeneratedArray.cycleLimit(pe, rows, cols, spec.dataflow(), tile.shape());
            work.add(new TileWork(tile.name(), size(pe, rows, cols, spec, tile), cycles, icarus, verilator,
                    options.javaEngine() == SimEngine.COMPILED));
        }
        return work;
    }

    /**
     * The flattened size of the tile's array. Up to {@link #PROBE_CELLS} cells the array itself is built and
     * measured; a larger one (a 32 x 32 LUT-core array takes seconds to build) is priced from a probe array of at
     * most 4 x 4 cells on the same tile, its size scaled by the ratio of cells: the cells are nearly all of it.
     */
    private static DesignSize size(PeRtl pe, int rows, int cols, HardwareSpec spec, Ladder.Tile tile) {
        if ((long) rows * cols <= PROBE_CELLS) {
            return DesignSize.of(GeneratedArray.build(pe, rows, cols, spec.dataflow(), tile.shape(), tile.a(),
                    tile.b(), tile.scales()).top());
        }
        int probeRows = Math.min(rows, 4);
        int probeCols = Math.min(cols, 4);
        DesignSize probe = DesignSize.of(GeneratedArray.build(pe, probeRows, probeCols, spec.dataflow(),
                tile.shape(), tile.a(), tile.b(), tile.scales()).top());
        double scale = (double) rows * cols / (probeRows * probeCols);
        return new DesignSize(Math.round(probe.bitOps() * scale), Math.round(probe.stateBits() * scale));
    }

    /** Arrays up to this many cells are built to be measured; larger ones are priced from a probe. */
    static final int PROBE_CELLS = 64;

    /** The estimate of {@code Ladder.run(spec, pe, registry, options)}. */
    public static ToolRunEstimate of(HardwareSpec spec, PeRtl pe, LadderOptions options) {
        ToolRunEstimate total = ToolRunEstimate.NONE;
        for (TileWork t : tiles(spec, pe, options)) {
            total = total.plus(t.estimate());
        }
        return total;
    }
}
