package io.bitforge.cli.commands;

import io.bitforge.cli.CliHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A cosimulation estimated past a minute is refused before any tool starts, with its estimate (issue 35). */
class CosimEstimateTest {
    @Test
    void anOversizedLadderIsRefusedWithItsEstimate() {
        // a 32x32 LUT-core array is 64 times the 4x4 one whose Verilator build alone takes over a minute
        CliHarness.Result r = CliHarness.run("cosim", "--pe", "lut", "--rows", "32", "--cols", "32",
                "--simulator", "both");
        assertEquals(2, r.exitCode(), r.stderr() + r.stdout());
        // the refusal is one line, the last
        List<String> lines = r.stderr().strip().lines().toList();
        String line = lines.get(lines.size() - 1);
        assertEquals(1, lines.stream().filter(l -> l.contains("refused")).count(), r.stderr());
        assertTrue(line.matches("bitforge: --yes: cosim: refused before starting: estimated about [0-9.]+ (h|days) "
                + "\\(verilator build .*\\), past the 60 s limit; make the run smaller \\(--rows/--cols, "
                + "--simulator java\\) or set this to run it anyway"), line);
        assertEquals("", r.stdout());
    }

    @Test
    void aRunOfMinutesIsRefusedToo() {
        // the 4x4 LUT core alone: its Verilator build was 76 CPU-seconds (docs/limits.md), past the minute
        CliHarness.Result r = CliHarness.run("cosim", "--hw", "lut-tc-int2", "--rows", "4", "--cols", "4",
                "--simulator", "verilator");
        assertEquals(2, r.exitCode(), r.stderr() + r.stdout());
        assertTrue(r.stderr().contains("bitforge: --yes: cosim: refused before starting: estimated about "),
                r.stderr());
        assertTrue(r.stderr().contains("past the 60 s limit"), r.stderr());
    }

    @Test
    void aSmallRunJustRunsAndSaysNothingAboutTime() {
        CliHarness.Result r = CliHarness.run("cosim", "--pe", "mac-int", "--rows", "2", "--cols", "2",
                "--simulator", "java", "--json", "-");
        assertEquals(0, r.exitCode(), r.stderr());
        assertFalse(r.stderr().contains("refused") || r.stderr().contains("estimated"), r.stderr());
    }
}
