package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.CliHarness;
import io.bitforge.core.io.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code bitforge gemm --pe bitfusion}: the family's options reach its parameters and its timing. */
class GemmBitFusionTest {

    @Test
    void fourBitGemmOnTheBitFusionPreset() throws IOException {
        CliHarness.Result result = CliHarness.run("gemm", "--hw", "bitfusion-45nm", "--pe", "bitfusion", "--wbits",
                "4", "--abits", "4", "--m", "64", "--k", "100", "--n", "128", "--json", "-");
        assertEquals(0, result.exitCode(), result.stderr());
        JsonNode out = Json.mapper().readTree(result.stdout());
        assertEquals("bitfusion", out.at("/hardware/pe/family").asText());
        assertEquals(4, out.at("/hardware/pe/params/weightBits").asInt());
        assertEquals("int4", out.at("/gemm/weights").asText());
        // 16x32 os array, 4x4 products per unit (2 rows of A x 2 columns of B): 2 x 2 folds of
        // 100 + 16 + 32 - 2 = 146 cycles = 584 cycles; SCALE-Sim reports the last cycle's index, 583.
        assertEquals(583, out.get("totalCycles").asLong());
        assertEquals(146, out.at("/folds/cyclesEach").asLong());
        // 819200 MACs x 344.3 uW / 500 MHz / 4 products = 819200 x 0.17215 pJ
        assertEquals(141025.28, out.at("/energyPicojoules/MAC").asDouble(), 1e-6);
    }

    @Test
    void unsupportedWidthIsBadInput() {
        CliHarness.Result result = CliHarness.run("gemm", "--pe", "bitfusion", "--wbits", "3", "--m", "1", "--k",
                "1", "--n", "1");
        assertEquals(2, result.exitCode());
        assertEquals("bitforge: --wbits/--abits: hardware.pe.params.weightBits: must be one of 2, 4, 8, got 3",
                result.stderr().strip());
    }
}
