package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.CliHarness;
import io.bitforge.core.io.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bitforge gemm} on the ovp family's presets. */
class GemmOvpTest {
    private static JsonNode gemm(String... args) throws IOException {
        String[] all = new String[args.length + 3];
        all[0] = "gemm";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--json";
        all[args.length + 2] = "-";
        CliHarness.Result result = CliHarness.run(all);
        assertEquals(0, result.exitCode(), result.stderr());
        return Json.mapper().readTree(result.stdout());
    }

    @Test
    void w4a4PresetCountsTheDecoderStageAndEnergy() throws IOException {
        JsonNode out = gemm("--hw", "olive-w4a4", "--m", "64", "--k", "64", "--n", "64");
        assertEquals("ovp-int4", out.at("/gemm/weights").asText());
        assertEquals("ovp-int4", out.at("/gemm/activations").asText());
        // 2 x 2 folds of 64 + 32 + 32 - 2 + 1 (decoder stage) = 127 cycles; last-cycle index 4 * 127 - 1 = 507.
        assertEquals(127, out.at("/folds/cyclesEach").asLong());
        assertEquals(507, out.get("totalCycles").asLong());
        assertTrue(out.at("/energyPicojoules/DECODE").asDouble() > 0);
    }

    @Test
    void weightOnlyPresetRunsFp16Activations() throws IOException {
        JsonNode out = gemm("--hw", "olive-weight-only", "--m", "16", "--k", "4096", "--n", "4096");
        assertEquals("fp16", out.at("/gemm/activations").asText());
        assertEquals(4.5, out.at("/hardware/pe/params/effectiveWeightBits").asDouble());
        // 16 * 4096 * 4096 MACs x 0.053 pJ decode (BitMoD's OliVe PE minus its ANT PE), 28 nm, no scaling.
        assertEquals(16.0 * 4096 * 4096 * 0.053, out.at("/energyPicojoules/DECODE").asDouble(), 1e-3);
    }

    /**
     * Weights move at the effective width: 256 x 64 weights x 4.5 bits / 8 = 9216 bytes (the 4-bit code would be
     * 8192). Area: 36 x 32 PEs x 1318.6 um2 plus one ovp-int4 pair decoder per column the weights enter by (ws):
     * 32 x 92.036 um2 at 45 nm x Stillmaker & Baas's 45 -> 28 nm area factor 0.46^(2/3) x 0.21^(1/3).
     */
    @Test
    void weightOnlyWeightsMoveAtTheEffectiveWidthAndDecodersAddArea() throws IOException {
        JsonNode out = gemm("--hw", "olive-weight-only", "--m", "1", "--k", "256", "--n", "64");
        assertEquals(9216, out.at("/dramReads/filter").asLong());
        double to28 = Math.pow(0.46, 2.0 / 3) * Math.pow(0.21, 1.0 / 3);
        JsonNode units = out.get("areaByUnitSquareMicrometres");
        assertEquals(36 * 32 * 1318.6 + 32 * 92.036 * to28, units.get("pe-array").asDouble()
                + units.get("ovp-decoders").asDouble(), 1e-6);
        // the total adds the SRAM buffers, the vector unit and the per-channel output scalers at the array edge:
        // one FP32 multiplier per column (7700 um2 at 45 nm, Horowitz ISSCC 2014)
        assertEquals(32 * 7700 * to28, units.get("dequant").asDouble(), 1e-6);
        assertEquals(units.get("pe-array").asDouble() + units.get("ovp-decoders").asDouble()
                + units.get("sram").asDouble() + units.get("vector").asDouble() + units.get("dequant").asDouble(),
                out.get("areaSquareMicrometres").asDouble(), 1e-6);
    }

    @Test
    void peOptionSwitchesToOvpWithEightBitOperands() throws IOException {
        JsonNode out = gemm("--pe", "ovp", "--wbits", "8", "--abits", "8", "--m", "8", "--k", "8", "--n", "8");
        assertEquals("ovp-int8", out.at("/gemm/weights").asText());
        assertEquals("w4a4", out.at("/hardware/pe/params/mode").asText());
    }
}
