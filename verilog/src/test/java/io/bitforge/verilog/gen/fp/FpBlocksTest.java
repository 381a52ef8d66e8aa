package io.bitforge.verilog.gen.fp;

import io.bitforge.core.arith.FloatArith;
import io.bitforge.core.arith.FloatLayout;
import io.bitforge.verilog.emit.EmittedDesign;
import io.bitforge.verilog.emit.EmitOptions;
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

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FP blocks in the Java HDL simulator against the shared reference ({@link FloatArith}, itself checked against
 * Java's float arithmetic): exhaustive over every FP8 E5M2 pair (zeros, subnormals, infinities, NaN, overflow all
 * occur), FP16 and FP32 corner sets pair by pair, and seeded random pairs; then Icarus replays the Java simulator's
 * trace, Verilator lints with -Wall, and Yosys maps the blocks to iCE40.
 */
class FpBlocksTest {
    private static final FloatLayout E5M2 = FloatLayout.ieee(5, 2);

    static List<Long> corners(FloatLayout l) {
        long top = l.infinityCode();
        long m = l.mantissaBits();
        long[] magnitudes = {0, 1, 2, (1L << m) - 1, 1L << m, (1L << m) + 1, l.maxFiniteCode(), l.maxFiniteCode() - 1,
            top, top | 1, l.quietNanCode(), (long) l.bias() << m, ((long) l.bias() << m) | 1,
            ((long) l.bias() - 1) << m | ((1L << m) - 1), ((long) l.bias() + 1) << m, ((long) l.bias() - m - 1) << m};
        List<Long> out = new ArrayList<>();
        for (long v : magnitudes) {
            out.add(v);
            out.add(v | l.signBit());
        }
        return out;
    }

    private static long checkMultiplier(FloatLayout in, FloatLayout out, List<long[]> pairs) {
        ModuleDef design = FpMultiplier.build(in, in, out);
        Simulator sim = Simulator.of(design);
        for (long[] p : pairs) {
            sim.poke("a", p[0]);
            sim.poke("b", p[1]);
            long expected = FloatArith.multiply(p[0], in, p[1], in, out);
            assertEquals(expected, sim.peek("p"), Long.toHexString(p[0]) + " x " + Long.toHexString(p[1]));
        }
        return pairs.size();
    }

    @Test
    void everyFp8E5m2PairMultipliesAsTheReference() {
        List<long[]> pairs = new ArrayList<>();
        for (long a = 0; a < 256; a++) {
            for (long b = 0; b < 256; b++) {
                pairs.add(new long[] {a, b});
            }
        }
        assertEquals(65536, checkMultiplier(E5M2, E5M2, pairs));
        // E5M2 into FP16 too: every product exact, widening the exponent range
        checkMultiplier(E5M2, FloatLayout.FP16, pairs);
    }

    @Test
    void fp16AndBf16ProductsIntoFp32MatchTheReference() {
        for (FloatLayout in : List.of(FloatLayout.FP16, FloatLayout.BF16)) {
            List<long[]> pairs = new ArrayList<>();
            for (long a : corners(in)) {
                for (long b : corners(in)) {
                    pairs.add(new long[] {a, b});
                }
            }
            Random random = new Random(2610);
            for (int i = 0; i < 20_000; i++) {
                pairs.add(new long[] {random.nextInt(1 << 16), random.nextInt(1 << 16)});
            }
            checkMultiplier(in, FloatLayout.FP32, pairs);
        }
    }

    static List<long[]> fp32Pairs(int randomPairs, long seed) {
        List<long[]> pairs = new ArrayList<>();
        for (long a : corners(FloatLayout.FP32)) {
            for (long b : corners(FloatLayout.FP32)) {
                pairs.add(new long[] {a, b});
            }
        }
        Random random = new Random(seed);
        for (int i = 0; i < randomPairs; i++) {
            long a = random.nextInt() & 0xFFFF_FFFFL;
            long b = i % 3 == 0 ? random.nextInt() & 0xFFFF_FFFFL
                    : (a ^ random.nextInt(1 << 27) ^ (i % 2 == 0 ? 0x8000_0000L : 0)) & 0xFFFF_FFFFL;
            pairs.add(new long[] {a, b});
        }
        return pairs;
    }

    @Test
    void fp32AdderMatchesTheReferenceAndJavaFloats() {
        ModuleDef design = FpAdder.build(FloatLayout.FP32);
        Simulator sim = Simulator.of(design);
        for (long[] p : fp32Pairs(50_000, 2611)) {
            sim.poke("a", p[0]);
            sim.poke("b", p[1]);
            long expected = FloatArith.add(p[0], p[1], FloatLayout.FP32);
            assertEquals(expected, sim.peek("s"), Long.toHexString(p[0]) + " + " + Long.toHexString(p[1]));
        }
        // by hand: 1.0 + 2^-24 ties to even (1.0); 1.5 + 1.5 = 3.0
        sim.poke("a", 0x3F800000L);
        sim.poke("b", 0x33800000L);
        assertEquals(0x3F800000L, sim.peek("s"));
        sim.poke("a", 0x3FC00000L);
        sim.poke("b", 0x3FC00000L);
        assertEquals(0x40400000L, sim.peek("s"));
    }

    @Test
    void fp16Fp32AdderIsExhaustiveOnFp16Corners() {
        ModuleDef design = FpAdder.build(FloatLayout.FP16);
        Simulator sim = Simulator.of(design);
        Random random = new Random(2612);
        List<Long> c = corners(FloatLayout.FP16);
        for (long a : c) {
            for (long b : c) {
                sim.poke("a", a);
                sim.poke("b", b);
                assertEquals(FloatArith.add(a, b, FloatLayout.FP16), sim.peek("s"), a + " + " + b);
            }
        }
        for (int i = 0; i < 50_000; i++) {
            long a = random.nextInt(1 << 16);
            long b = random.nextInt(1 << 16);
            sim.poke("a", a);
            sim.poke("b", b);
            assertEquals(FloatArith.add(a, b, FloatLayout.FP16), sim.peek("s"), a + " + " + b);
        }
    }

    @Test
    void icarusVerilatorAndYosysAgree(@TempDir Path dir) throws IOException {
        ToolGate.require("iverilog", "vvp", "verilator", "yosys");
        List<ModuleDef> designs = List.of(FpMultiplier.build(FloatLayout.FP16, FloatLayout.FP16, FloatLayout.FP32),
                FpMultiplier.build(FloatLayout.BF16, FloatLayout.BF16, FloatLayout.FP32), FpAdder.build(FloatLayout.FP32));
        List<long[]> pairs = fp32Pairs(3000, 2613);
        for (ModuleDef design : designs) {
            Path d = dir.resolve(design.name());
            Simulator sim = Simulator.of(design, SimOptions.defaults().withTrace());
            boolean adder = design.name().startsWith("fp_add");
            for (long[] p : pairs) {
                sim.poke("a", adder ? p[0] : p[0] & 0xFFFF);
                sim.poke("b", adder ? p[1] : p[1] >>> 16);
                sim.step();
            }
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
            assertTrue(synth.count("SB_LUT4") > 50, synth.cellsByType().toString());
            System.out.println(design.name() + " iCE40: " + synth.cellsByType());
        }
    }
}
