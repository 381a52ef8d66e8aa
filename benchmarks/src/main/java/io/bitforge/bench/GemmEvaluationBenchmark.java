package io.bitforge.bench;

import io.bitforge.core.engine.Engine;
import io.bitforge.core.engine.GemmEvaluation;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Precision;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.simulation.engine.EngineAssembly;
import io.bitforge.simulation.engine.EngineSetup;
import io.bitforge.simulation.engine.MemorySetup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * GEMM evaluations per second: the whole engine path (fold model, SRAM counts, energy by category, node scaling,
 * cost report) for a Llama-2-7B MLP-sized GEMM (M=2048 tokens, K=4096, N=11008) and a small GEMM, on the
 * tpu-like-int8 preset's mac-int array in each dataflow.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GemmEvaluationBenchmark {
    @Param({"os", "ws", "is"})
    public String dataflow;

    private Engine engine;
    private GemmOp large;
    private GemmOp small;

    @Setup
    public void setup() {
        Registry registry = Registry.load();
        HardwareSpec spec = new HardwareSpecLoader(registry).resolve("tpu-like-int8", "--hw")
                .withArray(new ArraySpec(128, 128)).withDataflow(Dataflow.fromId(dataflow).orElseThrow());
        engine = EngineAssembly.assemble(registry, spec,
                EngineSetup.SIMULATE.withMemory(MemorySetup.UNLIMITED_BANDWIDTH));
        large = GemmOp.of("mlp-up", 2048, 4096, 11008, Precision.INT8);
        small = GemmOp.of("small", 37, 129, 61, Precision.INT8);
    }

    @Benchmark
    public GemmEvaluation llamaMlpGemm() {
        return engine.evaluate(large);
    }

    @Benchmark
    public GemmEvaluation smallGemm() {
        return engine.evaluate(small);
    }
}
