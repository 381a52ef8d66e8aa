package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.CliContext;
import io.bitforge.cli.RequestFlags;
import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.io.Json;
import io.bitforge.core.registry.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScaleSimInteropTest {
    /** SCALE-Sim's configs/scale.cfg as its CALC-mode regression run sets it (32x32 WS, 64 KB SRAMs). */
    static final String CONFIG = """
            [general]
            run_name = scale_example_run_32x32_ws

            [architecture_presets]
            ArrayHeight:    32
            ArrayWidth:     32
            IfmapSramSzkB:   64
            FilterSramSzkB:  64
            OfmapSramSzkB:   64
            IfmapOffset:    0
            FilterOffset:   10000000
            OfmapOffset:    20000000
            Dataflow : ws
            MemoryBanks:   1

            [run_presets]
            InterfaceBandwidth: CALC
            """;
    /** SCALE-Sim v2's topologies/conv_nets/alexnet_part.csv: AlexNet's first layer. */
    static final String TOPOLOGY = """
            Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,
            Conv1     ,224         ,224        ,11           ,11          ,3       ,96        ,4      ,
            """;

    @Test
    void scaleSimsRegressionRunReproducesItsThreeReportsByteForByte(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("scale.cfg"), CONFIG);
        Path topology = Files.writeString(dir.resolve("alexnet_part.csv"), TOPOLOGY);
        Path out = dir.resolve("run");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int code = ScaleSimInterop.run(context(stdout), config.toString(), topology.toString(), out.toString(),
                null, null, false);
        assertEquals(0, code);
        for (String report : new String[] {"COMPUTE_REPORT.csv", "BANDWIDTH_REPORT.csv",
                "DETAILED_ACCESS_REPORT.csv"}) {
            assertEquals(golden(report), Files.readString(out.resolve(report)), report);
        }
        JsonNode manifest = Json.mapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals("gemm-scalesim", manifest.get("kind").asText());
        assertEquals("ws", manifest.get("inputs").get("scalesimConfig").get("dataflow").asText());
        assertTrue(stdout.toString(StandardCharsets.UTF_8).contains("Conv1"));
    }

    @Test
    void theTableShowsTheRegressionRunInHumanUnits(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("scale.cfg"), CONFIG);
        Path topology = Files.writeString(dir.resolve("alexnet_part.csv"), TOPOLOGY);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        assertEquals(0, ScaleSimInterop.run(context(stdout), config.toString(), topology.toString(), null, null,
                null, false));
        // SCALE-Sim's golden reports for this run, rounded by hand to three significant digits: 112283 cycles,
        // 0 stalls, 91.683 % utilisation; DRAM 1805023 B ifmap, 34848 B filter, 3484831 B ofmap; average DRAM
        // bandwidths 15.687, 0.32810 and 31.161 words (bytes) per cycle.
        assertEquals("""
                layer  cycles (k)  stalls  util (%)  DRAM ifmap (MB)  DRAM filter (kB)  DRAM ofmap (MB)\
                  BW ifmap (B/cycle)  BW filter (B/cycle)  BW ofmap (B/cycle)
                -----  ----------  ------  --------  ---------------  ----------------  ---------------\
                  ------------------  -------------------  ------------------
                Conv1         112       0      91.7             1.81              34.8             3.48\
                                15.7                0.328                31.2
                """, stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void jsonNamesDramTrafficPerOperand(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("c.cfg"), CONFIG.replace("Dataflow : ws", "Dataflow : os")
                .replace("ArrayHeight:    32", "ArrayHeight: 8").replace("ArrayWidth:     32", "ArrayWidth: 8"));
        Path topology = Files.writeString(dir.resolve("t.csv"), "Layer, M, N, K,\nfc, 8, 8, 8,\n");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ScaleSimInterop.run(context(stdout), config.toString(), topology.toString(), null, "-", null, false);
        JsonNode layer = Json.mapper().readTree(stdout.toString(StandardCharsets.UTF_8)).get(0);
        assertEquals(21, layer.get("totalCycles").asLong()); // SCALE-Sim anchor: 8x8 OS, M=N=K=8
        // SCALE-Sim v3's overall cycles: the last ofmap DRAM write minus the earliest input DRAM read
        assertEquals(layer.get("dramActiveCycles").get("ofmap").get("stop").asLong()
                - Math.min(layer.get("dramActiveCycles").get("ifmap").get("start").asLong(),
                layer.get("dramActiveCycles").get("filter").get("start").asLong()),
                layer.get("totalCyclesInclPrefetch").asLong());
        // 8x8 operands of 64 B each fit the SRAMs and are read from DRAM once.
        assertEquals(64, layer.get("dramReads").get("ifmap").asLong());
        assertEquals(64, layer.get("dramReads").get("filter").asLong());
        assertEquals(64, layer.get("dramWrites").get("ofmap").asLong());
    }

    @Test
    void missingFilesAndTopologyAreBadInput(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        // the library names the request field; the command line prints its flag (RequestFlags)
        assertTrue(RequestFlags.message(assertThrows(BadRequestException.class, () -> ScaleSimInterop.run(
                context(stdout), dir.resolve("none.cfg").toString(), null, null, null, null, false)))
                .startsWith("--scalesim-config: no such file"));
        Path config = Files.writeString(dir.resolve("c.cfg"), CONFIG);
        assertTrue(RequestFlags.message(assertThrows(BadRequestException.class, () -> ScaleSimInterop.run(
                context(stdout), config.toString(), null, null, null, null, false))).startsWith("--topology: missing"));
    }

    private static CliContext context(ByteArrayOutputStream stdout) {
        return new CliContext(Registry.builder().build(), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = ScaleSimInteropTest.class.getResourceAsStream("/scalesim/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
