package io.bitforge.verilog.pe.lut;

import io.bitforge.core.format.NumberFormats;
import io.bitforge.pe.lut.LutDatapath;
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
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The LUT unit's RTL against {@link LutDatapath#dotFp16} bit for bit: int2, int4 and ternary (two-pass) weights,
 * FP16 activations, g = 4 (LUT Tensor Core's grouping); Icarus replays, Verilator lints, Yosys maps to iCE40.
 */
class LutUnitRtlTest {
    private static final int G = 4;

    /**
     * Drives the unit as a sequencer would: per group its 2^(g−1) table entries (g terms each), its planes, then
     * its offset entry.
     */
    static long run(Simulator sim, float[] a, int[] codes, int bits) {
        int groups = a.length / G;
        sim.poke("clr", 1);
        sim.poke("op", LutUnitRtl.IDLE);
        sim.step();
        sim.poke("clr", 0);
        for (int group = 0; group < groups; group++) {
            for (int j = 0; j < G; j++) {
                sim.poke("a_" + j, NumberFormats.FP16.encode(a[group * G + j]));
                sim.poke("w_" + j, codes[group * G + j]);
            }
            sim.poke("grp", group);
            for (int h = 0; h < 1 << (G - 1); h++) {
                for (int j = 0; j < G; j++) {
                    sim.poke("op", LutUnitRtl.LOAD);
                    sim.poke("entry", h);
                    sim.poke("term", j);
                    sim.step();
                }
            }
            for (int b = 0; b < bits; b++) {
                sim.poke("op", LutUnitRtl.PLANE);
                sim.poke("plane", b);
                sim.step();
            }
            sim.poke("op", LutUnitRtl.OFFSET);
            sim.step();
        }
        sim.poke("op", LutUnitRtl.IDLE);
        sim.step();
        return sim.peek("result");
    }

    static float[] activations(int k, Random random) {
        float[] a = new float[k];
        for (int i = 0; i < k; i++) {
            a[i] = (float) NumberFormats.FP16.decode(NumberFormats.FP16.encode(random.nextGaussian()
                    * Math.scalb(1.0, random.nextInt(12) - 6)));
        }
        return a;
    }

    /** Unsigned-offset codes u = w + 2^(bits−1); ternary weights {−1, 0, +1} are codes 1..3 of the 2-bit case. */
    static int[] codes(int k, int bits, boolean ternary, Random random) {
        int[] u = new int[k];
        for (int i = 0; i < k; i++) {
            u[i] = ternary ? 1 + random.nextInt(3) : random.nextInt(1 << bits);
        }
        return u;
    }

    @ParameterizedTest
    @CsvSource({"2,false", "4,false", "2,true"})
    void dotProductsEqualTheFunctionalModel(int bits, boolean ternary) {
        int k = 32;
        Simulator sim = Simulator.of(LutUnitRtl.build(G, bits, k / G));
        sim.reset(1);
        Random random = new Random(2630 + bits);
        for (int trial = 0; trial < 20; trial++) {
            float[] a = activations(k, random);
            int[] u = codes(k, bits, ternary, random);
            float expected = LutDatapath.dotFp16(a, u, bits, G);
            assertEquals(Float.floatToIntBits(expected), (int) run(sim, a, u, bits), "trial " + trial);
        }
        // by hand: a = (1, 2, 3, 4), int2 weights w = u − 2 = (1, −1, 0, 1): 1 − 2 + 0 + 4 = 3
        float[] a = {1, 2, 3, 4};
        int[] u = {3, 1, 2, 3};
        if (bits == 2 && !ternary) {
            Simulator small = Simulator.of(LutUnitRtl.build(G, 2, 1));
            small.reset(1);
            assertEquals(Float.floatToIntBits(3f), (int) run(small, a, u, 2));
        }
    }

    @Test
    void icarusVerilatorAndYosysAgree(@TempDir Path dir) throws IOException {
        ToolGate.require("iverilog", "vvp", "verilator", "yosys");
        ModuleDef design = LutUnitRtl.build(G, 2, 4);
        Simulator sim = Simulator.of(design, SimOptions.defaults().withTrace());
        sim.reset(1);
        Random random = new Random(2631);
        for (int trial = 0; trial < 4; trial++) {
            run(sim, activations(16, random), codes(16, 2, false, random), 2);
        }
        CosimResult r = Cosim.icarus(design, sim.trace(), dir.resolve("icarus"));
        assertTrue(r.passed(), r.toString());
        EmittedDesign e = VerilogEmitter.emit(design);
        e.writeTo(dir.resolve("lint"));
        ToolResult lint = Verilator.lint(dir.resolve("lint"), e.fileNames(), e.top());
        assertTrue(lint.ok() && Verilator.warnings(lint) == 0, lint.stderr());
        EmittedDesign s = VerilogEmitter.emit(design, EmitOptions.synthesis());
        s.writeTo(dir.resolve("synth"));
        SynthReport synth = Yosys.synth(dir.resolve("synth"), s.fileNames(), s.top(), SynthFlow.ICE40, null,
                Duration.ofMinutes(8));
        assertTrue(synth.count("SB_LUT4") > 0, synth.cellsByType().toString());
        System.out.println(design.name() + " iCE40: " + synth.cellsByType());
    }
}
