package io.bitforge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.core.io.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListHardwareTest {
    @Test
    void tableListsTheBuiltInDesigns() {
        CliHarness.Result result = CliHarness.run("list", "hardware");
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().contains("tpu-like-int8"), result.stdout());
        assertTrue(result.stdout().contains("olive-w4a4"), result.stdout());
        assertTrue(result.stdout().strip().endsWith("15 hardware"), result.stdout());
    }

    @Test
    void jsonCarriesEachPresetsShapeAndSource() throws Exception {
        CliHarness.Result result = CliHarness.run("list", "hardware", "--json", "-");
        assertEquals(0, result.exitCode(), result.stderr());
        JsonNode tpu = null;
        for (JsonNode node : Json.mapper().readTree(result.stdout())) {
            if (node.get("id").asText().equals("tpu-like-int8")) {
                tpu = node;
            }
        }
        // the preset file: a 32x32 output-stationary mac-int array at 1 GHz, 28 nm
        assertEquals("mac-int", tpu.get("family").asText());
        assertEquals("32x32", tpu.get("array").asText());
        assertEquals("os", tpu.get("dataflow").asText());
        assertEquals(1000.0, tpu.get("clockMegahertz").asDouble());
        assertEquals("28nm", tpu.get("node").asText());
        assertEquals("A TPU-like INT8 baseline", tpu.get("description").asText());
    }
}
