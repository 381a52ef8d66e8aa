package io.bitforge.verilog.pe.ovp;

import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.format.OvpFormat;
import io.bitforge.pe.bitfusion.ExponentInteger;
import io.bitforge.pe.ovp.OvpDecoder;
import io.bitforge.pe.ovp.OvpParams;
import io.bitforge.pe.ovp.OvpW4a4Tile;
import io.bitforge.pe.ovp.OvpWeightOnlyTile;
import io.bitforge.verilog.emit.EmitOptions;
import io.bitforge.verilog.emit.EmittedDesign;
import io.bitforge.verilog.emit.VerilogEmitter;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.sim.SimOptions;
import io.bitforge.verilog.sim.Simulator;
import io.bitforge.verilog.tools.Cosim;
import io.bitforge.verilog.tools.CosimResult;
import io.bitforge.verilog.tools.SynthFlow;
import io.bitforge.verilog.tools.SynthReport;
import io.bitforge.verilog.tools.ToolGate;
import io.bitforge.verilog.tools.ToolResult;
import io.bitforge.verilog.tools.Verilator;
import io.bitforge.verilog.tools.Yosys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OliVe's RTL against its functional model: the pair decoder on every pair code of ovp-int4, ovp-flint4 and
 * ovp-int8; the W4A4 (and W8A8) multiply-and-shift dot product and the weight-only FP16 dot product on seeded tiles;
 * Icarus replays, Verilator lints, Yosys maps to iCE40.
 */
class OvpRtlTest {
    private static OvpFormat format(OvpFormat.Normal n) {
        return (OvpFormat) NumberFormats.parse(n.id());
    }

    @ParameterizedTest
    @EnumSource(OvpFormat.Normal.class)
    void everyPairCodeDecodesAsTheModel(OvpFormat.Normal normal) {
        Simulator sim = Simulator.of(OvpPairDecoderRtl.build(normal));
        OvpFormat f = format(normal);
        int codes = 1 << (2 * normal.bits());
        int reserved = 0;
        for (int pair = 0; pair < codes; pair++) {
            sim.poke("pair", pair);
            OvpDecoder.DecodedPair d = OvpDecoder.decode(f, pair);
            String at = normal.id() + " pair " + pair;
            assertEquals(d.reserved() ? 1 : 0, sim.peek("reserved"), at);
            reserved += d.reserved() ? 1 : 0;
            assertEquals(d.even().integer(), sim.peek("even_int"), at);
            assertEquals(d.even().exponent(), sim.peek("even_exp"), at);
            assertEquals(d.odd().integer(), sim.peek("odd_int"), at);
            assertEquals(d.odd().exponent(), sim.peek("odd_exp"), at);
        }
        // by hand: a marker beside magnitude 0 — (marker, 0), (0, marker) and (marker, marker) — is reserved
        assertEquals(3, reserved);
    }

    /** Element codes [rows × k] whose pairs along k are never reserved. */
    static int[] validCodes(OvpFormat.Normal normal, int rows, int k, Random random) {
        OvpFormat f = format(normal);
        int b = normal.bits();
        int[] codes = new int[rows * k];
        for (int i = 0; i < codes.length; i += 2) {
            int pair;
            do {
                pair = random.nextInt(1 << (2 * b));
            } while (OvpDecoder.decode(f, pair).reserved());
            codes[i] = pair & ((1 << b) - 1);
            codes[i + 1] = pair >>> b;
        }
        return codes;
    }

    static long[] runDot(Simulator sim, int[] aCodes, int aBits, int[] wCodes, int wBits, int m, int k, int n,
                         boolean fp16Activations) {
        long[] out = new long[m * n];
        for (int row = 0; row < m; row++) {
            for (int col = 0; col < n; col++) {
                for (int i = 0; i < k; i += 2) {
                    if (fp16Activations) {
                        sim.poke("a_even", aCodes[row * k + i]);
                        sim.poke("a_odd", aCodes[row * k + i + 1]);
                    } else {
                        sim.poke("a_pair", aCodes[row * k + i] | (long) aCodes[row * k + i + 1] << aBits);
                    }
                    sim.poke("w_pair", wCodes[col * k + i] | (long) wCodes[col * k + i + 1] << wBits);
                    sim.poke("en", 1);
                    sim.poke("start", i == 0 ? 1 : 0);
                    sim.step();
                }
                sim.poke("en", 0);
                out[row * n + col] = sim.peek("acc");
            }
        }
        return out;
    }

    @Test
    void w4a4AndW8a8DotProductsEqualTheModel() {
        Random random = new Random(2620);
        for (OvpFormat.Normal[] pair : new OvpFormat.Normal[][] {{OvpFormat.Normal.INT4, OvpFormat.Normal.INT4},
            {OvpFormat.Normal.FLINT4, OvpFormat.Normal.INT4}, {OvpFormat.Normal.INT8, OvpFormat.Normal.INT8}}) {
            OvpFormat.Normal w = pair[0];
            OvpFormat.Normal a = pair[1];
            OvpW4a4Tile tile = new OvpW4a4Tile(OvpParams.w4a4(w, a));
            int m = 3;
            int k = 64;
            int n = 4;
            int[] aCodes = validCodes(a, m, k, random);
            int[] wCodes = validCodes(w, n, k, random);
            long[] expected = tile.accumulate(aCodes, wCodes, m, k, n);
            Simulator sim = Simulator.of(OvpDotRtl.build(a, w, tile.accumulatorBits(k)));
            sim.reset(1);
            long[] got = runDot(sim, aCodes, a.bits(), wCodes, w.bits(), m, k, n, false);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], got[i], w + " x " + a + " output " + i);
            }
        }
    }

    static int[] fp16Activations(int count, Random random) {
        int[] codes = new int[count];
        for (int i = 0; i < count; i++) {
            codes[i] = NumberFormats.FP16.encode(random.nextGaussian() * Math.scalb(1.0, random.nextInt(16) - 8));
        }
        return codes;
    }

    @ParameterizedTest
    @EnumSource(OvpFormat.Normal.class)
    void weightOnlyFp16DotProductsEqualTheModel(OvpFormat.Normal w) {
        Random random = new Random(2621);
        OvpWeightOnlyTile tile = new OvpWeightOnlyTile(OvpParams.weightOnly(w, w.bits()));
        int m = 3;
        int k = 32;
        int n = 4;
        int[] aCodes = fp16Activations(m * k, random);
        int[] wCodes = validCodes(w, n, k, random);
        long[] expected = tile.accumulators(aCodes, wCodes, m, k, n);
        Simulator sim = Simulator.of(OvpFp16DotRtl.build(w));
        sim.reset(1);
        long[] got = runDot(sim, aCodes, 16, wCodes, w.bits(), m, k, n, true);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], got[i], w + " output " + i);
        }
        // by hand: FP16 1.5 (0x3E00) x int4 normal 3 (code 0b0011) and 2.0 (0x4000) x -1 (0b1001): 4.5 - 2 = 2.5
        sim.poke("a_even", 0x3E00);
        sim.poke("a_odd", 0x4000);
        sim.poke("w_pair", w == OvpFormat.Normal.INT4 ? 0b1001_0011 : 0);
        sim.poke("en", 1);
        sim.poke("start", 1);
        sim.step();
        assertEquals(w == OvpFormat.Normal.INT4 ? Float.floatToIntBits(2.5f) : 0, sim.peek("acc"));
    }

    @Test
    void icarusVerilatorAndYosysAgree(@TempDir Path dir) throws IOException {
        ToolGate.require("iverilog", "vvp", "verilator", "yosys");
        Random random = new Random(2622);
        for (OvpFormat.Normal w : List.of(OvpFormat.Normal.INT4, OvpFormat.Normal.INT8)) {
            int k = 16;
            ModuleDef dot = OvpDotRtl.build(w, w, new OvpW4a4Tile(OvpParams.w4a4(w, w)).accumulatorBits(k));
            ModuleDef fp = OvpFp16DotRtl.build(w);
            for (ModuleDef design : List.of(OvpPairDecoderRtl.build(w), dot, fp)) {
                Simulator sim = Simulator.of(design, SimOptions.defaults().withTrace());
                sim.reset(1);
                if (design == dot || design == fp) {
                    runDot(sim, design == fp ? fp16Activations(4 * k, random) : validCodes(w, 4, k, random),
                            design == fp ? 16 : w.bits(), validCodes(w, 4, k, random), w.bits(), 4, k, 4, design == fp);
                } else {
                    for (int pair = 0; pair < Math.min(4096, 1 << (2 * w.bits())); pair++) {
                        sim.poke("pair", pair);
                        sim.step();
                    }
                }
                Path d = dir.resolve(design.name());
                CosimResult r = Cosim.icarus(design, sim.trace(), d.resolve("cosim"));
                assertTrue(r.passed(), r.toString());
                EmittedDesign e = VerilogEmitter.emit(design);
                e.writeTo(d.resolve("lint"));
                ToolResult lint = Verilator.lint(d.resolve("lint"), e.fileNames(), e.top());
                assertTrue(lint.ok() && Verilator.warnings(lint) == 0, lint.stderr());
                EmittedDesign s = VerilogEmitter.emit(design, EmitOptions.synthesis());
                s.writeTo(d.resolve("synth"));
                SynthReport synth = Yosys.synth(d.resolve("synth"), s.fileNames(), s.top(), SynthFlow.ICE40, null,
                        Duration.ofMinutes(5));
                assertTrue(synth.count("SB_LUT4") > 0, synth.cellsByType().toString());
                System.out.println(design.name() + " iCE40: " + synth.cellsByType());
            }
        }
    }
}
