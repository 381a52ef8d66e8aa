package io.bitforge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.core.io.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListMemoriesTest {
    @Test
    void tableListsEveryPresetWithItsFigures() {
        CliHarness.Result result = CliHarness.run("list", "memories");
        assertEquals(0, result.exitCode(), result.stderr());
        for (String id : List.of("ddr4-3200", "lpddr4x", "lpddr5", "gddr6", "hbm2", "hbm2e", "hbm3")) {
            assertTrue(result.stdout().contains(id), result.stdout());
        }
        // peakGigabytesPerSecond, headed with its unit as a symbol.
        assertTrue(result.stdout().contains("peak GB/s"), result.stdout());
        assertTrue(result.stdout().contains("409.6"), result.stdout()); // HBM2E: 1024 bit x 3.2 Gb/s / 8
        assertTrue(result.stdout().strip().endsWith("7 memories"), result.stdout());
    }

    @Test
    void jsonCarriesFiguresAndTheirSources() throws Exception {
        CliHarness.Result result = CliHarness.run("list", "memories", "--json", "-");
        assertEquals(0, result.exitCode(), result.stderr());
        JsonNode array = Json.mapper().readTree(result.stdout());
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.get("id").asText()));
        JsonNode hbm3 = array.get(ids.indexOf("hbm3"));
        // 1024 bit x 6.4 Gb/s / 8 = 819.2 GB/s
        assertEquals(819.2, hbm3.get("peakGigabytesPerSecond").asDouble(), 1e-9);
        assertEquals(32, hbm3.get("burstBytes").asInt());
        assertTrue(hbm3.get("figureSources").get("gigabitsPerSecondPerPin").asText().contains("JESD238"));
        assertTrue(hbm3.get("figureSources").get("picojoulesPerBit").asText().endsWith("(estimate)"));
        assertTrue(hbm3.get("estimates").toString().contains("sustainedEfficiency"));
    }
}
