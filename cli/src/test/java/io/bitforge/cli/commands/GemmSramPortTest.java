package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.CliHarness;
import io.bitforge.core.io.Json;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bitforge gemm} charges SRAM bank/port limits as stall cycles, except in SCALE-Sim mode. */
class GemmSramPortTest {
    /** The tpu-like-int8 preset with the activation buffer cut to one 8-bit word per cycle. */
    private static Path narrowActivations(Path dir) throws IOException {
        String preset = Registry.load().hardware("tpu-like-int8").orElseThrow().yaml();
        String spec = preset.replace("activations: {kib: 64, banks: 1, portsPerBank: 1, wordBits: 256}",
                "activations: {kib: 64, banks: 1, portsPerBank: 1, wordBits: 8}");
        assertTrue(!spec.equals(preset), "the preset's activation buffer line changed");
        return Files.writeString(dir.resolve("narrow.yaml"), spec);
    }

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
    void aNarrowActivationBufferStallsByTheComputedAmount(@TempDir Path dir) throws IOException {
        // 32x32 os, M = K = N = 32: one fold of 32 + 32 + 32 - 2 = 94 cycles, 32 of them streaming. The
        // activation buffer must deliver 32 rows x 32 steps x 8 bits = 8192 bits at 8 bits per cycle: 1024 cycles,
        // 992 more. Weights (8192 bits at 256 per cycle = 32 cycles) and outputs (1024 x 32 bits at 1024 per
        // cycle = 32 of the fold's 94) keep up.
        JsonNode out = gemm("--hw", narrowActivations(dir).toString(), "--m", "32", "--k", "32", "--n", "32");
        assertEquals(93, out.get("computeCycles").asLong());
        assertEquals(992, out.get("sramStallCycles").asLong());
        assertEquals(0, out.get("dramStallCycles").asLong());
        assertEquals(992, out.get("stallCycles").asLong());
        assertEquals(93 + 992, out.get("totalCycles").asLong());
        // the preset itself is wide enough
        JsonNode preset = gemm("--m", "32", "--k", "32", "--n", "32");
        assertEquals(0, preset.get("sramStallCycles").asLong());
        assertEquals(93, preset.get("totalCycles").asLong());
    }

    @Test
    void scaleSimModeNeverChargesPortLimits(@TempDir Path dir) throws IOException {
        // SCALE-Sim's anchor for 32x32 os, 32^3: 93 cycles, whatever the SRAM geometry
        JsonNode out = gemm("--hw", narrowActivations(dir).toString(), "--m", "32", "--k", "32", "--n", "32",
                "--scalesim");
        assertEquals(93, out.get("totalCycles").asLong());
        assertEquals(0, out.get("sramStallCycles").asLong());
        assertEquals(0, out.get("stallCycles").asLong());
    }

    @Test
    void everyBuiltInDesignKeepsUpWithItsArray() throws IOException {
        // The presets' buffers are as wide as their arrays need at their native formats, so typical GEMMs
        // (square, decode GEMV, short reduction, tall-skinny) never wait on an SRAM port.
        for (String preset : Registry.load().ids(CatalogKind.HARDWARE)) {
            for (String[] shape : new String[][] {{"1024", "1024", "1024"}, {"1", "4096", "4096"},
                    {"512", "64", "512"}, {"64", "4096", "64"}}) {
                JsonNode out = gemm("--hw", preset, "--m", shape[0], "--k", shape[1], "--n", shape[2]);
                assertEquals(0, out.get("sramStallCycles").asLong(), preset + " " + String.join("x", shape));
            }
        }
    }
}
