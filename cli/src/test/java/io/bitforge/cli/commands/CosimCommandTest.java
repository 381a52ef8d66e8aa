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
 * {@code bitforge cosim} needs Icarus Verilog and Verilator (installed by scripts/install-toolchain.sh); without them
 * the command exits 2 and these tests fail rather than skip.
 */
class CosimCommandTest {

    @Test
    void arrayGemmMatchesTheProductAndBothSimulators(@TempDir Path dir) throws Exception {
        CliHarness.Result r = CliHarness.run("cosim", "--rows", "3", "--cols", "2", "--k", "5", "--seed", "4",
                "--simulator", "both", "--out", dir.toString(), "--json", "-");
        assertEquals(0, r.exitCode(), r.stderr() + r.stdout());
        JsonNode json = Json.mapper().readTree(r.stdout());
        assertTrue(json.at("/passed").asBoolean());
        assertTrue(json.at("/functionalCheck/passed").asBoolean());
        assertEquals(6, json.at("/functionalCheck/outputs").asInt());
        // K + R + C - 2 = 5 + 3 + 2 - 2 = 8 enabled cycles to the result
        assertEquals(8, json.at("/functionalCheck/cyclesToResult").asInt());
        // 2 reset cycles, 8 enabled, 3 idle
        assertEquals(13, json.at("/cycles").asInt());
        assertEquals("icarus", json.at("/runs/0/simulator").asText());
        assertEquals("verilator", json.at("/runs/1/simulator").asText());
        assertTrue(json.at("/runs/0/passed").asBoolean() && json.at("/runs/1/passed").asBoolean());
        assertTrue(Files.exists(dir.resolve("icarus/tb_systolic_os_r3_c2_d8_a32.v")), "kept with --out");
    }

    @Test
    void randomStimulusOnABuildingBlock() {
        CliHarness.Result r = CliHarness.run("cosim", "--design", "fifo", "--cycles", "120", "--seed", "3");
        assertEquals(0, r.exitCode(), r.stderr() + r.stdout());
        assertTrue(r.stdout().contains("122 cycles recorded"), r.stdout());
        assertTrue(r.stdout().lines().anyMatch(l -> l.startsWith("icarus") && l.contains("PASS")), r.stdout());
    }

    @Test
    void sameSeedSameJson() {
        String[] args = {"cosim", "--rows", "2", "--cols", "2", "--k", "3", "--json", "-"};
        assertEquals(CliHarness.run(args).stdout(), CliHarness.run(args).stdout());
    }

    @Test
    void badInputsAreOneLineWithExitTwo() {
        CliHarness.Result sim = CliHarness.run("cosim", "--simulator", "modelsim");
        assertEquals(2, sim.exitCode());
        assertEquals("bitforge: --simulator: must be one of icarus, verilator, both, got 'modelsim'",
                sim.stderr().strip());
        CliHarness.Result k = CliHarness.run("cosim", "--k", "0");
        assertEquals(2, k.exitCode());
        assertEquals("bitforge: --k: must be 1..4096, got 0", k.stderr().strip());
        CliHarness.Result cycles = CliHarness.run("cosim", "--design", "counter", "--cycles", "0");
        assertEquals("bitforge: --cycles: must be 1..100000, got 0", cycles.stderr().strip());
        CliHarness.Result design = CliHarness.run("cosim", "--design", "gpu");
        assertEquals(2, design.exitCode());
        assertFalse(design.stderr().contains("Exception"), design.stderr());
    }
}
