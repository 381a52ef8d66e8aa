package io.bitforge.verilog.pe.shiftadd;

import io.bitforge.core.arith.Rounding;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.quant.Granularity;
import io.bitforge.core.quant.GroupLayout;
import io.bitforge.core.quant.QuantizedTensor;
import io.bitforge.core.quant.Quantizer;
import io.bitforge.pe.shiftadd.MixPeDatapath;
import io.bitforge.pe.shiftadd.ShiftAddParams;
import io.bitforge.pe.shiftadd.ShiftAddVariant;
import io.bitforge.verilog.emit.EmittedDesign;
import io.bitforge.verilog.emit.VerilogEmitter;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.sim.SimOptions;
import io.bitforge.verilog.sim.Simulator;
import io.bitforge.verilog.tools.Cosim;
import io.bitforge.verilog.tools.CosimResult;
import io.bitforge.verilog.tools.ToolGate;
import io.bitforge.verilog.tools.ToolResult;
import io.bitforge.verilog.tools.Verilator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MixPE's W4A8 group dequantiser in RTL against the functional model {@link MixPeDatapath#w4a8}, bit for bit: the
 * model's FP32 outputs for seeded asymmetric int4 weights (integer zero points) and for hand-picked extremes; the
 * group sums P fed to the unit are the W4A8 array cell's ({@link MixPeRtl}, s19 at G = 128).
 */
class MixPeDequantRtlTest {
    private static final int G = 128;
    /** The W4A8 cell's group sum at G = 128 (8 + 4 + 7 bits), Σa of 128 INT8 values (8 + 7), an int4 zero point + 1. */
    private static final int SUM_BITS = new MixPeRtl(new ShiftAddParams(ShiftAddVariant.MIXPE, 4, 8, G))
            .accumulatorBits();
    private static final int ASUM_BITS = 15;
    private static final int ZERO_BITS = 5;

    /** Runs every row of {@code w} through the unit and checks y against the model, row by row. */
    private static void checkRows(Simulator sim, int[] a, QuantizedTensor w) {
        MixPeDatapath.Result model = MixPeDatapath.w4a8(a, w);
        int groups = w.layout().groupsPerRow();
        for (int row = 0; row < w.layout().rows(); row++) {
            for (int g = 0; g < groups; g++) {
                int group = row * groups + g;
                sim.poke("en", 1);
                sim.poke("first", g == 0 ? 1 : 0);
                sim.poke("psum", (long) model.groupSums()[row][g]);
                sim.poke("asum", (long) model.activationGroupSums()[g]);
                sim.poke("zero", w.zeroPoints().length == 0 ? 0 : (long) w.zeroPoints()[group]);
                // the stored metadata is FP16: the model rounds the tensor's scale to FP16 the same way
                sim.poke("scale", NumberFormats.FP16.encode((float) w.scales()[group]));
                sim.step();
            }
            sim.poke("en", 0);
            assertEquals(Integer.toHexString(Float.floatToRawIntBits(model.outputs()[row])),
                    Integer.toHexString((int) sim.peek("y")), "row " + row);
        }
    }

    private static ModuleDef unit() {
        return MixPeDequantRtl.build(SUM_BITS, ASUM_BITS, ZERO_BITS);
    }

    @Test
    void seededGroupsEqualTheFunctionalModel() {
        Random random = new Random(2510);
        int n = 16;
        int k = 4 * G;
        float[] x = new float[n * k];
        for (int i = 0; i < x.length; i++) {
            // spread the magnitudes so scales span many binades
            x[i] = (float) (random.nextGaussian() * Math.scalb(1.0, random.nextInt(20) - 10) + (i % 7 == 0 ? 0.5 : 0));
        }
        QuantizedTensor w = Quantizer.builder(NumberFormats.parse("int4")).groupSize(G).symmetric(false).build()
                .quantize(x, n, k);
        assertTrue(w.zeroPoints().length > 0, "asymmetric: zero points present");
        int[] a = new int[k];
        for (int i = 0; i < k; i++) {
            a[i] = random.nextInt(256) - 128;
        }
        Simulator sim = Simulator.of(unit());
        sim.reset(1);
        checkRows(sim, a, w);
    }

    @Test
    void extremesEqualTheFunctionalModel() {
        // every activation -128, every weight code the most negative int4 (-8): P = 128 * 1024 = 2^17,
        // S = -2^14, so t = P - z*S spans 2^17 - 8*2^14 = 0 to 2^17 + 7*2^14 = 245760 (18 bits); zero points at
        // both ends of the int4 grid, scales at FP16's extremes (largest normal, smallest subnormal, 1 + 2^-10 and
        // its negative, whose products with an 18-bit t need rounding)
        int k = 2 * G;
        int[] a = new int[k];
        java.util.Arrays.fill(a, -128);
        short[] codes = new short[4 * k];
        java.util.Arrays.fill(codes, (short) 8);
        double[] scales = {65504, 65504, 0x1p-24, 0x1p-24, 1 + 0x1p-10, -(1 + 0x1p-10), 3.0517578125E-5, 1};
        double[] zeros = {7, 7, -8, 7, -8, -8, 0, 0};
        QuantizedTensor w = new QuantizedTensor(NumberFormats.parse("int4"), new GroupLayout(Granularity.GROUP, 4,
                k, G), codes, scales, zeros, new byte[0], 0, Rounding.HALF_EVEN);
        Simulator sim = Simulator.of(unit());
        sim.reset(1);
        checkRows(sim, a, w);
    }

    /** W4A16: FP32 group sums of FP16 activations, every dequantisation step rounded as the model's floats. */
    private static void checkFp32Rows(Simulator sim, float[] a, QuantizedTensor w) {
        MixPeDatapath.Result model = MixPeDatapath.w4a16(a, w);
        int groups = w.layout().groupsPerRow();
        for (int row = 0; row < w.layout().rows(); row++) {
            for (int g = 0; g < groups; g++) {
                int group = row * groups + g;
                sim.poke("en", 1);
                sim.poke("first", g == 0 ? 1 : 0);
                sim.poke("psum", bits((float) model.groupSums()[row][g]));
                sim.poke("asum", bits((float) model.activationGroupSums()[g]));
                sim.poke("zero", bits(w.zeroPoints().length == 0 ? 0f : (float) w.zeroPoints()[group]));
                sim.poke("scale", NumberFormats.FP16.encode((float) w.scales()[group]));
                sim.step();
            }
            sim.poke("en", 0);
            assertEquals(Integer.toHexString(Float.floatToRawIntBits(model.outputs()[row])),
                    Integer.toHexString((int) sim.peek("y")), "row " + row);
        }
    }

    private static long bits(float value) {
        return Integer.toUnsignedLong(Float.floatToRawIntBits(value));
    }

    private static float[] fp16Activations(Random random, int k) {
        float[] a = new float[k];
        for (int i = 0; i < k; i++) {
            a[i] = (float) NumberFormats.FP16.quantize(random.nextGaussian()
                    * Math.scalb(1.0, random.nextInt(12) - 6));
        }
        return a;
    }

    private static QuantizedTensor asymmetric(Random random, String format, int n, int k) {
        float[] x = new float[n * k];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * Math.scalb(1.0, random.nextInt(12) - 6) + 0.2);
        }
        return Quantizer.builder(NumberFormats.parse(format)).groupSize(G).symmetric(false).build().quantize(x, n, k);
    }

    @Test
    void w4a16GroupsEqualTheFunctionalModel() {
        Random random = new Random(2512);
        Simulator sim = Simulator.of(MixPeDequantRtl.buildFp32Sums());
        sim.reset(1);
        for (String format : List.of("int4", "uint4", "int2")) {
            checkFp32Rows(sim, fp16Activations(random, 3 * G), asymmetric(random, format, 12, 3 * G));
        }
        // symmetric weights (no zero points) and FP16's largest activations
        float[] big = new float[2 * G];
        for (int i = 0; i < big.length; i++) {
            big[i] = (float) NumberFormats.FP16.quantize((random.nextBoolean() ? 1 : -1) * (60000 + i));
        }
        checkFp32Rows(sim, big, Quantizer.builder(NumberFormats.parse("int4")).groupSize(G).build()
                .quantize(fp16Activations(random, 4 * 2 * G), 4, 2 * G));
    }

    @Test
    void w4a16IcarusReplaysAndVerilatorLintsClean(@TempDir Path dir) throws IOException {
        ToolGate.require("iverilog", "vvp", "verilator");
        Random random = new Random(2513);
        ModuleDef design = MixPeDequantRtl.buildFp32Sums();
        Simulator sim = Simulator.of(design, SimOptions.defaults().withTrace());
        sim.reset(1);
        checkFp32Rows(sim, fp16Activations(random, 2 * G), asymmetric(random, "int4", 3, 2 * G));
        sim.step();
        CosimResult r = Cosim.icarus(design, sim.trace(), dir.resolve("icarus"));
        assertTrue(r.passed(), r.toString());
        EmittedDesign e = VerilogEmitter.emit(design);
        e.writeTo(dir.resolve("lint"));
        ToolResult lint = Verilator.lint(dir.resolve("lint"), e.fileNames(), e.top());
        assertTrue(lint.ok() && Verilator.warnings(lint) == 0, lint.stdout() + lint.stderr());
    }

    @Test
    void tooWideADifferenceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MixPeDequantRtl.build(24, 15, 5));
        assertTrue(e.getMessage().contains("at most 21 bits, got 25"), e.getMessage());
    }

    @Test
    void icarusReplaysAndVerilatorLintsClean(@TempDir Path dir) throws IOException {
        ToolGate.require("iverilog", "vvp", "verilator");
        Random random = new Random(2511);
        float[] x = new float[2 * 2 * G];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat() - 0.3f;
        }
        QuantizedTensor w = Quantizer.builder(NumberFormats.parse("int4")).groupSize(G).symmetric(false).build()
                .quantize(x, 2, 2 * G);
        int[] a = random.ints(2 * G, -128, 128).toArray();
        ModuleDef design = unit();
        Simulator sim = Simulator.of(design, SimOptions.defaults().withTrace());
        sim.reset(1);
        checkRows(sim, a, w);
        sim.step();
        CosimResult r = Cosim.icarus(design, sim.trace(), dir.resolve("icarus"));
        assertTrue(r.passed(), r.toString());
        EmittedDesign e = VerilogEmitter.emit(design);
        e.writeTo(dir.resolve("lint"));
        ToolResult lint = Verilator.lint(dir.resolve("lint"), e.fileNames(), e.top());
        assertTrue(lint.ok() && Verilator.warnings(lint) == 0, lint.stdout() + lint.stderr());
    }
}
