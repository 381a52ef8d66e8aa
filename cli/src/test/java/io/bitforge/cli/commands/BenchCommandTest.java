package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.CliHarness;
import io.bitforge.core.io.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bench command runs its cases and reports their figures; it asserts no speed (that is what it measures). */
class BenchCommandTest {

    @Test
    void runsTheChosenCasesAndReportsRounds() throws Exception {
        CliHarness.Result r = CliHarness.run("bench", "--only", "gemm,hdl", "--warmup-seconds", "0", "--rounds", "2",
                "--round-seconds", "0.1", "--json", "-");
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode json = Json.mapper().readTree(r.stdout());
        assertEquals(2, json.at("/results").size());
        assertEquals("gemm", json.at("/results/0/name").asText());
        assertEquals("GEMM evaluations", json.at("/results/0/unit").asText());
        assertEquals("hdl", json.at("/results/1/name").asText());
        for (JsonNode result : json.at("/results")) {
            assertEquals(2, result.at("/roundsPerSecond").size());
            assertTrue(result.at("/minPerSecond").asDouble() > 0, result.toString());
            assertTrue(result.at("/minPerSecond").asDouble() <= result.at("/medianPerSecond").asDouble());
            assertTrue(result.at("/medianPerSecond").asDouble() <= result.at("/maxPerSecond").asDouble());
        }
    }

    @Test
    void theTextRatesHaveThreeSignificantDigitsAndTheTableFits120Columns() {
        CliHarness.Result r = CliHarness.run("bench", "--only", "gemm,hdl", "--warmup-seconds", "0", "--rounds", "1",
                "--round-seconds", "0.1");
        assertEquals(0, r.exitCode(), r.stderr());
        String rate = "(\\d{3}|\\d{2}\\.\\d|\\d\\.\\d{2})( [kMG])?";
        assertTrue(r.stdout().lines().anyMatch(line -> line.matches("  gemm +" + rate + " GEMM evaluations/s  \\(rounds "
                + rate + " \\.\\. " + rate + "; 1 thread.*")), r.stdout());
        assertTrue(r.stdout().lines().anyMatch(line -> line.matches("  hdl +" + rate + " cycles/s .*")), r.stdout());
        r.stdout().lines().forEach(line -> assertTrue(line.length() <= 120, line));
    }

    @Test
    void badInputsAreOneLineWithExitTwo() {
        CliHarness.Result only = CliHarness.run("bench", "--only", "gemm,fft");
        assertEquals(2, only.exitCode());
        assertEquals("bitforge: --only: must be among gemm, gemm-tiled, simulate, explore, explore-run, scalesim, "
                + "scalesim-conv, scalesim-llama, hdl, quantize, got 'fft'",
                only.stderr().strip());
        CliHarness.Result rounds = CliHarness.run("bench", "--rounds", "0");
        assertEquals(2, rounds.exitCode());
        assertEquals("bitforge: --rounds: must be 1..100, got 0", rounds.stderr().strip());
    }
}
