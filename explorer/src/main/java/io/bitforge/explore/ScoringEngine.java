package io.bitforge.explore;

import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Where the designs of a run are scored: a pool of threads in this process ({@link PoolScoring}) or a cluster
 * (the Spark job of module explorer-spark). Whatever the engine, outcomes reach {@code inOrder} on the calling
 * thread in the order of the choices, so the store, the front and the summary do not depend on it. NSGA-II hands
 * one generation per call.
 */
public interface ScoringEngine {
    /**
     * Scores {@code choices} with {@code scorer} (or its equal on another machine), skipping designs
     * {@code stored} holds, and hands every outcome to {@code inOrder} in input order.
     */
    void score(Iterator<int[]> choices, DesignScorer scorer, Predicate<String> stored,
               Consumer<DesignOutcome> inOrder);
}
