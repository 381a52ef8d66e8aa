package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.CliHarness;
import io.bitforge.core.io.Json;
import io.bitforge.verilog.tools.ToolRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bitforge fpga-run --simulate}: the host side against the iCEBreaker top level in Icarus (a bit-level UART
 * testbench at 104 cycles a bit); needs iverilog and vvp (scripts/install-toolchain.sh), else exit 2 and this test
 * fails rather than skips. Bad inputs exit 2 with one line.
 */
class FpgaRunCommandTest {

    @Test
    void simulatedBoardMatchesTheModels(@TempDir Path dir) throws Exception {
        CliHarness.Result r = CliHarness.run("fpga-run", "--simulate", "--pe", "mac-int", "--board", "icebreaker",
                "--rows", "1", "--cols", "1", "--seed", "3", "--out", dir.toString(), "--json", "-");
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode json = Json.mapper().readTree(r.stdout());
        assertTrue(json.at("/passed").asBoolean(), r.stdout());
        // by hand: a 1x1 array, K = 4 steps; a fold lasts 4 + 1 + 1 - 2 = 4 steps, the engine reports cycle index 3,
        // the RTL adds 4
        assertEquals(7, json.at("/cycles/board").asLong());
        assertEquals(7, json.at("/cycles/model").asLong());
        assertEquals(0, json.at("/mismatches").asInt());
        assertEquals("icarus", json.at("/link").asText());
        assertTrue(Files.isRegularFile(dir.resolve("bench_replies.txt")));
    }

    /**
     * mac-fp's core runs on the board clock divided by 4 (26 core cycles a UART bit): the bench still plays 104
     * board cycles a bit, and the count read back is in core cycles, the same hand-derived 3 + 4 as mac-int's.
     */
    @Test
    void simulatedMacFpOnItsDividedClockMatchesTheModels(@TempDir Path dir) throws Exception {
        CliHarness.Result r = CliHarness.run("fpga-run", "--simulate", "--pe", "mac-fp", "--board", "icebreaker",
                "--rows", "1", "--cols", "1", "--out", dir.toString(), "--json", "-");
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode json = Json.mapper().readTree(r.stdout());
        assertTrue(json.at("/passed").asBoolean(), r.stdout());
        assertEquals(7, json.at("/cycles/board").asLong());
        assertEquals(0, json.at("/mismatches").asInt());
        assertTrue(Files.readString(dir.resolve("icebreaker_top.v")).contains("core_clk_q"));
    }

    @Test
    void badInputsAreOneLineWithExitTwo(@TempDir Path dir) {
        CliHarness.Result missing = CliHarness.run("fpga-run", "--port", dir.resolve("ttyUSB9").toString(),
                "--pe", "mac-int", "--board", "icebreaker");
        assertEquals(2, missing.exitCode());
        assertEquals("bitforge: --port: must be an existing serial device (is the board plugged in? the FTDI's "
                + "second channel is usually /dev/ttyUSB1), got " + dir.resolve("ttyUSB9"), missing.stderr().strip());
        CliHarness.Result neither = CliHarness.run("fpga-run", "--pe", "mac-int", "--board", "icebreaker");
        assertEquals(2, neither.exitCode());
        assertEquals("bitforge: fpga-run: give exactly one of --port DEV and --simulate", neither.stderr().strip());
        CliHarness.Result board = CliHarness.run("fpga-run", "--simulate", "--pe", "mac-int", "--board", "de10");
        assertEquals(2, board.exitCode());
        assertEquals("bitforge: --board: must be one of icebreaker, hx8k-breakout, got 'de10'",
                board.stderr().strip());
        CliHarness.Result noDesign = CliHarness.run("fpga-run", "--simulate", "--board", "icebreaker");
        assertEquals(2, noDesign.exitCode());
        assertEquals("bitforge: fpga-run: give --pe FAMILY or --hw SPEC|PRESET, as the bitstream was built",
                noDesign.stderr().strip());
        CliHarness.Result timeout = CliHarness.run("fpga-run", "--simulate", "--pe", "mac-int", "--board",
                "icebreaker", "--timeout-ms", "0");
        assertEquals(2, timeout.exitCode());
        assertEquals("bitforge: --timeout-ms: must be >= 1, got 0", timeout.stderr().strip());
    }

    /**
     * A bench that runs out of time is a tool problem, not an internal error: one line naming the bench and the
     * tool, exit 2. A 1 s limit stops Icarus long before a K = 512 tile has been sent (8 buffers of 512 words at
     * 1,040 board cycles a byte is over 4 million cycles).
     */
    @Test
    void aBenchThatRunsOutOfTimeIsOneLineWithExitTwo() {
        CliHarness.Result r;
        try {
            r = CliHarness.run("--tool-timeout", "1", "fpga-run", "--simulate", "--pe", "mac-int", "--board",
                    "icebreaker", "--k", "512");
        } finally {
            // the option sets a process-wide property; later tests in this JVM run with the tools' own limits
            System.clearProperty(ToolRunner.TIMEOUT_PROPERTY);
        }
        assertEquals(2, r.exitCode(), r.stderr());
        String line = r.stderr().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.matches("bitforge: fpga-run --simulate: the UART bench \\((iverilog|vvp), Icarus\\) was "
                + "stopped after [0-9]+ s, before the host's exchanges were done \\(raise --tool-timeout SECONDS\\) "
                + "\\(add --out DIR to keep the bench's Verilog and log\\)"),
                line);
    }
}
