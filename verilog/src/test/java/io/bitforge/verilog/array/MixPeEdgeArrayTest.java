package io.bitforge.verilog.array;

import io.bitforge.core.arith.Bits;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.quant.QuantizedTensor;
import io.bitforge.core.quant.Quantizer;
import io.bitforge.pe.shiftadd.MixPeDatapath;
import io.bitforge.pe.shiftadd.MixPeDequantTiming;
import io.bitforge.pe.shiftadd.MixPeUnitModel;
import io.bitforge.pe.shiftadd.ShiftAddParams;
import io.bitforge.pe.shiftadd.ShiftAddVariant;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.ladder.TileRun;
import io.bitforge.verilog.ladder.TileSimulation;
import io.bitforge.verilog.pe.GroupScales;
import io.bitforge.verilog.pe.shiftadd.MixPeRtl;
import io.bitforge.verilog.emit.EmittedDesign;
import io.bitforge.verilog.emit.VerilogEmitter;
import io.bitforge.verilog.tools.Cosim;
import io.bitforge.verilog.tools.Iverilog;
import io.bitforge.verilog.tools.ToolGate;
import io.bitforge.verilog.tools.ToolResult;
import io.bitforge.verilog.tools.Verilator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MixPE W4A8 tiles of several quantisation groups on the output-stationary array with per-column edge dequantisers
 * ({@link DequantEdge}): every FP32 output equals {@link MixPeDatapath#w4a8} bit for bit, and start→computed is the
 * fold model's count + {@link TileArray#OVERHEAD_CYCLES}, for K = G, 2G and 4G, over two row and two column folds.
 */
class MixPeEdgeArrayTest {
    /** A seeded tile: INT8 activations, asymmetric int4 (or uint4) weights grouped along K, the model's outputs. */
    record Case(long[] a, long[] b, GroupScales scales, float[] expected) {
    }

    static Case tile(Random random, String format, int m, int k, int n, int group) {
        float[] x = new float[n * k];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * Math.scalb(1.0, random.nextInt(16) - 8) + 0.3);
        }
        QuantizedTensor w = Quantizer.builder(NumberFormats.parse(format)).groupSize(group).symmetric(false).build()
                .quantize(x, n, k);
        int groups = w.layout().groupsPerRow();
        long[] a = new long[m * k];
        float[] expected = new float[m * n];
        for (int row = 0; row < m; row++) {
            int[] activations = new int[k];
            for (int i = 0; i < k; i++) {
                activations[i] = random.nextInt(256) - 128;
                a[row * k + i] = activations[i] & 0xFF;
            }
            float[] y = MixPeDatapath.w4a8(activations, w).outputs();
            System.arraycopy(y, 0, expected, row * n, n);
        }
        long[] b = new long[k * n];
        for (int col = 0; col < n; col++) {
            for (int i = 0; i < k; i++) {
                b[i * n + col] = w.code(col * k + i);
            }
        }
        long[] zeros = new long[groups * n];
        long[] scales = new long[groups * n];
        for (int col = 0; col < n; col++) {
            for (int g = 0; g < groups; g++) {
                zeros[g * n + col] = (long) w.zeroPoints()[col * groups + g];
                // the stored metadata is FP16, as the model rounds the scale
                scales[g * n + col] = NumberFormats.FP16.encode((float) w.scales()[col * groups + g]);
            }
        }
        return new Case(a, b, new GroupScales(groups, n, zeros, scales), expected);
    }

    static MixPeRtl edgeCell(int weightBits, int group) {
        return new MixPeRtl(new ShiftAddParams(ShiftAddVariant.MIXPE, weightBits, 8, group, MixPeUnitModel.NATIVE,
                MixPeDequantTiming.EDGE));
    }

    @ParameterizedTest
    @CsvSource({"int4,8,1,4,3", "int4,8,2,4,3", "int4,8,4,3,4", "int3,16,2,4,4", "int2,4,4,2,3", "int4,8,1,1,1"})
    void groupsDequantisedAtTheEdgeEqualTheModel(String format, int group, int groupsPerTile, int rows, int cols) {
        MixPeRtl pe = edgeCell(Integer.parseInt(format.replaceAll("\\D", "")), group);
        int k = group * groupsPerTile;
        // two row folds and two column folds (two weight lanes per cell), the last of each partial
        int m = rows + 1;
        int n = 2 * cols + 1;
        Case c = tile(new Random(2500 + k + rows), format, m, k, n, group);
        ArrayPlan plan = new ArrayPlan(rows, cols, new TileShape(m, k, n), pe.timing());
        ModuleDef top = TileArray.build(pe, plan, c.a(), c.b(), c.scales());
        TileRun run = TileSimulation.run(top, new DequantResults(plan), plan.tile(),
                plan.engineCycles() + 64, false);
        for (int e = 0; e < c.expected().length; e++) {
            assertEquals(Integer.toHexString(Float.floatToRawIntBits(c.expected()[e])),
                    Integer.toHexString((int) run.results()[e]), "output " + e / n + "," + e % n);
        }
        assertEquals(plan.engineCycles() + TileArray.OVERHEAD_CYCLES, run.computedCycles());
    }

    /**
     * Icarus replays a K = 2G tile on the emitted Verilog and Verilator lints it with -Wall and no waiver; with one
     * bit of the dequantiser's FP32 output flipped in the emitted step module, the replay reports the mismatch.
     */
    @Test
    void icarusReplaysVerilatorLintsAndAFlippedDequantiserBitIsCaught(@TempDir Path dir) throws IOException {
        ToolGate.require("iverilog", "vvp", "verilator");
        MixPeRtl pe = edgeCell(4, 8);
        ArrayPlan plan = new ArrayPlan(3, 2, new TileShape(4, 16, 5), pe.timing());
        Case c = tile(new Random(2525), "int4", 4, 16, 5, 8);
        ModuleDef top = TileArray.build(pe, plan, c.a(), c.b(), c.scales());
        TileRun run = TileSimulation.run(top, new DequantResults(plan), plan.tile(), plan.engineCycles() + 64, true);
        Path replay = dir.resolve("icarus");
        List<String> files = Cosim.prepare(top, run.trace(), replay);
        String tb = files.get(files.size() - 1).replace(".v", "");
        ToolResult good = Iverilog.compileAndRun(replay, files, tb, List.of(), Duration.ofMinutes(2));
        assertTrue(good.ok() && good.stdout().contains("PASS"), good.stdout() + good.stderr());

        EmittedDesign e = VerilogEmitter.emit(top);
        e.writeTo(dir.resolve("lint"));
        ToolResult lint = Verilator.lint(dir.resolve("lint"), e.fileNames(), e.top());
        assertTrue(lint.ok() && Verilator.warnings(lint) == 0, lint.stdout() + lint.stderr());
        // the PE cell carries no waiver (the FP blocks inside the dequantiser step are checked with the FP cells)
        for (String file : e.fileNames().stream().filter(f -> f.startsWith("mixpe_os_")).toList()) {
            List<String> waived = Files.readAllLines(dir.resolve("lint").resolve(file)).stream()
                    .filter(l -> l.contains("verilator lint_off")).toList();
            assertTrue(waived.isEmpty(), file + ": " + waived);
        }

        Path step = replay.resolve(pe.groupDequantiser().orElseThrow().step().name() + ".v");
        String verilog = Files.readString(step, StandardCharsets.UTF_8);
        Matcher out = Pattern.compile("assign y_out = ([^;]+);").matcher(verilog);
        assertTrue(out.find(), verilog);
        Files.writeString(step, out.replaceFirst("assign y_out = ($1) ^ 32'h1;"), StandardCharsets.UTF_8);
        ToolResult broken = Iverilog.compileAndRun(replay, files, tb, List.of(), Duration.ofMinutes(2));
        String log = broken.stdout() + broken.stderr();
        assertFalse(broken.ok() && log.contains("PASS"), log);
        assertTrue(log.lines().anyMatch(l -> l.matches("MISMATCH cycle \\d+ signal y_\\d_\\d: expected .*")), log);
    }
}
