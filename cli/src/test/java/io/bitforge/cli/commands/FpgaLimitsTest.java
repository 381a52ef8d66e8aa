package io.bitforge.cli.commands;

import io.bitforge.cli.CliHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bitforge fpga} prices Yosys, nextpnr-ice40, icepack and icetime from the design's size before any of them
 * starts and refuses a run estimated past a minute unless --yes (issue 35). Nothing here runs a tool.
 */
class FpgaLimitsTest {
    private static final String SHAPE = "bitforge: --yes: fpga: refused before starting: estimated about [0-9.]+ "
            + "(s|min|h|days) \\(%s [0-9.]+ (s|min|h|days).*\\), past the 60 s limit; make the run smaller "
            + "\\(%s\\) or set this to run it anyway";

    @Test
    void anOversizedBuildIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws IOException {
        // 16 LUT-core PEs behind the read-out top: over a million bit operations for Yosys and nextpnr
        Path out = dir.resolve("build");
        CliHarness.Result r = CliHarness.run("fpga", "--pe", "lut", "--rows", "4", "--cols", "4", "--out",
                out.toString());
        assertEquals(2, r.exitCode(), r.stderr() + r.stdout());
        String line = r.stderr().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(line.matches(String.format(SHAPE, "(nextpnr place and route|yosys synthesis)",
                "--rows/--cols, a smaller --pe/--hw precision")), line);
        assertEquals("", r.stdout());
        assertTrue(!Files.exists(out) || isEmpty(out), "no Verilog written for a refused run");
    }

    @Test
    void aMaxArraySearchIsPricedBeforeItsFirstSynthesis(@TempDir Path dir) throws IOException {
        // the LUT core's estimate step alone synthesises its 3x3 and 4x4 arrays (auto multipliers on the UP5K)
        CliHarness.Result r = CliHarness.run("fpga", "--max-array", "--pe", "lut", "--out", dir.toString());
        assertEquals(2, r.exitCode(), r.stderr() + r.stdout());
        String line = r.stderr().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(line.matches(String.format(SHAPE, "yosys synthesis",
                "build one size with --rows/--cols instead of --max-array")), line);
        assertTrue(isEmpty(dir), "no tool ran");
    }

    @Test
    void aYosysOnlyEstimateIsPricedToo(@TempDir Path dir) throws IOException {
        CliHarness.Result r = CliHarness.run("fpga", "--device", "ecp5", "--estimate-only", "--pe", "lut", "--rows",
                "4", "--cols", "4", "--out", dir.toString());
        assertEquals(2, r.exitCode(), r.stderr() + r.stdout());
        String line = r.stderr().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(line.matches(String.format(SHAPE, "yosys synthesis",
                "--rows/--cols, a smaller --pe/--hw precision")), line);
        assertTrue(isEmpty(dir), "no tool ran");
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }
}
