package io.bitforge.cli.bench;

import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchRunnerTest {
    @Test
    void warmUpEndsOnceTwoSuccessiveWindowsAgreeWithinTenPercent() {
        // 100 -> 80 differs by 20%, 80 -> 75 by 6.25%: steady after the third window
        BenchRunner.Warmup w = BenchRunner.untilSteady(script(100, 80, 75, 1));
        assertTrue(w.steady());
        assertEquals(List.of(100.0, 80.0, 75.0), w.windows());
        // exactly 10% still agrees
        assertEquals(2, BenchRunner.untilSteady(script(100, 90)).windows().size());
    }

    @Test
    void warmUpGivesUpAfterTenWindowsWhenTheRateKeepsHalving() {
        BenchRunner.Warmup w = BenchRunner.untilSteady(script(1024, 512, 256, 128, 64, 32, 16, 8, 4, 2, 1, 1));
        assertFalse(w.steady());
        assertEquals(BenchRunner.MAX_EXTRA_WARMUP_WINDOWS, w.windows().size());
    }

    private static java.util.function.DoubleSupplier script(double... rates) {
        Iterator<Double> next = java.util.Arrays.stream(rates).boxed().iterator();
        return next::next;
    }
}
