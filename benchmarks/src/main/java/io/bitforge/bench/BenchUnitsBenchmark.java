package io.bitforge.bench;

import io.bitforge.cli.bench.BenchCase;
import io.bitforge.cli.bench.BenchCases;
import io.bitforge.core.registry.Registry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The units of {@code bitforge bench} that the table sets goals for, through the very work
 * {@link BenchCases} prepares, so the two agree by construction: a tiled GEMM with the tiler's search
 * ({@code gemm-tiled}), a whole Llama-2-7B simulation of a 2048-token prompt and 256 generated tokens
 * ({@code simulate}), and designs of the whole {@code explore} command with its store, ids, front and chart on two
 * worker threads ({@code explore-run}; one invocation is {@link BenchCases#EXPLORE_RUN_DESIGNS} designs), and one
 * 128 × 4096 × 4096 GEMM layer in SCALE-Sim mode ({@code scalesim}), one ResNet-18 3 × 3 convolution in that
 * mode ({@code scalesim-conv}), one Llama-3B feed-forward layer of 4.2 million folds in that mode
 * ({@code scalesim-llama}), weights through every format of {@code quantize --format all}
 * ({@code quantize}; one invocation is a {@link BenchCases#QUANTIZE_ROWS} × {@link BenchCases#QUANTIZE_COLS} matrix),
 * and cycles of the compiled Java HDL simulator on the 8 × 8 INT8 systolic array with random operands every cycle
 * ({@code hdl}; one invocation is {@link BenchCases#HDL_CYCLES_PER_CALL} cycles).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 4)
public class BenchUnitsBenchmark {
    private BenchCase.Work gemmTiled;
    private BenchCase.Work simulate;
    private BenchCase.Work exploreRun;
    private BenchCase.Work scaleSim;
    private BenchCase.Work scaleSimConv;
    private BenchCase.Work scaleSimLlama;
    private BenchCase.Work quantize;
    private BenchCase.Work hdl;

    @Setup
    public void setup() {
        Registry registry = Registry.load();
        gemmTiled = BenchCases.of("gemm-tiled", registry, 1).setup().prepare();
        simulate = BenchCases.of("simulate", registry, 1).setup().prepare();
        exploreRun = BenchCases.of("explore-run", registry, 2).setup().prepare();
        scaleSim = BenchCases.of("scalesim", registry, 1).setup().prepare();
        scaleSimConv = BenchCases.of("scalesim-conv", registry, 1).setup().prepare();
        scaleSimLlama = BenchCases.of("scalesim-llama", registry, 1).setup().prepare();
        quantize = BenchCases.of("quantize", registry, 1).setup().prepare();
        hdl = BenchCases.of("hdl", registry, 1).setup().prepare();
    }

    @Benchmark
    public long gemmTiled() {
        return gemmTiled.run();
    }

    @Benchmark
    public long simulate() {
        return simulate.run();
    }

    @Benchmark
    @OperationsPerInvocation(BenchCases.EXPLORE_RUN_DESIGNS)
    public long exploreRun() {
        return exploreRun.run();
    }

    @Benchmark
    public long scaleSim() {
        return scaleSim.run();
    }

    @Benchmark
    public long scaleSimConv() {
        return scaleSimConv.run();
    }

    @Benchmark
    public long scaleSimLlama() {
        return scaleSimLlama.run();
    }

    @Benchmark
    @OperationsPerInvocation(BenchCases.QUANTIZE_ROWS * BenchCases.QUANTIZE_COLS)
    public long quantize() {
        return quantize.run();
    }

    @Benchmark
    @OperationsPerInvocation(BenchCases.HDL_CYCLES_PER_CALL)
    public long hdl() {
        return hdl.run();
    }
}
