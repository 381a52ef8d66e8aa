package io.bitforge.explore.spark;

import io.bitforge.explore.DesignOutcome;
import io.bitforge.explore.DesignScorer;
import io.bitforge.explore.ScoringEngine;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Scores designs on a Spark cluster: the driver takes the choices a chunk at a time, screens out the designs the
 * store already holds and the combinations the spec refuses (cheap: no evaluation), and evaluates the rest as one
 * Spark job whose tasks are slices of the chunk; each executor builds its {@link DesignScorer} once from the
 * broadcast {@link ScorerRecipe}. The chunk's outcomes come back in order and are stored before the next chunk
 * starts, so a job killed part-way loses at most the chunk in flight and a rerun with resume skips every design
 * stored. NSGA-II hands one generation per call: one job per generation.
 */
public final class SparkScoring implements ScoringEngine, AutoCloseable {
    private final JavaSparkContext spark;
    private final Broadcast<ExecutorScorer> scorer;
    private final int chunkDesigns;
    private final int slicesPerChunk;
    private final ChoiceFault fault;
    private long jobs;

    /**
     * @param chunkDesigns   designs per Spark job (what a kill can lose)
     * @param slicesPerChunk tasks per job (0: twice the cluster's default parallelism)
     */
    public SparkScoring(JavaSparkContext spark, ScorerRecipe recipe, int chunkDesigns, int slicesPerChunk) {
        this(spark, recipe, chunkDesigns, slicesPerChunk, ChoiceFault.NONE);
    }

    SparkScoring(JavaSparkContext spark, ScorerRecipe recipe, int chunkDesigns, int slicesPerChunk,
                 ChoiceFault fault) {
        if (chunkDesigns < 1 || slicesPerChunk < 0) {
            throw new IllegalArgumentException("chunkDesigns must be >= 1 and slicesPerChunk >= 0");
        }
        this.spark = spark;
        this.scorer = spark.broadcast(new ExecutorScorer(recipe));
        this.chunkDesigns = chunkDesigns;
        this.slicesPerChunk = slicesPerChunk == 0 ? 2 * spark.defaultParallelism() : slicesPerChunk;
        this.fault = fault;
    }

    /** Frees the executors' copies of the scorer (an application may run many explorations on one session). */
    @Override
    public void close() {
        scorer.destroy();
    }

    /** Spark jobs run so far (one per chunk with designs to evaluate). */
    public long jobs() {
        return jobs;
    }

    @Override
    public void score(Iterator<int[]> choices, DesignScorer driverScorer, Predicate<String> stored,
                      Consumer<DesignOutcome> inOrder) {
        while (choices.hasNext()) {
            List<int[]> chunk = new ArrayList<>();
            while (choices.hasNext() && chunk.size() < chunkDesigns) {
                chunk.add(choices.next());
            }
            DesignOutcome[] outcomes = new DesignOutcome[chunk.size()];
            List<int[]> pending = new ArrayList<>();
            List<Integer> pendingAt = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                outcomes[i] = driverScorer.screen(chunk.get(i), stored);
                if (outcomes[i] == null) {
                    pending.add(chunk.get(i));
                    pendingAt.add(i);
                }
            }
            if (!pending.isEmpty()) {
                List<OutcomeLine> lines = evaluate(pending);
                for (int k = 0; k < lines.size(); k++) {
                    int at = pendingAt.get(k);
                    outcomes[at] = lines.get(k).outcome(chunk.get(at));
                }
            }
            for (DesignOutcome outcome : outcomes) {
                inOrder.accept(outcome);
            }
        }
    }

    /** One Spark job: the designs in slices, each slice scored by its executor's scorer; results in input order. */
    private List<OutcomeLine> evaluate(List<int[]> pending) {
        Broadcast<ExecutorScorer> shared = scorer;
        ChoiceFault injected = fault;
        FlatMapFunction<Iterator<int[]>, OutcomeLine> slice = designs -> {
            DesignScorer executorScorer = shared.value().scorer();
            List<OutcomeLine> lines = new ArrayList<>();
            while (designs.hasNext()) {
                int[] choice = designs.next();
                injected.before(choice);
                // the driver screened stored designs out; the executor knows no store
                lines.add(OutcomeLine.of(executorScorer.score(choice, id -> false)));
            }
            return lines.iterator();
        };
        jobs++;
        spark.setJobDescription("bitforge explore: " + pending.size() + " designs");
        List<OutcomeLine> lines;
        try {
            lines = spark.parallelize(pending, Math.min(pending.size(), slicesPerChunk)).mapPartitions(slice)
                    .collect();
        } catch (Exception e) { // Spark's SparkException is checked in Scala's sense only
            throw new SparkJobFailedException(pending.size(), e);
        }
        if (lines.size() != pending.size()) {
            throw new IllegalStateException("Spark returned " + lines.size() + " outcomes for " + pending.size()
                    + " designs");
        }
        return lines;
    }
}
