package io.bitforge.verilog.array;

import io.bitforge.core.format.BitmodMixture;
import io.bitforge.core.format.IntFormat;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.quant.QuantizedTensor;
import io.bitforge.core.quant.Quantizer;
import io.bitforge.pe.bitserial.BitSerialDequant;
import io.bitforge.pe.bitserial.BitSerialParams;
import io.bitforge.pe.bitserial.BitSerialPe;
import io.bitforge.pe.bitserial.TimingMode;
import io.bitforge.pe.bitserial.UnifiedTerms;
import io.bitforge.verilog.emit.EmittedDesign;
import io.bitforge.verilog.emit.VerilogEmitter;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.ladder.TileRun;
import io.bitforge.verilog.ladder.TileSimulation;
import io.bitforge.verilog.pe.GroupScales;
import io.bitforge.verilog.pe.bitserial.BitModRtl;
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
 * BitMoD tiles of several quantisation groups on the output-stationary bit-serial array with per-column edge
 * dequantisers ({@link DequantEdge}): weights quantised by the {@link Quantizer} (a mixture's per-group type choice
 * and FP16 scales), every FP32 output equal to {@link BitSerialPe#dot} bit for bit, start→computed the fold model's
 * count + {@link TileArray#OVERHEAD_CYCLES}, for K = G, 2G and 4G over two row and two column folds.
 */
class BitModEdgeArrayTest {
    record Case(long[] a, long[] b, GroupScales scales, float[] expected) {
    }

    static BitModRtl edgeCell(String weights, String activations, int group) {
        return new BitModRtl(new BitSerialParams(TimingMode.BITMOD, weights, activations, group, 4, 2, 1.0,
                BitSerialDequant.EDGE));
    }

    /** Seeded activations and weights quantised with FP16 scales; the expected outputs from {@link BitSerialPe#dot}. */
    static Case tile(Random random, String weights, String activations, int m, int k, int n, int group) {
        float[] x = new float[n * k];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * Math.scalb(1.0, random.nextInt(16) - 8));
        }
        QuantizedTensor q = Quantizer.builder(NumberFormats.parse(weights)).groupSize(group).build().quantize(x, n, k);
        double[] fp16Scales = q.scales().clone();
        for (int i = 0; i < fp16Scales.length; i++) {
            fp16Scales[i] = NumberFormats.FP16.quantize(fp16Scales[i]);
        }
        QuantizedTensor w = new QuantizedTensor(q.format(), q.layout(), q.codes(), fp16Scales, q.zeroPoints(),
                q.choices(), q.metadataBitsPerGroup(), q.rounding());
        List<UnifiedTerms> decoders = UnifiedTerms.forFormat(w.format());
        boolean mixture = w.format() instanceof BitmodMixture;
        int codeBits = w.format().bits();
        int groups = w.layout().groupsPerRow();
        long[] b = new long[k * n];
        long[] shifts = new long[groups * n];
        long[] scales = new long[groups * n];
        for (int col = 0; col < n; col++) {
            for (int g = 0; g < groups; g++) {
                int choice = mixture ? w.choices()[col * groups + g] : 0;
                shifts[g * n + col] = decoders.get(choice).unitShift();
                scales[g * n + col] = NumberFormats.FP16.encode(w.scales()[col * groups + g]);
                for (int i = g * group; i < (g + 1) * group; i++) {
                    b[i * n + col] = (long) choice << codeBits | w.code(col * k + i);
                }
            }
        }
        boolean fp16 = activations.equals("fp16");
        IntFormat integer = fp16 ? null : (IntFormat) NumberFormats.parse(activations);
        long[] a = new long[m * k];
        float[] expected = new float[m * n];
        BitSerialPe pe = new BitSerialPe(4);
        for (int row = 0; row < m; row++) {
            int[] codes = new int[k];
            for (int i = 0; i < k; i++) {
                if (fp16) {
                    a[row * k + i] = NumberFormats.FP16.encode(random.nextGaussian()
                            * Math.scalb(1.0, random.nextInt(20) - 10));
                    codes[i] = (int) a[row * k + i];
                } else {
                    a[row * k + i] = random.nextInt(1 << integer.bits());
                    codes[i] = (int) NumberFormats.FP16.encode(integer.decode((int) a[row * k + i]));
                }
            }
            for (int col = 0; col < n; col++) {
                expected[row * n + col] = pe.dot(w, col, codes).value();
            }
        }
        return new Case(a, b, new GroupScales(groups, n, shifts, scales), expected);
    }

    @ParameterizedTest
    @CsvSource({"bitmod-mix4,fp16,16,1,4,3", "bitmod-mix4,fp16,16,2,4,3", "bitmod-mix4,fp16,16,4,4,4",
        "bitmod-mix3,fp16,8,4,2,3", "bitmod-fp4-er+,int8,16,2,3,2", "int4,uint6,16,4,4,2", "bitmod-mix4,int5,4,2,1,1"})
    void groupsDequantisedAtTheEdgeEqualTheModel(String weights, String activations, int group, int groupsPerTile,
                                                 int rows, int cols) {
        BitModRtl pe = edgeCell(weights, activations, group);
        int k = group * groupsPerTile;
        int m = rows + 1;
        int n = cols + 1;
        Case c = tile(new Random(2600 + k + rows), weights, activations, m, k, n, group);
        ArrayPlan plan = new ArrayPlan(rows, cols, new TileShape(m, k, n), pe.timing());
        ModuleDef top = TileArray.build(pe, plan, c.a(), c.b(), c.scales());
        TileRun run = TileSimulation.run(top, new DequantResults(plan), plan.tile(), plan.engineCycles() + 64, false);
        for (int e = 0; e < c.expected().length; e++) {
            assertEquals(Integer.toHexString(Float.floatToRawIntBits(c.expected()[e])),
                    Integer.toHexString((int) run.results()[e]), "output " + e / n + "," + e % n);
        }
        assertEquals(plan.engineCycles() + TileArray.OVERHEAD_CYCLES, run.computedCycles());
    }

    /**
     * Icarus replays a K = 2G tile (FP16 activations, bitmod-mix4) on the emitted Verilog and Verilator lints it with
     * -Wall, no pragma and no warning; with one bit of the dequantiser's FP32 output flipped in the emitted step
     * module, the replay reports the mismatch.
     */
    @Test
    void icarusReplaysVerilatorLintsAndAFlippedDequantiserBitIsCaught(@TempDir Path dir) throws IOException {
        ToolGate.require("iverilog", "vvp", "verilator");
        BitModRtl pe = edgeCell("bitmod-mix4", "fp16", 8);
        ArrayPlan plan = new ArrayPlan(2, 2, new TileShape(3, 16, 3), pe.timing());
        Case c = tile(new Random(2626), "bitmod-mix4", "fp16", 3, 16, 3, 8);
        ModuleDef top = TileArray.build(pe, plan, c.a(), c.b(), c.scales());
        TileRun run = TileSimulation.run(top, new DequantResults(plan), plan.tile(), plan.engineCycles() + 64, true);
        Path replay = dir.resolve("icarus");
        List<String> files = Cosim.prepare(top, run.trace(), replay);
        String tb = files.get(files.size() - 1).replace(".v", "");
        ToolResult good = Iverilog.compileAndRun(replay, files, tb, List.of(), Duration.ofMinutes(2));
        assertTrue(good.ok() && good.stdout().contains("PASS"), good.stdout() + good.stderr());

        EmittedDesign e = VerilogEmitter.emit(top);
        for (var file : e.files().entrySet()) {
            assertFalse(file.getValue().contains("lint_off") || file.getValue().contains("lint_on"), file.getKey());
        }
        e.writeTo(dir.resolve("lint"));
        ToolResult lint = Verilator.lint(dir.resolve("lint"), e.fileNames(), e.top());
        assertTrue(lint.ok() && Verilator.warnings(lint) == 0, lint.stdout() + lint.stderr());

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
