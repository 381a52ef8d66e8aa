package io.bitforge.cli.commands;

import io.bitforge.cli.CliHarness;
import io.bitforge.core.registry.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gemm --mapping FILE} and {@code explore --mapping FILE}: the mapping stage beside the spec. */
class GemmExploreMappingTest {
    private static final String PINS = "{tileM: 16, tileK: 128, tileN: 128, loopOrder: mkn}";

    @TempDir
    Path dir;

    private CliHarness.Result gemm(String... extra) {
        String[] base = {"gemm", "--m", "64", "--k", "4096", "--n", "4096", "--bandwidth-bytes-per-cycle", "16",
                "--json", "-"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliHarness.run(args);
    }

    @Test
    void gemmRunsAMappingFileAsTheSamePinsInsideTheSpec() throws Exception {
        String preset = Registry.load().hardware("tpu-like-int8").orElseThrow().yaml();
        Path pinnedSpec = dir.resolve("pinned.yaml");
        Files.writeString(pinnedSpec, preset.replace("\nmapping: {}", "\nmapping: " + PINS));
        Path mapping = Files.writeString(dir.resolve("mapping.yaml"), PINS + "\n");

        CliHarness.Result old = gemm("--hw", pinnedSpec.toString());
        CliHarness.Result staged = gemm("--mapping", mapping.toString());
        CliHarness.Result auto = gemm();
        assertEquals(0, staged.exitCode(), staged.stderr());
        assertEquals(old.stdout(), staged.stdout());
        assertNotEquals(auto.stdout(), staged.stdout(), "the fixed tiling must differ from the tiler's choice");
        assertEquals("", staged.stderr());
    }

    @Test
    void gemmInScaleSimModeTakesOnlyTheMappingsDataflow() throws Exception {
        Path tiles = Files.writeString(dir.resolve("tiles.yaml"), PINS + "\n");
        CliHarness.Result refused = CliHarness.run("gemm", "--m", "8", "--k", "8", "--n", "8", "--scalesim",
                "--mapping", tiles.toString());
        assertEquals(2, refused.exitCode());
        assertEquals("bitforge: --mapping: only its dataflow applies in SCALE-Sim mode (SCALE-Sim's own buffers and "
                + "prefetch decide what DRAM moves), got {tileM: 16, tileK: 128, tileN: 128, loopOrder: mkn}\n",
                refused.stderr());

        Path ws = Files.writeString(dir.resolve("ws.yaml"), "dataflow: ws\n");
        CliHarness.Result staged = CliHarness.run("gemm", "--m", "40", "--k", "24", "--n", "56", "--scalesim",
                "--json", "-", "--mapping", ws.toString());
        CliHarness.Result flag = CliHarness.run("gemm", "--m", "40", "--k", "24", "--n", "56", "--scalesim",
                "--json", "-", "--dataflow", "ws");
        assertEquals(0, staged.exitCode(), staged.stderr());
        assertEquals(flag.stdout(), staged.stdout());
    }

    @Test
    void exploreRunsEveryDesignUnderOneMappingAndRecordsIt() throws Exception {
        Path space = Files.writeString(dir.resolve("space.yaml"), """
                name: mapped
                base: tpu-like-int8
                parameters:
                  - path: array.rows
                    values: [8, 16]
                workloads:
                  - {workload: llama-2-7b, phase: prefill, prompt: 64, context: 64, quant: "W8A8KV8,lm_head:same"}
                objectives: [latency, energy]
                memory: tiled
                """);
        Path mapping = Files.writeString(dir.resolve("mapping.yaml"), PINS + "\n");
        Path out = dir.resolve("out");
        CliHarness.Result run = CliHarness.run("explore", "--space", space.toString(), "--out", out.toString(),
                "--threads", "1", "--mapping", mapping.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"mapping\" : {") && manifest.contains("\"loopOrder\" : \"mkn\""), manifest);

        Path auto = dir.resolve("auto");
        assertEquals(0, CliHarness.run("explore", "--space", space.toString(), "--out", auto.toString(),
                "--threads", "1").exitCode());
        assertNotEquals(Files.readString(auto.resolve("results.jsonl")),
                Files.readString(out.resolve("results.jsonl")));

        Path ws = Files.writeString(dir.resolve("ws.yaml"), "dataflow: ws\n");
        CliHarness.Result refused = CliHarness.run("explore", "--space", space.toString(), "--out",
                dir.resolve("ws").toString(), "--mapping", ws.toString());
        assertEquals(2, refused.exitCode());
        assertEquals("bitforge: --mapping: must not choose the dataflow in an exploration: each design's dataflow "
                + "is a field of the space (dataflow), got {dataflow: ws}\n", refused.stderr());
    }
}
