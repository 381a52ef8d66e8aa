package io.bitforge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bitforge.cli.bench.BenchCases;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.spec.SpecNode;
import io.bitforge.explore.DesignEvaluator;
import io.bitforge.explore.DesignMetrics;
import io.bitforge.explore.DesignSpace;
import io.bitforge.explore.SpaceLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Designs per second of the explorer's per-design path — build the design's spec from the space, validate it,
 * hash its id, evaluate Llama-2-7B decoding one token at a 1024-token context (all 32 layers, lm_head) — on two
 * threads. Every call takes the next design of a 1024 x 1024 x 4 grid (array rows x cols x dataflow/clock), so no
 * two calls score the same design and no result is reused; only the workload's op graphs, which do not depend on the
 * design, are built once (as the explorer does).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
@Fork(1)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 3, time = 5)
public class ExploreDesignBenchmark {
    private final ObjectMapper trees = new ObjectMapper();
    private final AtomicLong next = new AtomicLong();
    private DesignSpace space;
    private HardwareSpecLoader loader;
    private DesignEvaluator evaluator;
    private long gridSize;

    @Setup
    public void setup() {
        Registry registry = Registry.load();
        space = new SpaceLoader(registry).parse(BenchCases.EXPLORE_SPACE, "bench.yaml", null);
        loader = new HardwareSpecLoader(registry);
        evaluator = new DesignEvaluator(registry, space.workloads());
        gridSize = space.gridSize().longValueExact();
    }

    @Benchmark
    public DesignMetrics distinctDesign() {
        int[] choice = space.choiceAt(BigInteger.valueOf(next.getAndIncrement() % gridSize));
        HardwareSpec spec = loader.fromNode(SpecNode.detached(trees.valueToTree(space.pointSpec(choice)), "design",
                "hardware"));
        if (spec.designId().isEmpty()) {
            throw new IllegalStateException();
        }
        return evaluator.evaluate(spec);
    }
}
