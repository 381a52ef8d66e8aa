package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.CliHarness;
import io.bitforge.core.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bitforge gemm}'s DRAM fields, its SCALE-Sim compatibility mode and its SCALE-Sim file interop. */
class GemmMemoryTest {
    private static JsonNode json(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("gemm"));
        all.addAll(List.of(args));
        all.addAll(List.of("--json", "-"));
        CliHarness.Result result = CliHarness.run(all.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.stderr());
        return Json.mapper().readTree(result.stdout());
    }

    @Test
    void aGemmThatFitsIsPrefetchedOnceAndNeverStalls() throws IOException {
        // tpu-like-int8: 32x32 os, 64 KiB buffers, INT8 x INT8 -> INT32. 32x32x32: A 1024 B, B 1024 B, C 4096 B.
        JsonNode out = json("--m", "32", "--k", "32", "--n", "32", "--bandwidth-bytes-per-cycle", "8");
        assertEquals(93, out.get("totalCycles").asLong()); // SCALE-Sim anchor, 32x32 os, 32^3
        assertEquals(0, out.get("stallCycles").asLong());
        assertEquals(1024, out.at("/dramReads/ifmap").asLong());
        assertEquals(1024, out.at("/dramReads/filter").asLong());
        assertEquals(4096, out.at("/dramWrites/ofmap").asLong());
        assertEquals(2048 / 8, out.get("prefetchCycles").asLong()); // A + B before the first cycle
        assertEquals(4096 / 8, out.get("drainCycles").asLong()); // C after the last
        assertEquals(1024 / 93.0, out.at("/averageDramBandwidthBytesPerCycle/ifmap").asDouble(), 1e-12);
        assertEquals(1, out.at("/tiling/steps").asLong());
    }

    @Test
    void smallBuffersStallAtLowBandwidthAndNotAtTheStallFreeRate() throws IOException {
        String[] gemm = {"--m", "64", "--k", "64", "--n", "64", "--ifmap-kib", "1", "--filter-kib", "1",
                "--ofmap-kib", "2"};
        JsonNode unlimited = json(gemm);
        assertEquals(0, unlimited.get("stallCycles").asLong());
        double stallFree = unlimited.get("stallFreeDramBandwidthBytesPerCycle").asDouble();
        assertTrue(stallFree > 0, unlimited.toString());
        assertTrue(unlimited.at("/tiling/steps").asLong() > 1);
        JsonNode slow = json(concat(gemm, "--bandwidth-bytes-per-cycle", "1"));
        JsonNode fast = json(concat(gemm, "--bandwidth-bytes-per-cycle", Double.toString(stallFree * 1.000001)));
        assertTrue(slow.get("stallCycles").asLong() > 0, slow.toString());
        assertEquals(0, fast.get("stallCycles").asLong());
        assertEquals(unlimited.get("totalCycles").asLong() + slow.get("stallCycles").asLong(),
                slow.get("totalCycles").asLong());
        // the same tiling moves the same bytes whatever the bandwidth
        assertEquals(unlimited.get("dramReads"), slow.get("dramReads"));
    }

    @Test
    void scaleSimModeReproducesScaleSimsDramFigures() throws IOException {
        // SCALE-Sim's CALC regression run (test/general/golden_trace): AlexNet conv1 as a GEMM (M = 55*55, K = 11*11*3, N = 96) on a
        // 32x32 ws array with 64 KB SRAMs. The GEMM form gives the same cycles but im2col addresses differ from
        // the convolution's, so only cycles and SRAM counts are compared with the conv golden here; DRAM figures
        // are checked below on a GEMM anchor.
        JsonNode conv = json("--rows", "32", "--cols", "32", "--dataflow", "ws", "--m", "3025", "--k", "363",
                "--n", "96", "--scalesim");
        assertEquals(112283, conv.get("totalCycles").asLong());
        assertEquals(3294225, conv.at("/sramReads/ifmap").asLong());
        assertEquals(3484800, conv.at("/sramWrites/ofmap").asLong());
        assertTrue(conv.get("scalesim").asBoolean());
        // 8x8 os, M = N = K = 8: 21 cycles; each 64-element operand fits and is read (written) once.
        JsonNode small = json("--rows", "8", "--cols", "8", "--m", "8", "--k", "8", "--n", "8", "--scalesim");
        assertEquals(21, small.get("totalCycles").asLong());
        assertEquals(64, small.at("/dramReads/ifmap").asLong());
        assertEquals(64, small.at("/dramReads/filter").asLong());
        assertEquals(64, small.at("/dramWrites/ofmap").asLong());
    }

    @Test
    void scaleSimUserModeReproducesScaleSimsGoldenRunsForEveryDataflow() throws IOException {
        // SCALE-Sim's USER-mode regression runs (scale-sim-v2 test/general/golden_trace_user_{os,ws,is}, and
        // scale-sim-v3's COMPUTE_REPORT.csv for "Total Cycles (incl. prefetch)"): GEMM 256 x 128 x 256, 32x32,
        // 64 KB SRAMs, 10 words per cycle.
        // dataflow, total cycles, stalls, incl. prefetch, DRAM reads ifmap, filter, DRAM writes ofmap
        Object[][] golden = {
                {"os", 52447, 42272, 59000, 524320, 32770, 32768},
                {"ws", 52447, 41248, 59002, 524320, 32770, 262175},
                {"is", 19984, 5777, 29815, 131080, 32770, 262157}};
        for (Object[] row : golden) {
            CliHarness.Result result = CliHarness.run("gemm", "--m", "256", "--n", "128", "--k", "256",
                    "--dataflow", (String) row[0], "--scalesim", "--bandwidth-bytes-per-cycle", "10", "--json", "-");
            assertEquals(0, result.exitCode(), result.stderr());
            assertEquals("", result.stderr(), "no warning: every dataflow is exact");
            JsonNode out = Json.mapper().readTree(result.stdout());
            String df = (String) row[0];
            assertEquals(((Integer) row[1]).longValue(), out.get("totalCycles").asLong(), df);
            assertEquals(((Integer) row[2]).longValue(), out.get("stallCycles").asLong(), df);
            assertEquals(((Integer) row[3]).longValue(), out.get("totalCyclesInclPrefetch").asLong(), df);
            assertEquals(((Integer) row[4]).longValue(), out.at("/dramReads/ifmap").asLong(), df);
            assertEquals(((Integer) row[5]).longValue(), out.at("/dramReads/filter").asLong(), df);
            assertEquals(((Integer) row[6]).longValue(), out.at("/dramWrites/ofmap").asLong(), df);
        }
    }

    @Test
    void scaleSimConfigAndTopologyWriteTheThreeReports(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("scale.cfg"), ScaleSimInteropTest.CONFIG);
        Path topology = Files.writeString(dir.resolve("gemm.csv"), "Layer, M, N, K,\nfc1, 64, 32, 16,\n");
        Path out = dir.resolve("reports");
        CliHarness.Result result = CliHarness.run("gemm", "--scalesim-config", config.toString(), "--topology",
                topology.toString(), "--out", out.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        for (String name : List.of("COMPUTE_REPORT.csv", "BANDWIDTH_REPORT.csv", "DETAILED_ACCESS_REPORT.csv",
                "manifest.json")) {
            assertTrue(Files.isRegularFile(out.resolve(name)), name);
        }
        assertTrue(Files.readString(out.resolve("COMPUTE_REPORT.csv")).startsWith(
                "LayerID, Total Cycles (incl. prefetch), Total Cycles, Stall Cycles, Overall Util %, "
                        + "Mapping Efficiency %, Compute Util %,\n0, "));
        assertTrue(result.stdout().contains("fc1"), result.stdout());
    }

    @Test
    void badMemoryOptionsAreOneLineExitTwo(@TempDir Path dir) throws IOException {
        assertBad(CliHarness.run("gemm", "--m", "8", "--k", "8", "--n", "8", "--bandwidth-bytes-per-cycle", "0"),
                "--bandwidth-bytes-per-cycle: must be > 0, got 0.0");
        assertBad(CliHarness.run("gemm", "--m", "8", "--k", "8", "--n", "8", "--scalesim",
                "--bandwidth-bytes-per-cycle", "4.5"), "must be a whole number of words per cycle in SCALE-Sim mode");
        assertBad(CliHarness.run("gemm", "--m", "8", "--k", "8", "--n", "8", "--topology", "t.csv"),
                "--topology: only allowed with --scalesim-config, got t.csv");
        assertBad(CliHarness.run("gemm", "--k", "8", "--n", "8"), "--m: missing");
        assertBad(CliHarness.run("gemm", "--m", "8", "--k", "8", "--n", "8", "--scalesim", "--ifmap-kib", "0.5"),
                "hardware.buffers.activations.kib: must be a whole number of KiB in SCALE-Sim mode");
        Path badConfig = Files.writeString(dir.resolve("bad.cfg"),
                ScaleSimInteropTest.CONFIG.replace("ArrayWidth:     32", "ArrayWidth: -1"));
        Path topology = Files.writeString(dir.resolve("t.csv"), "Layer, M, N, K,\nfc1, 64, 32, 16,\n");
        assertBad(CliHarness.run("gemm", "--scalesim-config", badConfig.toString(), "--topology",
                topology.toString()), "bad.cfg: line 6: architecture_presets.ArrayWidth: must be an integer from 1 to "
                + "65536, got '-1'");
        Path badTopology = Files.writeString(dir.resolve("bad.csv"), "Layer, M, N, K,\nfc1, 64, x, 16,\n");
        Path config = Files.writeString(dir.resolve("good.cfg"), ScaleSimInteropTest.CONFIG);
        assertBad(CliHarness.run("gemm", "--scalesim-config", config.toString(), "--topology",
                badTopology.toString()), "bad.csv: line 2: fc1.N: must be an integer from 1 to 2147483647, got 'x'");
    }

    private static void assertBad(CliHarness.Result result, String message) {
        assertEquals(2, result.exitCode(), result.stdout() + result.stderr());
        assertEquals(1, result.stderr().lines().count(), result.stderr());
        assertTrue(result.stderr().contains(message), result.stderr());
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }
}
