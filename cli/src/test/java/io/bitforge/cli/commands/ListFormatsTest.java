package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.CliHarness;
import io.bitforge.core.io.Json;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bitforge list formats --json -}: every DESIGN.md format id with its bits and grid. */
class ListFormatsTest {
    @Test
    void listsEveryFormatWithBitsAndGrids() throws Exception {
        CliHarness.Result result = CliHarness.run("list", "formats", "--json", "-");
        assertEquals(0, result.exitCode(), result.stderr());
        Map<String, JsonNode> byId = new HashMap<>();
        Json.mapper().readTree(result.stdout()).forEach(n -> byId.put(n.get("id").asText(), n));
        for (String id : List.of("int4", "sm-int4", "uint8", "fp16", "bf16", "fp8-e4m3", "fp8-e5m2", "fp6-e2m3",
                "fp6-e3m2", "fp4-e2m1", "flint4", "uflint4", "bitmod-fp3-er+", "bitmod-fp3-er-", "bitmod-fp3-ea+",
                "bitmod-fp3-ea-", "bitmod-fp4-er+", "bitmod-fp4-er-", "bitmod-fp4-ea+", "bitmod-fp4-ea-", "bitmod-mix3",
                "bitmod-mix4", "ovp-int4", "ovp-flint4", "ovp-int8", "bcq3", "bcq3-pot", "ternary")) {
            assertTrue(byId.containsKey(id), id);
            assertTrue(byId.get(id).get("bits").isInt(), id);
        }
        assertEquals("[\"int4\",\"flint4\",\"pot4\"]", byId.get("ant4").get("candidates").toString());
        assertEquals(4, byId.get("ant4").get("bits").asInt());
        // E4M3: 256 codes − 2 NaN − the duplicate −0 = 253 values from −448 to 448 (OCP OFP8 Table 1).
        JsonNode e4m3 = byId.get("fp8-e4m3").get("grid");
        assertEquals(253, e4m3.size());
        assertEquals(-448.0, e4m3.get(0).asDouble());
        assertEquals(448.0, e4m3.get(252).asDouble());
        // E5M2: 256 − 2 infinities − 6 NaN − duplicate zero = 247 values, max 57344.
        assertEquals(247, byId.get("fp8-e5m2").get("grid").size());
        assertEquals(57344.0, byId.get("fp8-e5m2").get("grid").get(246).asDouble());
        assertEquals("[-1.0,0.0,1.0]", byId.get("ternary").get("grid").toString());
        assertEquals(8, byId.get("int8").get("bits").asInt());
        assertEquals(256, byId.get("int8").get("grid").size());
        assertFalse(byId.get("int16").has("grid"), "no grid above 8 bits");
        assertEquals(14, byId.get("ovp-int4").get("outlierGrid").size());
    }
}
