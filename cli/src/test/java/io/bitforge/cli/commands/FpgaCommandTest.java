package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.CliHarness;
import io.bitforge.core.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bitforge fpga} needs Yosys, nextpnr-ice40 and IceStorm (installed by scripts/install-toolchain.sh); without
 * them the command exits 2 and this test fails rather than skips.
 */
class FpgaCommandTest {

    @Test
    void twoByTwoArrayToAnUp5kBitstream(@TempDir Path dir) throws Exception {
        CliHarness.Result r = CliHarness.run("fpga", "--rows", "2", "--cols", "2", "--out", dir.toString(),
                "--json", "-");
        assertEquals(0, r.exitCode(), r.stderr());
        // estimated well within the minute (about 5 s of tools): it just runs, with no word about time
        assertFalse(r.stderr().contains("refused") || r.stderr().contains("estimated"), r.stderr());
        JsonNode json = Json.mapper().readTree(r.stdout());
        assertEquals("top_systolic_os_r2_c2_d8_a32", json.at("/top").asText());
        // one signed 8x8 product per PE on an SB_MAC16; the UP5K has 8 of them and 5280 logic cells (Lattice iCE40
        // UltraPlus family data sheet)
        assertEquals(4, json.at("/cells/SB_MAC16").asInt());
        assertEquals(4, json.at("/utilization/ICESTORM_DSP/used").asInt());
        assertEquals(8, json.at("/utilization/ICESTORM_DSP/available").asInt());
        assertEquals(5280, json.at("/utilization/ICESTORM_LC/available").asInt());
        assertTrue(json.at("/meetsClock").asBoolean(), "12 MHz is met: " + json.at("/clocks"));
        // every UP5K bitstream has the same size, 104 090 bytes (research notes, toolchain measurements)
        assertEquals(104_090, json.at("/bitstreamBytes").asLong());
        assertEquals(104_090, Files.size(dir.resolve("top.bin")));
        assertEquals("set_io clk 35\n", Files.readString(dir.resolve("board.pcf")));
        // every build writes fpga-report.json, the same object --json prints
        assertEquals(r.stdout().strip(), Files.readString(dir.resolve("fpga-report.json")).strip());
        assertEquals("auto", json.at("/multipliers/mapping").asText());
        assertEquals(4, json.at("/multipliers/count").asInt());
        assertEquals(0, json.at("/multipliers/inLogic").asInt());
        assertEquals(json.at("/utilization/ICESTORM_LC/used").asInt(), json.at("/resources/logicCells/used").asInt());
        assertEquals(50.0, json.at("/resources/dspBlocks/percent").asDouble());
        // 2x2 PEs with 8-bit a, b registers and a 32-bit accumulator each: at least 4 x 48 flip-flops
        assertTrue(json.at("/resources/flipFlops").asInt() >= 4 * 48, json.at("/resources").toString());
        assertEquals(30, json.at("/resources/blockRams/available").asInt());
        assertTrue(json.at("/icetimeMegahertz").asDouble() > 12);
        // one clock, undivided: it runs the core, and the board clock's figure is the same
        assertEquals(1, json.at("/clocks").size(), json.at("/clocks").toString());
        assertEquals("core", json.at("/clocks/0/role").asText());
        assertEquals(12.0, json.at("/clocks/0/targetMegahertz").asDouble());
        assertEquals(1, json.at("/coreClockDivider").asInt());
        assertEquals(json.at("/clocks/0/nextpnrMegahertz").asDouble(), json.at("/coreFmaxMegahertz").asDouble());
        assertEquals(json.at("/coreFmaxMegahertz").asDouble(), json.at("/boardClockFmaxMegahertz").asDouble());
    }

    @Test
    void ecp5EstimateIsYosysOnlyAndLabelled(@TempDir Path dir) throws Exception {
        CliHarness.Result r = CliHarness.run("fpga", "--device", "ecp5", "--estimate-only", "--rows", "2", "--cols",
                "2", "--out", dir.toString(), "--json", "-");
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode json = Json.mapper().readTree(r.stdout());
        assertTrue(json.at("/estimate").asBoolean());
        assertEquals("LFE5U-25F", json.at("/referencePart").asText());
        // one signed 8x8 product per PE on an ECP5 18x18 multiplier; the LFE5U-25F has 28 (ECP5 data sheet)
        assertEquals(4, json.at("/resources/dspBlocks/used").asInt());
        assertEquals(28, json.at("/resources/dspBlocks/available").asInt());
        assertTrue(json.at("/fmaxMegahertz").isMissingNode(), "an estimate has no Fmax");
        assertTrue(Files.isRegularFile(dir.resolve("fpga-report.json")));
    }

    @Test
    void maxArrayWithDspMultipliersFindsTwoByFourOnTheUp5k(@TempDir Path dir) throws Exception {
        // one INT8 multiplier per mac-int PE and 8 SB_MAC16 on the UP5K: 2x2 fits, 3x3 (9) cannot; the rectangles
        // between (1x5, 2x3, 1x6, 1x7, 2x4, 1x8) need at most 8 DSPs and a fifth of the logic, so all fit and the
        // first with 8 PEs, 2x4, is the largest
        // its worst case (every size it may try) is past the minute, so it needs --yes, and says its estimate
        CliHarness.Result r = CliHarness.run("fpga", "--max-array", "--pe", "mac-int", "--multipliers", "dsp",
                "--out", dir.toString(), "--json", "-", "--yes");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("bitforge: fpga: estimated about "), r.stderr());
        JsonNode json = Json.mapper().readTree(r.stdout());
        assertEquals(2, json.at("/rows").asInt());
        assertEquals(4, json.at("/cols").asInt());
        assertEquals(8, json.at("/dspBlocks/used").asInt());
        assertTrue(Files.isRegularFile(dir.resolve("2x4/fpga-report.json")));
        assertTrue(Files.isRegularFile(dir.resolve("max-array.json")));
        boolean threeFailed = false;
        for (JsonNode attempt : json.at("/attempts")) {
            if (attempt.at("/rows").asInt() == 3 && attempt.at("/cols").asInt() == 3) {
                threeFailed = !attempt.at("/fits").asBoolean() && attempt.at("/reason").asText().contains("DSP");
            }
        }
        assertTrue(threeFailed, json.at("/attempts").toString());
    }

    @Test
    void areaTableIsByteIdenticalOnRerun() {
        CliHarness.Result first = CliHarness.run("fpga", "--area-table", "--pe", "mac-int", "--json", "-");
        assertEquals(0, first.exitCode(), first.stderr());
        CliHarness.Result second = CliHarness.run("fpga", "--area-table", "--pe", "mac-int", "--json", "-");
        assertEquals(first.stdout(), second.stdout());
        assertTrue(first.stdout().contains("\"ratioToMacIntInt8\" : 1.0"), first.stdout());
    }

    @Test
    void ramReachesABitstreamOnBothParts(@TempDir Path dir) throws Exception {
        for (String device : new String[] {"hx8k", "up5k"}) {
            Path out = dir.resolve(device);
            CliHarness.Result r = CliHarness.run("fpga", "--design", "ram", "--device", device, "--out",
                    out.toString(), "--json", "-");
            assertEquals(0, r.exitCode(), r.stderr());
            JsonNode json = Json.mapper().readTree(r.stdout());
            // 256 x 8 words in one 4-kbit block RAM; pins: clk, we, re, two 8-bit addresses, 8 bits in and out = 35
            assertEquals(1, json.at("/utilization/ICESTORM_RAM/used").asInt());
            assertEquals(35, json.at("/utilization/SB_IO/used").asInt());
            // every path ends at a pin or the block RAM: nextpnr has no Fmax, icetime's pin-to-pin figure decides
            assertTrue(json.at("/coreFmaxMegahertz").isNull(), json.toString());
            assertEquals(0, json.at("/clocks").size(), json.toString());
            assertTrue(json.at("/icetimeMegahertz").asDouble() > 12, json.toString());
            // bitstream sizes are fixed per part: UP5K 104 090, HX8K 135 100 bytes (toolchain measurements)
            assertEquals(device.equals("up5k") ? 104_090 : 135_100, Files.size(out.resolve("top.bin")));
        }
    }

    /**
     * One bitstream per board, a 1x1 array each: the top level's pins are exactly the board file's (clock, UART
     * receive and transmit, the LEDs) and nextpnr runs without --pcf-allow-unconstrained.
     */
    @Test
    void boardTopLevelsPlaceWithEveryPinConstrained(@TempDir Path dir) throws Exception {
        // MixPE's W4A8 preset by name: --pe shift-add alone takes the family's first preset with RTL, W4A16, whose
        // FP16 cell does not reach the board's 12 MHz
        String[][] cases = {{"icebreaker", "--pe", "mac-int", "5", "104090"},
                {"hx8k-breakout", "--hw", "mixpe-w4a8", "11", "135100"}};
        for (String[] c0 : cases) {
            String[] c = {c0[0], c0[2], c0[3], c0[4]};
            Path out = dir.resolve(c[0]);
            // a board core may be priced past the minute; this test is about pins, so --yes
            CliHarness.Result r = CliHarness.run("fpga", c0[1], c[1], "--board", c[0], "--rows", "1", "--cols", "1",
                    "--out", out.toString(), "--json", "-", "--yes");
            assertEquals(0, r.exitCode(), r.stderr());
            JsonNode json = Json.mapper().readTree(r.stdout());
            assertEquals(c[0].replace('-', '_') + "_top", json.at("/top").asText());
            assertEquals(c[0], json.at("/board").asText());
            // iCEBreaker: clk, uart_rx, uart_tx, two LEDs; HX8K breakout: the same with eight LEDs
            assertEquals(Integer.parseInt(c[2]), json.at("/utilization/SB_IO/used").asInt());
            assertTrue(json.at("/meetsClock").asBoolean(), json.toString());
            assertEquals(Long.parseLong(c[3]), Files.size(out.resolve("top.bin")));
            String pcf = Files.readString(out.resolve("board.pcf"));
            assertTrue(pcf.contains("# Source: "), pcf);
            assertEquals(Integer.parseInt(c[2]), pcf.lines().filter(l -> l.startsWith("set_io ")).count());
        }
    }

    @Test
    void boardNeedsAPeArrayAndItsOwnPart(@TempDir Path dir) {
        CliHarness.Result noPe = CliHarness.run("fpga", "--board", "icebreaker", "--out", dir.toString());
        assertEquals(2, noPe.exitCode());
        assertEquals("bitforge: --board: needs --pe FAMILY or --hw SPEC|PRESET (the board top level runs a PE array), "
                + "got 'icebreaker'", noPe.stderr().strip());
        CliHarness.Result part = CliHarness.run("fpga", "--pe", "mac-int", "--board", "icebreaker", "--device", "hx8k",
                "--out", dir.toString());
        assertEquals(2, part.exitCode());
        assertEquals("bitforge: --device: must be left out or be up5k with --board icebreaker, got 'hx8k'",
                part.stderr().strip());
    }

    @Test
    void badInputsAreOneLineWithExitTwo(@TempDir Path dir) {
        CliHarness.Result device = CliHarness.run("fpga", "--device", "xc7a35t", "--out", dir.toString());
        assertEquals(2, device.exitCode());
        assertEquals("bitforge: --device: must be one of up5k, hx8k, ecp5 (--estimate-only), xc7 (--estimate-only), "
                + "got 'xc7a35t'", device.stderr().strip());
        CliHarness.Result clock = CliHarness.run("fpga", "--clock-mhz", "0", "--out", dir.toString());
        assertEquals(2, clock.exitCode());
        assertEquals("bitforge: --clock-mhz: must be > 0 and <= 1000, got 0.0", clock.stderr().strip());
    }

    @Test
    void targetIsAnotherSpellingOfDevice(@TempDir Path dir) throws Exception {
        // the acceptance spelling; the same 256 x 8 RAM as --device hx8k, HX8K bitstreams are 135 100 bytes
        CliHarness.Result r = CliHarness.run("fpga", "--design", "ram", "--target", "ice40-hx8k", "--out",
                dir.toString(), "--json", "-");
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode json = Json.mapper().readTree(r.stdout());
        assertEquals("hx8k", json.at("/device").asText(), json.toString());
        assertEquals(135_100, Files.size(dir.resolve("top.bin")));
        // agreeing spellings are accepted
        CliHarness.Result same = CliHarness.run("fpga", "--device", "ecp5", "--target", "ecp5", "--estimate-only",
                "--rows", "1", "--cols", "1", "--out", dir.resolve("ecp5").toString(), "--json", "-");
        assertEquals(0, same.exitCode(), same.stderr());
    }

    @Test
    void badTargetsAreOneLineWithExitTwo(@TempDir Path dir) {
        CliHarness.Result unknown = CliHarness.run("fpga", "--target", "hx8k", "--out", dir.toString());
        assertEquals(2, unknown.exitCode());
        assertEquals("bitforge: --target: must be one of ice40-up5k, ice40-hx8k, ecp5, xc7, got 'hx8k'",
                unknown.stderr().strip());
        CliHarness.Result clash = CliHarness.run("fpga", "--device", "up5k", "--target", "ice40-hx8k", "--out",
                dir.toString());
        assertEquals(2, clash.exitCode());
        assertEquals("bitforge: --target: names another part than --device up5k; give one of them, got 'ice40-hx8k'",
                clash.stderr().strip());
        CliHarness.Result board = CliHarness.run("fpga", "--pe", "mac-int", "--board", "icebreaker", "--target",
                "ice40-hx8k", "--out", dir.toString());
        assertEquals(2, board.exitCode());
        assertEquals("bitforge: --target: must be left out or be ice40-up5k with --board icebreaker, got 'ice40-hx8k'",
                board.stderr().strip());
    }

    /**
     * mac-fp's FP16 cell misses 12 MHz (3.7 MHz at 1x1), so its board build divides the clock by 4: nextpnr checks
     * the core against 12 / 4 = 3 MHz and the divider against the board's 12 MHz, and both must pass.
     */
    @Test
    void macFpBoardBuildRunsItsCoreOnADividedClock(@TempDir Path dir) throws Exception {
        // priced at about 88 s (the FP16 cell's size), past the minute: --yes
        CliHarness.Result r = CliHarness.run("fpga", "--pe", "mac-fp", "--board", "icebreaker", "--rows", "1",
                "--cols", "1", "--out", dir.toString(), "--json", "-", "--yes");
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode json = Json.mapper().readTree(r.stdout());
        assertEquals(4, json.at("/coreClockDivider").asInt());
        assertEquals(3.0, json.at("/coreClockMegahertz").asDouble());
        assertTrue(Files.readString(dir.resolve("board.pcf")).endsWith("set_frequency core_clk_q 3.0\n"));
        assertEquals(2, json.at("/clocks").size(), json.toString());
        for (JsonNode clock : json.at("/clocks")) {
            assertTrue(clock.at("/meets").asBoolean() && clock.at("/nextpnrMegahertz").asDouble()
                    >= clock.at("/targetMegahertz").asDouble(), json.at("/clocks").toString());
        }
        // nextpnr names the divided clock after its flip-flop; the core's figures are the top-level ones
        JsonNode board = json.at("/clocks/0");
        JsonNode core = json.at("/clocks/1");
        assertEquals("board", board.at("/role").asText(), json.at("/clocks").toString());
        assertEquals(12.0, board.at("/targetMegahertz").asDouble());
        assertTrue(board.at("/icetimeMegahertz").isNull());
        assertEquals("core", core.at("/role").asText());
        assertTrue(core.at("/name").asText().startsWith("core_clk_q"), core.toString());
        assertEquals(3.0, core.at("/targetMegahertz").asDouble());
        assertEquals(core.at("/nextpnrMegahertz").asDouble(), json.at("/coreFmaxMegahertz").asDouble());
        assertEquals(board.at("/nextpnrMegahertz").asDouble(), json.at("/boardClockFmaxMegahertz").asDouble());
        assertTrue(json.at("/icetimeMegahertz").asDouble() >= 3.0, json.toString());
        assertEquals(json.at("/icetimeMegahertz").asDouble(), core.at("/icetimeMegahertz").asDouble());
        assertTrue(json.at("/meetsClock").asBoolean(), json.toString());
        assertEquals(104_090, Files.size(dir.resolve("top.bin")));
    }
}
