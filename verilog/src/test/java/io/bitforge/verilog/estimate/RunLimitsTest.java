package io.bitforge.verilog.estimate;

import io.bitforge.core.io.BadRequestException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunLimitsTest {
    // 50 s + 20 s = 70 s, past the 60 s limit; 50 s alone is within it
    private static final ToolRunEstimate SEVENTY = new ToolRunEstimate(List.of(
            new ToolRunEstimate.Stage("yosys synthesis", 50), new ToolRunEstimate.Stage("icetime", 20)));
    private static final ToolRunEstimate FIFTY = new ToolRunEstimate(List.of(
            new ToolRunEstimate.Stage("yosys synthesis", 50)));

    @Test
    void theLimitIsAMinute() {
        assertEquals(60, RunLimits.standard().refuseSeconds());
        assertThrows(IllegalArgumentException.class, () -> new RunLimits(0));
        assertThrows(IllegalArgumentException.class, () -> new RunLimits(Double.NaN));
    }

    @Test
    void withinTheLimitARunJustRuns() {
        assertInstanceOf(RunLimits.Run.class, RunLimits.standard().decide("fpga", FIFTY, false, "x"));
        assertEquals(Optional.empty(), RunLimits.standard().enforce("fpga", FIFTY, false, "x"));
        // exactly at the limit still runs: the rule is "past" it
        ToolRunEstimate sixty = new ToolRunEstimate(List.of(new ToolRunEstimate.Stage("a", 60)));
        assertInstanceOf(RunLimits.Run.class, RunLimits.standard().decide("fpga", sixty, false, "x"));
    }

    @Test
    void pastTheLimitItIsRefusedWithTheEstimateAndItsLargestStages() {
        RunLimits.Decision d = RunLimits.standard().decide("fpga", SEVENTY, false, "--rows/--cols");
        RunLimits.Refuse refuse = assertInstanceOf(RunLimits.Refuse.class, d);
        assertEquals("fpga: refused before starting: estimated about 70 s (yosys synthesis 50 s, icetime 20 s), past "
                + "the 60 s limit; make the run smaller (--rows/--cols) or set this to run it anyway", refuse.message());
        BadRequestException e = assertThrows(BadRequestException.class,
                () -> RunLimits.standard().enforce("fpga", SEVENTY, false, "--rows/--cols"));
        assertEquals(RunLimits.ALLOW_FIELD, e.field());
        assertEquals(refuse.message(), e.detail());
    }

    @Test
    void allowedPastTheLimitItRunsAfterSayingTheEstimate() {
        Optional<String> notice = RunLimits.standard().enforce("cosim", SEVENTY, true, "x");
        assertTrue(notice.orElseThrow().startsWith("cosim: estimated about 70 s (yosys synthesis 50 s"), notice.get());
    }
}
