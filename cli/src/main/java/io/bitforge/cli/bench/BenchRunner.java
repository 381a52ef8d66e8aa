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
 *
 * <p>The warm-up checks for a steady state: after its fixed length it goes on in windows of one round's length
 * until two successive windows agree within {@value #STEADY_TOLERANCE_PERCENT}% (at most
 * {@value #MAX_EXTRA_WARMUP_WINDOWS} windows); the result says whether they did.
 */
public record BenchRunner(double warmupSeconds, int rounds, double roundSeconds) {
    static final int STEADY_TOLERANCE_PERCENT = 10;
    static final int MAX_EXTRA_WARMUP_WINDOWS = 10;

    public BenchResult run(BenchCase benchCase) {
        BenchCase.Work work = benchCase.setup().prepare();
        ExecutorService pool = Executors.newFixedThreadPool(benchCase.threads());
        try {
            timed(pool, work, benchCase.threads(), warmupSeconds);
            Warmup warmup = untilSteady(() -> timed(pool, work, benchCase.threads(), roundSeconds));
            double[] perSecond = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                perSecond[r] = timed(pool, work, benchCase.threads(), roundSeconds);
            }
            return BenchResult.of(benchCase, perSecond, warmup.windows(), warmup.steady());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The windows of a steady-state check, and whether the last two agreed. */
    record Warmup(List<Double> windows, boolean steady) {
    }

    /** Measures windows until two successive ones agree, at most {@link #MAX_EXTRA_WARMUP_WINDOWS}. */
    static Warmup untilSteady(java.util.function.DoubleSupplier window) {
        List<Double> windows = new ArrayList<>();
        boolean steady = false;
        while (!steady && windows.size() < MAX_EXTRA_WARMUP_WINDOWS) {
            windows.add(window.getAsDouble());
            steady = windows.size() >= 2 && agree(windows.get(windows.size() - 2), windows.get(windows.size() - 1));
        }
        return new Warmup(List.copyOf(windows), steady);
    }

    private static boolean agree(double a, double b) {
        return Math.abs(a - b) * 100 <= STEADY_TOLERANCE_PERCENT * Math.max(a, b);
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
