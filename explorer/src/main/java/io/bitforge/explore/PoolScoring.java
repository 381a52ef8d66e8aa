package io.bitforge.explore;

import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Scores designs on a pool of threads in this process, at most a window of designs in flight. */
public final class PoolScoring implements ScoringEngine, AutoCloseable {
    private final ExecutorService pool;
    private final int window;

    public PoolScoring(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "bitforge-explore");
            thread.setDaemon(true);
            return thread;
        });
        this.window = Math.max(64, threads * 256);
    }

    @Override
    public void score(Iterator<int[]> choices, DesignScorer scorer, Predicate<String> stored,
                      Consumer<DesignOutcome> inOrder) {
        OrderedEvaluation.run(choices, choice -> scorer.score(choice, stored), pool, window, inOrder);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
