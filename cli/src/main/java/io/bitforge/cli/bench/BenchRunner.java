package io.bitforge.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Times a {@link BenchCase}: warm-up (so the JIT has compiled the hot paths), then rounds of fixed wall-clock length,
 * each counting the units its threads finished. Throughput per round, as JMH's throughput mode reports it; the
 * spread of the rounds shows how steady the machine was.
 */
public record BenchRunner(double warmupSeconds, int rounds, double roundSeconds) {

    public BenchResult run(BenchCase benchCase) {
        BenchCase.Work work = benchCase.setup().prepare();
        ExecutorService pool = Executors.newFixedThreadPool(benchCase.threads());
        try {
            timed(pool, work, benchCase.threads(), warmupSeconds);
            double[] perSecond = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                perSecond[r] = timed(pool, work, benchCase.threads(), roundSeconds);
            }
            return BenchResult.of(benchCase, perSecond);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Units per second over one window: every thread calls the work until the window closes. */
    private static double timed(ExecutorService pool, BenchCase.Work work, int threads, double seconds) {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        List<Future<Long>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                long units = 0;
                do {
                    units += work.run();
                } while (System.nanoTime() < deadline);
                return units;
            }));
        }
        long units = 0;
        try {
            for (Future<Long> f : futures) {
                units += f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("benchmark failed: " + e.getCause(), e.getCause());
        }
        return units / ((System.nanoTime() - start) / 1e9);
    }
}
