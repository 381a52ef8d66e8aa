package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.JarRunner;
import io.bitforge.core.io.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bitforge gemm} from the shaded jar: presets and PE families are found there as in-process. */
class GemmJarIT {
    @Test
    void anchorFromTheJar() throws Exception {
        // scalesim-anchors.csv: 32x32 ws, M = N = K = 32 -> 125 cycles
        JarRunner.Result result = JarRunner.run("gemm", "--rows", "32", "--cols", "32", "--dataflow", "ws",
                "--m", "32", "--k", "32", "--n", "32", "--json", "-");
        assertEquals(0, result.exitCode(), result.stderr());
        JsonNode out = Json.mapper().readTree(result.stdout());
        assertEquals(125, out.get("totalCycles").asLong());
        assertEquals("mac-int", out.at("/hardware/pe/family").asText());
    }

    @Test
    void presetFromTheJar() throws Exception {
        JarRunner.Result result = JarRunner.run("gemm", "--hw", "fp16-baseline", "--m", "8", "--k", "8", "--n", "8");
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().contains("totalCycles"), result.stdout());
    }

    @Test
    void badDataflowIsOneLine() throws Exception {
        JarRunner.Result result = JarRunner.run("gemm", "--dataflow", "rs", "--m", "8", "--k", "8", "--n", "8");
        assertEquals(2, result.exitCode());
        assertEquals(1, result.stderrLines().size(), result.stderr());
        assertTrue(result.stderr().contains("--dataflow: must be one of os, ws, is, got 'rs'"), result.stderr());
    }
}
