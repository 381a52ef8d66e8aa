package io.bitforge.verilog.ladder;

import io.bitforge.core.engine.ArrayMetrics;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.verilog.array.GeneratedArray;
import io.bitforge.verilog.array.TileArray;
import io.bitforge.verilog.array.TileShape;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.pe.GroupDequantiser;
import io.bitforge.verilog.pe.GroupScales;
import io.bitforge.verilog.pe.PeRtl;
import io.bitforge.verilog.tools.Cosim;
import io.bitforge.verilog.tools.CosimResult;
import io.bitforge.verilog.vcd.VcdWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The model ladder for one PE family's RTL (PyMTL3's levels, DESIGN "Levels of fidelity"): the generated array
 * ({@link TileArray}) must give exactly the family's functional model's numbers on the Java HDL simulator, in
 * Icarus and in Verilator, and its start-to-computed cycles must equal the engine's count for the same tile on
 * the same spec plus the dataflow's documented constant ({@link TileArray#OVERHEAD_CYCLES} output-stationary,
 * {@link io.bitforge.verilog.array.StationaryArray#OVERHEAD_CYCLES} weight- and input-stationary).
 *
 * <p>Tiles: the cell's exhaustive tile ({@link PeRtl#exhaustiveTile}; by default, when both codes are at most 8
 * bits, K = 1, A = every activation code, B = every weight code, so C holds every product pair); always a seeded
 * random tile that spans two row folds and two
 * column folds. Java and Icarus run both; Verilator the random one.
 */
public final class Ladder {
    private Ladder() {
    }

    public static LadderReport run(HardwareSpec spec, PeRtl pe, Registry registry, LadderOptions options) {
        if (!pe.dataflows().contains(spec.dataflow())) {
            throw new io.bitforge.core.io.BadInputException("hardware.dataflow: the " + pe.familyId()
                    + " RTL is generated for " + pe.dataflows().stream().map(Dataflow::id).sorted().toList()
                    + "; got " + spec.dataflow().id());
        }
        if (options.vcd() != null && Files.isDirectory(options.vcd())) {
            // Refused before the simulation, not after it (the trace is written last).
            throw new io.bitforge.core.io.BadInputException("--vcd: cannot write " + options.vcd()
                    + ": it is a folder");
        }
        int rows = spec.array().rows();
        int cols = spec.array().cols();
        List<LevelResult> levels = new ArrayList<>();
        List<Tile> tiles = new ArrayList<>();
        GroupDequantiser dq = pe.groupDequantiser().orElse(null);
        tiles.addAll(tiles(pe, rows, cols, spec.dataflow(), options.seed()));
        Tile random = tiles.get(tiles.size() - 1);
        long engine = 0;
        long computed = 0;
        long done = 0;
        for (Tile tile : tiles) {
            GeneratedArray array = GeneratedArray.build(pe, rows, cols, spec.dataflow(), tile.shape(), tile.a(),
                    tile.b(), tile.scales());
            ModuleDef top = array.top();
            boolean traced = !options.simulators().isEmpty() || (tile == random && options.vcd() != null);
            TileRun run = TileSimulation.run(top, array.results(), tile.shape(), array.cycleLimit(), traced,
                    options.javaEngine());
            long[] expected = dq != null ? dq.reference().outputs(tile.a(), tile.b(), tile.scales(), tile.shape().m(),
                    tile.shape().k(), tile.shape().n())
                    : pe.reference().gemm(tile.a(), tile.b(), tile.shape().m(), tile.shape().k(), tile.shape().n());
            levels.add(functional(tile, run, expected));
            long engineCycles = dq != null ? fullEngineCycles(spec, registry, tile.shape(), rows, cols)
                    : engineCycles(spec, registry, tile.shape(), rows, cols);
            int overhead = array.overheadCycles();
            boolean cyclesOk = run.computedCycles() == engineCycles + overhead && array.engineCycles() == engineCycles;
            levels.add(new LevelResult("cycles " + tile.name(), cyclesOk, "RTL start->computed (" + spec.dataflow().id()
                    + ") " + run.computedCycles() + " = engine " + engineCycles + " + " + overhead
                    + (cyclesOk ? "" : " does not hold") + "; start->done " + run.doneCycles()));
            if (tile == random) {
                engine = engineCycles;
                computed = run.computedCycles();
                done = run.doneCycles();
                if (options.vcd() != null) {
                    writeVcd(run, top, options.vcd());
                }
            }
            for (String tool : List.of("icarus", "verilator")) {
                boolean runs = tile == random || tool.equals("icarus") && options.icarusExhaustive();
                if (options.simulators().contains(tool) && runs) {
                    Path dir = options.workDir().resolve(tool + "-" + tile.name());
                    levels.add(replay(tool, top, run, dir, tile.name()));
                }
            }
        }
        return new LadderReport(pe.familyId(), pe.modeName(), rows, cols, engine, computed, done, levels);
    }

    /** The engine's compute cycles (no memory stalls) for this tile on the spec scaled to rows x cols. */
    public static long engineCycles(HardwareSpec spec, Registry registry, TileShape tile, int rows, int cols) {
        HardwareSpec sized = spec.withArray(new ArraySpec(rows, cols));
        Engine engine = Engine.of(sized, registry);
        PeFamily family = engine.family();
        NativePrecisions p = family.nativePrecisions(sized.pe().params());
        GemmOp op = new GemmOp("rtl-tile", OpKind.GEMM, tile.m(), tile.k(), tile.n(), 1, p.activations(),
                p.weights(), p.outputs(), BOperand.WEIGHTS, 0);
        ArrayMetrics metrics = engine.evaluate(op).metrics();
        if (metrics == null) {
            // the family adds side work to its array (or costs the GEMM itself): compare with the array part
            metrics = new Engine(sized, new ArrayOnlyFamily(family)).evaluate(op).metrics();
        }
        return metrics.computeCycles();
    }

    /**
     * The engine's whole count for this tile (the family's own GEMM cost, e.g. MixPE's edge dequantisers'
     * waits included), without memory stalls.
     */
    public static long fullEngineCycles(HardwareSpec spec, Registry registry, TileShape tile, int rows, int cols) {
        HardwareSpec sized = spec.withArray(new ArraySpec(rows, cols));
        Engine engine = Engine.of(sized, registry);
        NativePrecisions p = engine.family().nativePrecisions(sized.pe().params());
        GemmOp op = new GemmOp("rtl-tile", OpKind.GEMM, tile.m(), tile.k(), tile.n(), 1, p.activations(),
                p.weights(), p.outputs(), BOperand.WEIGHTS, 0);
        var cycles = engine.evaluate(op).cost().cycles();
        return cycles.compute() + cycles.fillDrain() + cycles.vector();
    }

    private static LevelResult functional(Tile tile, TileRun run, long[] expected) {
        int n = tile.shape().n();
        int k = tile.shape().k();
        for (int e = 0; e < expected.length; e++) {
            if (expected[e] != run.results()[e]) {
                int row = e / n;
                int col = e % n;
                long[] aRow = Arrays.copyOfRange(tile.a(), row * k, row * k + k);
                long[] bCol = new long[k];
                for (int i = 0; i < k; i++) {
                    bCol[i] = tile.b()[i * n + col];
                }
                return new LevelResult("java " + tile.name(), false, "C[" + row + "][" + col + "] expected "
                        + expected[e] + ", got " + run.results()[e] + " on " + run.resultSignal()[e] + " at cycle "
                        + run.resultCycle()[e] + "; activation codes " + shown(aRow) + ", weight codes "
                        + shown(bCol));
            }
        }
        return new LevelResult("java " + tile.name(), true, expected.length + " results equal the functional model ("
                + tile.shape().m() + "x" + tile.shape().k() + " by " + tile.shape().k() + "x" + n + ")");
    }

    private static LevelResult replay(String tool, ModuleDef top, TileRun run, Path dir, String tileName) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CosimResult r = tool.equals("icarus") ? Cosim.icarus(top, run.trace(), dir)
                : Cosim.verilator(top, run.trace(), dir);
        String detail = r.passed() ? "replayed " + r.cycles() + " cycles, every output equal to the Java simulator's"
                : r.log().lines().filter(l -> l.contains("MISMATCH") || l.contains("rror")).findFirst()
                        .orElse("tool failed: " + r.log().lines().limit(3).toList());
        return new LevelResult(tool + " " + tileName, r.passed(), detail);
    }

    private static void writeVcd(TileRun run, ModuleDef top, Path vcd) {
        try {
            if (vcd.getParent() != null) {
                Files.createDirectories(vcd.getParent());
            }
            VcdWriter.write(run.trace(), top.name(), vcd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shown(long[] codes) {
        long[] head = Arrays.copyOf(codes, Math.min(codes.length, 8));
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < head.length; i++) {
            s.append(i == 0 ? "" : ", ").append("0x").append(Long.toHexString(head[i]));
        }
        return s.append(codes.length > head.length ? ", ...]" : "]").toString();
    }

    /**
     * The tiles the ladder runs, in order, the seeded "random" tile last: the exhaustive tile (when the cell has one)
     * and the random one; with a group dequantiser, seeded metadata on each, tiles of one and two groups, and a random
     * tile of four groups.
     */
    public static List<Tile> tiles(PeRtl pe, int rows, int cols, Dataflow dataflow, long seed) {
        List<Tile> tiles = new ArrayList<>();
        GroupDequantiser dq = pe.groupDequantiser().orElse(null);
        Random metadata = new Random(seed ^ 0x6d657461L);
        exhaustive(pe).map(t -> dq == null ? t : t.withScales(dq.scales(metadata, t.b(), t.shape().k(),
                t.shape().n()))).ifPresent(tiles::add);
        if (dq == null) {
            tiles.add(random(pe, rows, cols, dataflow, seed));
            return tiles;
        }
        // tiles of one, two and four quantisation groups, each dequantised at the edge
        for (int groups : new int[] {1, 2}) {
            tiles.add(grouped(pe, dq, "groups-" + groups, rows, cols, groups, seed + groups));
        }
        tiles.add(grouped(pe, dq, "random", rows, cols, 4, seed));
        return tiles;
    }

    /** The cell's exhaustive tile ({@link PeRtl#exhaustiveTile}), when it has one. */
    static java.util.Optional<Tile> exhaustive(PeRtl pe) {
        return pe.exhaustiveTile().map(t -> new Tile(t.name(), new TileShape(t.m(), t.k(), t.n()), t.a(), t.b()));
    }

    /**
     * A seeded tile over two row folds and two column folds: os with a K several steps deep; ws and is (rows take K)
     * with K one step past the rows (at most the cell's {@link PeRtl#maxTileK}) and three streamed steps and one; K
     * rounded up to the cell's {@link PeRtl#kMultiple}.
     */
    static Tile random(PeRtl pe, int rows, int cols, Dataflow dataflow, long seed) {
        int lm = pe.timing().lanesM();
        int lk = pe.timing().lanesK();
        int ln = pe.timing().lanesN();
        int m = switch (dataflow) {
            case OS -> rows * lm + 1;
            case WS -> 3 * lm + 1;
            case IS -> cols * lm + 1;
        };
        int n = dataflow == Dataflow.IS ? 3 * ln + 1 : cols * ln + 1;
        int k = roundUp(dataflow == Dataflow.OS ? 3 * lk + 1 : Math.min(rows * lk + 1, pe.maxTileK()),
                pe.kMultiple());
        Random rnd = new Random(seed);
        long[] a = pe.randomActivations(rnd, m, k);
        long[] b = pe.randomWeights(rnd, k, n);
        return new Tile("random", new TileShape(m, k, n), a, b);
    }

    /**
     * A seeded tile of {@code groups} quantisation groups along K over two row folds and two column folds (M = R + 1,
     * N = C·lanesN + 1), with seeded group metadata.
     */
    static Tile grouped(PeRtl pe, GroupDequantiser dq, String name, int rows, int cols, int groups, long seed) {
        int m = rows * pe.timing().lanesM() + 1;
        int n = cols * pe.timing().lanesN() + 1;
        int k = groups * dq.groupSize();
        Random rnd = new Random(seed);
        long[] a = pe.randomActivations(rnd, m, k);
        long[] b = pe.randomWeights(rnd, k, n);
        return new Tile(name, new TileShape(m, k, n), a, b, dq.scales(rnd, b, k, n));
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    /** A tile's codes, and the weights' group metadata when the cell dequantises (null otherwise). */
    public record Tile(String name, TileShape shape, long[] a, long[] b, GroupScales scales) {
        Tile(String name, TileShape shape, long[] a, long[] b) {
            this(name, shape, a, b, null);
        }

        Tile withScales(GroupScales groupScales) {
            return new Tile(name, shape, a, b, groupScales);
        }
    }
}
