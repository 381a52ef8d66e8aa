package io.bitforge.cli.bench;

import io.bitforge.api.QuantizeRequest;
import io.bitforge.api.SimulateRequest;
import io.bitforge.cli.CliContext;
import io.bitforge.cli.commands.ExploreCommand;
import io.bitforge.simulation.SimulationRun;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Precision;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.explore.DesignScorer;
import io.bitforge.explore.DesignSpace;
import io.bitforge.explore.SpaceLoader;
import io.bitforge.memory.scalesim.ScaleSimConfig;
import io.bitforge.memory.scalesim.ScaleSimDataflow;
import io.bitforge.memory.scalesim.ScaleSimRun;
import io.bitforge.memory.scalesim.TopologyLayer;
import io.bitforge.simulation.engine.EngineAssembly;
import io.bitforge.simulation.engine.EngineSetup;
import io.bitforge.simulation.engine.MemorySetup;
import io.bitforge.verilog.gen.SystolicArray;
import io.bitforge.verilog.sim.InputHandle;
import io.bitforge.verilog.sim.SimEngine;
import io.bitforge.verilog.sim.SimOptions;
import io.bitforge.verilog.sim.Simulator;
import io.bitforge.workloads.tensors.MatrixSource;
import io.bitforge.workloads.tensors.QuantizerChoice;
import io.bitforge.workloads.tensors.SyntheticTensors;

import picocli.CommandLine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The standard measurements of {@code bitforge bench}, the same paths the JMH benchmarks time: GEMM evaluations
 * (stall-free and with the tiled DRAM model {@code simulate} uses), a whole Llama-2-7B simulation, distinct explorer
 * designs, and the Java HDL simulator.
 */
public final class BenchCases {
    /** Llama-2-7B's MLP up-projection over a 2048-token prompt: M=2048, K=4096, N=11008. */
    private static final GemmOp MLP_UP = GemmOp.of("mlp-up", 2048, 4096, 11008, Precision.INT8);
    private static final String PRESET = "tpu-like-int8";
    /** The explore benchmark's space (also JMH's {@code ExploreDesignBenchmark}): 1024 x 1024 x 2 x 2 designs. */
    public static final String EXPLORE_SPACE = """
            name: bench
            base: tpu-like-int8
            parameters:
              - path: array.rows
                range: {from: 1, to: 1024, step: 1}
              - path: array.cols
                range: {from: 1, to: 1024, step: 1}
              - path: clockMegahertz
                values: [500, 1000]
              - path: dataflow
                values: [os, ws]
            workloads:
              - {workload: llama-2-7b, phase: decode, context: 1024, generate: 1, quant: "W8A8KV8,lm_head:same"}
            objectives: [latency, energy, area]
            """;
    /** Designs per call of the explore-run benchmark: enough that the command's fixed costs are a small share. */
    public static final int EXPLORE_RUN_DESIGNS = 4000;
    /** The quantize benchmark's matrix: an eighth of the 4096 × 4096 of the README's report example. */
    public static final int QUANTIZE_ROWS = 512;
    public static final int QUANTIZE_COLS = 4096;
    private static final int HDL_ARRAY = 8;
    /** Cycles of the {@code hdl} unit per call of its work (JMH's operations per invocation). */
    public static final int HDL_CYCLES_PER_CALL = 1000;

    private BenchCases() {
    }

    public static List<String> names() {
        return List.of("gemm", "gemm-tiled", "simulate", "explore", "explore-run", "scalesim", "scalesim-conv",
                "scalesim-llama", "hdl",
                "quantize");
    }

    /** The case called {@code name}; {@code threads} applies to {@code explore}. */
    public static BenchCase of(String name, Registry registry, int threads) {
        return switch (name) {
            case "gemm" -> new BenchCase(name, "GEMM evaluations",
                    "engine (fold model, SRAM counts, energy, node scaling) for M=2048 K=4096 N=11008 INT8 on "
                            + PRESET + ", stall-free memory", 1,
                    () -> {
                        Engine engine = EngineAssembly.assemble(registry, preset(registry),
                                EngineSetup.SIMULATE.withMemory(MemorySetup.UNLIMITED_BANDWIDTH));
                        return () -> engine.evaluate(MLP_UP).cost().totalCycles() > 0 ? 1 : 0;
                    });
            case "gemm-tiled" -> new BenchCase(name, "GEMM evaluations",
                    "the same GEMM through simulate's engine, a fresh one per call so the tiler's search over tile "
                            + "sizes and loop orders for the SRAMs is timed too (a simulation caches it per shape)", 1,
                    () -> {
                        HardwareSpec spec = preset(registry);
                        return () -> SimulationRun.engine(registry, spec).evaluate(MLP_UP).cost().totalCycles() > 0
                                ? 1 : 0;
                    });
            case "simulate" -> new BenchCase(name, "simulations",
                    "llama-2-7b, 2048-token prompt + 256 generated tokens (all layers, both phases) on " + PRESET,
                    1, () -> simulate(registry));
            case "explore" -> new BenchCase(name, "designs",
                    "distinct designs from a 1024x1024x2x2 grid, each scored as a run scores it (spec, id, "
                            + "evaluation) on llama-2-7b decode at context 1024",
                    threads, () -> explore(registry));
            case "explore-run" -> new BenchCase(name, "designs",
                    "the whole explore command in process on " + EXPLORE_RUN_DESIGNS + " designs sampled from the "
                            + "same grid into a fresh --out: spec, id, scoring, results.jsonl, Pareto front, "
                            + "pareto.json, summary and chart, " + threads + " worker threads", 1,
                    () -> exploreRun(registry, threads));
            case "scalesim" -> new BenchCase(name, "layers",
                    "SCALE-Sim mode (CALC, 32x32 os, 64 KiB SRAMs) on one GEMM layer M=128 N=4096 K=4096: "
                            + "every cycle, SRAM and DRAM figure of its reports", 1, BenchCases::scaleSim);
            case "scalesim-conv" -> new BenchCase(name, "layers",
                    "the same on one ResNet-18 convolution with overlapping windows (56x56x64 input, 64 3x3 "
                            + "filters, stride 1), whose ifmap reads are followed address by address", 1,
                    BenchCases::scaleSimConv);
            case "scalesim-llama" -> new BenchCase(name, "layers",
                    "the same on one Llama-3B feed-forward layer of SCALE-Sim's llama3b topology (512x512 input of "
                            + "4096 channels, 16384 1x1 filters: 4.2 M folds on 32x32), whose folds repeat", 1,
                    BenchCases::scaleSimLlama);
            case "hdl" -> new BenchCase(name, "cycles",
                    "Java HDL simulator (compiled), " + HDL_ARRAY + "x" + HDL_ARRAY + " INT8 systolic array, random operands "
                            + "every cycle", 1, BenchCases::hdl);
            case "quantize" -> new BenchCase(name, "values",
                    "a " + QUANTIZE_ROWS + "x" + QUANTIZE_COLS + " llm-outliers matrix (seed 1) through every format "
                            + "of quantize --format all, per channel, W.X against 8 tokens, as the command runs it; "
                            + "one unit is one weight through all the formats", 1, () -> quantize(registry));
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static HardwareSpec preset(Registry registry) {
        return new HardwareSpecLoader(registry).resolve(PRESET, "preset");
    }

    private static BenchCase.Work simulate(Registry registry) {
        SimulateRequest request = SimulateRequest.builder().hardware(preset(registry)).workload("llama-2-7b")
                .prompt(2048).generate(256).build();
        io.bitforge.api.BitForge library = io.bitforge.api.BitForge.of(registry);
        return () -> library.simulate(request).phases().isEmpty() ? 0 : 1;
    }

    /** The explorer's per-design path as a run calls it ({@link DesignScorer#score}): spec, id, evaluation. */
    private static BenchCase.Work explore(Registry registry) {
        DesignSpace space = new SpaceLoader(registry).parse(EXPLORE_SPACE, "bench.yaml", null);
        DesignScorer scorer = new DesignScorer(registry, space, null);
        long gridSize = space.gridSize().longValueExact();
        AtomicLong next = new AtomicLong();
        return () -> {
            int[] choice = space.choiceAt(BigInteger.valueOf(next.getAndIncrement() % gridSize));
            return scorer.score(choice, id -> false).design() != null ? 1 : 0;
        };
    }

    private static BenchCase.Work exploreRun(Registry registry, int threads) {
        CliContext quiet = new CliContext(registry, new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(OutputStream.nullOutputStream()), false);
        Path root;
        Path space;
        try {
            root = Files.createTempDirectory("bitforge-bench-explore");
            space = Files.writeString(root.resolve("space.yaml"), EXPLORE_SPACE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicLong runs = new AtomicLong();
        return () -> {
            Path out = root.resolve("run-" + runs.getAndIncrement());
            int code = new CommandLine(new ExploreCommand(quiet)).execute("--space", space.toString(), "--out",
                    out.toString(), "--budget", String.valueOf(EXPLORE_RUN_DESIGNS), "--threads",
                    String.valueOf(threads));
            if (code != 0) {
                throw new IllegalStateException("explore exited with " + code);
            }
            deleteTree(out);
            return EXPLORE_RUN_DESIGNS;
        };
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BenchCase.Work scaleSim() {
        ScaleSimConfig config = ScaleSimConfig.calc("bench", 32, 32, 64, ScaleSimDataflow.OS);
        List<TopologyLayer> layer = List.of(TopologyLayer.gemm("big", 128, 4096, 4096));
        return () -> ScaleSimRun.run(config, layer).get(0).totalCycles() > 0 ? 1 : 0;
    }

    private static BenchCase.Work scaleSimConv() {
        ScaleSimConfig config = ScaleSimConfig.calc("bench", 32, 32, 64, ScaleSimDataflow.OS);
        List<TopologyLayer> layer = List.of(new TopologyLayer("conv", 56, 56, 3, 3, 64, 64, 1, 1));
        return () -> ScaleSimRun.run(config, layer).get(0).totalCycles() > 0 ? 1 : 0;
    }

    private static BenchCase.Work scaleSimLlama() {
        ScaleSimConfig config = ScaleSimConfig.calc("bench", 32, 32, 64, ScaleSimDataflow.OS);
        List<TopologyLayer> layer = List.of(new TopologyLayer("feed_forward", 512, 512, 1, 1, 4096, 16384, 1, 1));
        return () -> ScaleSimRun.run(config, layer).get(0).totalCycles() > 0 ? 1 : 0;
    }

    private static BenchCase.Work quantize(Registry registry) {
        MatrixSource matrix = MatrixSource.of("llm-outliers", QUANTIZE_ROWS, QUANTIZE_COLS,
                SyntheticTensors.llmOutliers(QUANTIZE_ROWS, QUANTIZE_COLS, 1, SyntheticTensors.DEFAULT_OUTLIER_FRACTION,
                        SyntheticTensors.DEFAULT_OUTLIER_RATIO));
        QuantizeRequest request = QuantizeRequest.of(new QuantizerChoice("all", null, null, "even-first", "paper",
                5).quantizers(), List.of(matrix), 8, 1);
        io.bitforge.api.BitForge library = io.bitforge.api.BitForge.of(registry);
        return () -> library.quantize(request, values -> { }).isEmpty() ? 0 : (long) QUANTIZE_ROWS * QUANTIZE_COLS;
    }

    private static BenchCase.Work hdl() {
        Simulator sim = Simulator.of(SystolicArray.build(new SystolicArray.Params(HDL_ARRAY, HDL_ARRAY, 8, 32)),
                SimOptions.defaults().withEngine(SimEngine.COMPILED));
        // a cheap generator, so that the stimulus does not dominate a cycle of the compiled simulator
        SplittableRandom rnd = new SplittableRandom(1);
        InputHandle[] a = new InputHandle[HDL_ARRAY];
        InputHandle[] b = new InputHandle[HDL_ARRAY];
        for (int i = 0; i < HDL_ARRAY; i++) {
            a[i] = sim.input("a_" + i);
            b[i] = sim.input("b_" + i);
        }
        sim.reset(1);
        sim.poke("en", 1);
        return () -> {
            for (int c = 0; c < HDL_CYCLES_PER_CALL; c++) {
                for (int i = 0; i < HDL_ARRAY; i++) {
                    sim.poke(a[i], rnd.nextInt(256) - 128);
                    sim.poke(b[i], rnd.nextInt(256) - 128);
                }
                sim.step();
            }
            return HDL_CYCLES_PER_CALL;
        };
    }
}
