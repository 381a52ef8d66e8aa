package io.bitforge.cli.bench;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchRunnerTest {
    @Test
    void warmUpEndsOnceTwoWindowsAgree() {
        // every call takes the same 5 ms, so the first two 50-ms windows already agree
        BenchResult r = new BenchRunner(0, 2, 0.05).run(new BenchCase("steady", "calls", "", 1, () -> () -> {
            sleepMicros(5000);
            return 1;
        }));
        assertTrue(r.steadyState());
        assertEquals(2, r.warmupUnitsPerSecond().size());
        assertEquals(2, r.unitsPerSecond().size());
    }

    @Test
    void warmUpGivesUpWhenTheRateKeepsFalling() {
        // each call takes 1.5 times as long as the one before: once a call outlasts a window, windows differ by 1.5x
        AtomicLong micros = new AtomicLong(1000);
        BenchResult r = new BenchRunner(0, 1, 0.01).run(new BenchCase("slowing", "calls", "", 1, () -> () -> {
            sleepMicros(micros.getAndUpdate(m -> m * 3 / 2));
            return 1;
        }));
        assertFalse(r.steadyState());
        assertEquals(BenchRunner.MAX_EXTRA_WARMUP_WINDOWS, r.warmupUnitsPerSecond().size());
    }

    private static void sleepMicros(long micros) {
        try {
            Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
