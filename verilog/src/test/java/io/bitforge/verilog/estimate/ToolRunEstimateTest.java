package io.bitforge.verilog.estimate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolRunEstimateTest {
    @Test
    void stagesAddUpAndTheLargestAreNamedFirst() {
        ToolRunEstimate e = new ToolRunEstimate(List.of(new ToolRunEstimate.Stage("icarus run", 20),
                new ToolRunEstimate.Stage("verilator build", 150))).plus(
                new ToolRunEstimate(List.of(new ToolRunEstimate.Stage("icarus run", 10))));
        assertEquals(180, e.totalSeconds(), 1e-9);
        assertEquals("about 3.0 min (verilator build 2.5 min, icarus run 30 s)", e.describe());
    }

    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertEquals("45 s", ToolRunEstimate.duration(45));
        assertEquals("2.0 min", ToolRunEstimate.duration(120));
        assertEquals("2.5 h", ToolRunEstimate.duration(9000));
        assertEquals("47.5 h", ToolRunEstimate.duration(47.5 * 3600));
        assertEquals("3 days", ToolRunEstimate.duration(3 * 86_400));
    }

    @Test
    void theCompiledJavaEnginePaysItsCompileByDesignSizeAndTheInterpreterTenTimesPerOpCycle() {
        DesignSize lutCell = new DesignSize(1_260_000, 0);
        // compile 0.15 s + 1e-5 s per bit operation, then 2.5e-11 s per bit operation and cycle
        assertEquals(0.15 + 12.6 + 2.5e-11 * 1_260_000 * 100,
                ToolRunEstimate.javaSimulation(lutCell, 100).totalSeconds(), 1e-9);
        // the interpreter compiles nothing and runs at 2.5e-10 s per bit operation and cycle
        assertEquals(2.5e-10 * 1_260_000 * 100,
                ToolRunEstimate.javaSimulation(lutCell, 100, false).totalSeconds(), 1e-12);
    }

    @Test
    void simulationCostGrowsWithSizeTimesCyclesAndBuildsWithSizeAlone() {
        DesignSize small = new DesignSize(10_000, 0);
        DesignSize large = new DesignSize(1_000_000, 0);
        double run1 = ToolRunEstimate.icarus(small, 1000).stages().get(1).seconds();
        double run2 = ToolRunEstimate.icarus(small, 2000).stages().get(1).seconds();
        assertEquals(2 * run1, run2, 1e-12);
        double build1 = ToolRunEstimate.verilator(small, 1).stages().get(0).seconds();
        double build2 = ToolRunEstimate.verilator(large, 1).stages().get(0).seconds();
        assertTrue(build2 > build1 && build1 > 0);
        assertEquals(build1, ToolRunEstimate.verilator(small, 1_000_000).stages().get(0).seconds(), 1e-12);
    }
}
