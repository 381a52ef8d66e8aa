package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.CliHarness;
import io.bitforge.core.io.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdcStudyCommandTest {
    private static final String[] SMALL = {"adc-study", "--synthetic", "gaussian", "--rows", "16", "--cols", "160",
            "--seed", "5", "--tokens", "2"};

    private static CliHarness.Result run(String... extra) {
        String[] args = new String[SMALL.length + extra.length];
        System.arraycopy(SMALL, 0, args, 0, SMALL.length);
        System.arraycopy(extra, 0, args, SMALL.length, extra.length);
        return CliHarness.run(args);
    }

    @Test
    void isaacLikeSchemesThroughTheCommand() throws IOException {
        CliHarness.Result r = run("--hw", "isaac-like", "--json", "-");
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode root = Json.mapper().readTree(r.stdout());
        assertEquals(8, root.get("adcBits").asInt());
        assertEquals(8, root.get("requiredAdcBits").asInt());
        // 160 inputs -> row tiles of 128 and 32 rows: 2 partitions; 16 outputs x 8 slices; 16 input cycles; 2 vectors
        assertEquals(2L * 16 * 2 * 16 * 8, root.get("conversions").asLong());
        JsonNode full = root.get("schemes").get(0);
        JsonNode skip = root.get("schemes").get(1);
        assertEquals("full", full.get("scheme").asText());
        assertEquals(9.0, full.get("meanComparatorCycles").asDouble(), 0.0);
        assertTrue(full.get("sqnrDecibels").isNull(), "8 bits with flip encoding read 128 rows exactly");
        assertTrue(skip.get("sqnrDecibels").isNull(), "skipping is lossless");
        assertTrue(skip.get("meanComparatorCycles").asDouble() <= 9.0);
        assertEquals(9.0 / skip.get("meanComparatorCycles").asDouble(), skip.get("adcEnergyReduction").asDouble(),
                1e-12);
        assertEquals(skip.get("meanComparatorCycles").asDouble(), root.get("offlineSkipComparatorCycles").asDouble(),
                1e-12, "skipping depends on the stored weights only");
        assertEquals(r.stdout(), run("--hw", "isaac-like", "--json", "-").stdout(), "deterministic");
    }

    @Test
    void tableNamesTheSchemes() {
        CliHarness.Result r = run("--hw", "neurosim-default");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("two-interval"), r.stdout());
        assertTrue(r.stdout().contains("expectedComparatorCycles"), r.stdout());
    }

    @Test
    void badInputs() {
        CliHarness.Result notReram = run("--hw", "tpu-like-int8");
        assertEquals(2, notReram.exitCode());
        assertEquals("bitforge: --hw: must be a reram design (pe.family: reram; this one is mac-int), "
                + "got 'tpu-like-int8'",
                notReram.stderr().strip().replace("\r", ""));
        CliHarness.Result both = CliHarness.run("adc-study", "--hw", "isaac-like");
        assertEquals(2, both.exitCode());
        assertTrue(both.stderr().contains("give exactly one of"), both.stderr());
        assertEquals(2, run("--tokens", "0").exitCode());
        CliHarness.Result kind = CliHarness.run("adc-study", "--synthetic", "uniform");
        assertEquals(2, kind.exitCode());
        assertTrue(kind.stderr().contains("--synthetic"), kind.stderr());
    }
}
