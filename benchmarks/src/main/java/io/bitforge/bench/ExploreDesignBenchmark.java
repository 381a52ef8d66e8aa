package io.bitforge.bench;

import io.bitforge.cli.bench.BenchCases;
import io.bitforge.core.registry.Registry;
import io.bitforge.explore.DesignOutcome;
import io.bitforge.explore.DesignScorer;
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
 * Designs per second of the explorer's per-design path, {@link DesignScorer#score} as a run calls it — build the
 * design's spec from the space with the loader's checks, hash its id, evaluate Llama-2-7B decoding one token at a
 * 1024-token context (all 32 layers, lm_head), check the constraints, make its stored line's record — on two
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
    private final AtomicLong next = new AtomicLong();
    private DesignSpace space;
    private DesignScorer scorer;
    private long gridSize;

    @Setup
    public void setup() {
        Registry registry = Registry.load();
        space = new SpaceLoader(registry).parse(BenchCases.EXPLORE_SPACE, "bench.yaml", null);
        scorer = new DesignScorer(registry, space, null);
        gridSize = space.gridSize().longValueExact();
    }

    @Benchmark
    public DesignOutcome distinctDesign() {
        int[] choice = space.choiceAt(BigInteger.valueOf(next.getAndIncrement() % gridSize));
        DesignOutcome outcome = scorer.score(choice, id -> false);
        if (outcome.design() == null) {
            throw new IllegalStateException("not scored: " + outcome.rejection());
        }
        return outcome;
    }
}
