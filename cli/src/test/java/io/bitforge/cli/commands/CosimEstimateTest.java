package io.bitforge.cli.commands;

import io.bitforge.cli.CliHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A cosimulation that would take hours is refused before any tool starts, with its estimate (issue: reliability). */
class CosimEstimateTest {
    @Test
    void anOversizedLadderIsRefusedWithItsEstimate() {
        // a 32x32 LUT-core array is 64 times the 4x4 one whose Verilator build alone takes minutes
        CliHarness.Result r = CliHarness.run("cosim", "--pe", "lut", "--rows", "32", "--cols", "32",
                "--simulator", "both");
        assertEquals(2, r.exitCode(), r.stderr() + r.stdout());
        // the presets' stand-in notes may come first; the refusal is one line, the last
        List<String> lines = r.stderr().strip().lines().toList();
        String line = lines.get(lines.size() - 1);
        assertEquals(1, lines.stream().filter(l -> l.contains("refused")).count(), r.stderr());
        assertTrue(line.matches("bitforge: cosim: refused before starting: estimated about [0-9.]+ h \\(verilator "
                + "build .*\\), past the 10\\.0 min limit; .* or add --yes to run it anyway"), line);
        assertEquals("", r.stdout());
    }
}
