package io.bitforge.verilog.sim;

import io.bitforge.verilog.hdl.Concat;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.tools.Cosim;
import io.bitforge.verilog.tools.CosimResult;
import io.bitforge.verilog.tools.ToolGate;
import io.bitforge.verilog.vcd.VcdWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Values wider than 64 bits: every operator of a design over an s100 and a u90 input (and a 200-bit
 * accumulating register) equals BigInteger arithmetic written here from the width rules of {@code Expr}, on
 * seeded operands; the emitted Verilog replays the same run in Icarus and Verilator.
 */
class WideValuesTest {
    private static final Shape A = Shape.s(100);
    private static final Shape B = Shape.u(90);

    /** The design and, per output, its expected value from the inputs (a, b, shift amount, select). */
    private record Case(ModuleDef design, Map<String, Function<BigInteger[], BigInteger>> expected) {
    }

    /** Two's-complement wrap of {@code v} to {@code width} bits, written independently of the HDL's helpers. */
    private static BigInteger wrap(BigInteger v, int width, boolean signed) {
        BigInteger modulus = BigInteger.TWO.pow(width);
        BigInteger p = v.mod(modulus);
        return signed && p.compareTo(modulus.shiftRight(1)) >= 0 ? p.subtract(modulus) : p;
    }

    private static BigInteger bool(boolean b) {
        return b ? BigInteger.ONE : BigInteger.ZERO;
    }

    private static Case design() {
        ModuleBuilder m = ModuleBuilder.named("wide_ops");
        Port a = m.in("a", A);
        Port b = m.in("b", B);
        Port sh = m.in("sh", Shape.u(6));
        Port sel = m.in("sel", Shape.bool());
        Map<String, Expr> outs = new LinkedHashMap<>();
        Map<String, Function<BigInteger[], BigInteger>> exp = new LinkedHashMap<>();
        // x[0] = a, x[1] = b, x[2] = sh, x[3] = sel, x[4] = acc before the edge
        outs.put("sum", a.plus(b));                       // s101
        exp.put("sum", x -> x[0].add(x[1]));
        outs.put("wrapsum", a.plusWrapped(b));            // s100
        exp.put("wrapsum", x -> wrap(x[0].add(x[1]), 100, true));
        outs.put("diff", b.minus(a));                     // s101
        exp.put("diff", x -> x[1].subtract(x[0]));
        outs.put("prod", a.times(b));                     // s191
        exp.put("prod", x -> x[0].multiply(x[1]));
        outs.put("andv", a.and(b));                       // s100
        exp.put("andv", x -> wrap(x[0].and(x[1]), 100, true));
        outs.put("orv", a.or(b));
        exp.put("orv", x -> wrap(x[0].or(x[1]), 100, true));
        outs.put("xorv", a.xor(b));
        exp.put("xorv", x -> wrap(x[0].xor(x[1]), 100, true));
        outs.put("neg", a.neg());                         // s101
        exp.put("neg", x -> x[0].negate());
        outs.put("notb", b.not());                        // u90
        exp.put("notb", x -> BigInteger.TWO.pow(90).subtract(BigInteger.ONE).subtract(x[1]));
        outs.put("shl", b.shl(37));                       // u127
        exp.put("shl", x -> x[1].shiftLeft(37));
        outs.put("shr", a.shr(45));                       // s55: narrow result of a wide operand
        exp.put("shr", x -> x[0].shiftRight(45));
        outs.put("dshl", b.shl(sh));                      // u153
        exp.put("dshl", x -> x[1].shiftLeft(x[2].intValue()));
        outs.put("dshr", a.shr(sh));                      // s100, arithmetic
        exp.put("dshr", x -> x[0].shiftRight(x[2].intValue()));
        outs.put("slice", a.slice(95, 33));               // u63
        exp.put("slice", x -> wrap(x[0].shiftRight(33), 63, false));
        outs.put("slice64", b.slice(80, 17));             // u64, the top bit of a long
        exp.put("slice64", x -> wrap(x[1].shiftRight(17), 64, false));
        outs.put("cat", Concat.of(List.of(b, a.slice(99, 60), sh)));  // u136
        exp.put("cat", x -> x[1].shiftLeft(46).or(wrap(x[0].shiftRight(60), 40, false).shiftLeft(6)).or(x[2]));
        outs.put("trunc", a.truncate(40));                // s40
        exp.put("trunc", x -> wrap(x[0], 40, true));
        outs.put("ext", a.resize(Shape.s(130)));          // s130, sign-extended
        exp.put("ext", x -> x[0]);
        outs.put("lt", a.lt(b));
        exp.put("lt", x -> bool(x[0].compareTo(x[1]) < 0));
        outs.put("ge", a.ge(b));
        exp.put("ge", x -> bool(x[0].compareTo(x[1]) >= 0));
        outs.put("eq", a.truncate(70).asUnsigned().resize(B).eq(b));
        exp.put("eq", x -> bool(wrap(x[0], 70, false).equals(x[1])));
        outs.put("anyb", b.anyBit());
        exp.put("anyb", x -> bool(x[1].signum() != 0));
        outs.put("allb", b.allBits());
        exp.put("allb", x -> bool(x[1].equals(BigInteger.TWO.pow(90).subtract(BigInteger.ONE))));
        outs.put("par", b.parity());
        exp.put("par", x -> BigInteger.valueOf(x[1].bitCount() & 1));
        outs.put("mux", Mux.of(sel, a, b));               // s100
        exp.put("mux", x -> x[3].signum() != 0 ? x[0] : x[1]);
        outs.put("wideconst", a.plusWrapped(Const.of(Shape.s(100), -3))); // a wide constant
        exp.put("wideconst", x -> wrap(x[0].subtract(BigInteger.valueOf(3)), 100, true));
        Reg acc = m.reg("acc_q", Shape.s(200), 0);
        m.next(acc, acc.plusWrapped(a.times(b)));
        outs.put("acc", acc);
        exp.put("acc", x -> x[4]);
        for (Map.Entry<String, Expr> o : outs.entrySet()) {
            m.drive(m.out(o.getKey(), o.getValue().shape()), o.getValue());
        }
        return new Case(m.build(), exp);
    }

    private static BigInteger randomSigned(Random rnd, int bits) {
        return new BigInteger(bits, rnd).subtract(BigInteger.TWO.pow(bits - 1));
    }

    /** Runs {@code cycles} seeded cycles, asserting every output each cycle; returns the recorded trace. */
    private static Trace run(Case c, int cycles, long seed) {
        Simulator sim = Simulator.of(c.design(), SimOptions.defaults().withTrace());
        sim.reset(1);
        Random rnd = new Random(seed);
        BigInteger acc = BigInteger.ZERO;
        for (int cycle = 0; cycle < cycles; cycle++) {
            BigInteger a = cycle == 0 ? BigInteger.TWO.pow(99).negate() : randomSigned(rnd, 100);
            BigInteger b = cycle == 1 ? BigInteger.TWO.pow(90).subtract(BigInteger.ONE) : new BigInteger(90, rnd);
            BigInteger sh = BigInteger.valueOf(rnd.nextInt(64));
            BigInteger sel = BigInteger.valueOf(rnd.nextInt(2));
            sim.poke(c.design().port("a"), a);
            sim.poke(c.design().port("b"), b);
            sim.poke(c.design().port("sh"), sh);
            sim.poke(c.design().port("sel"), sel);
            BigInteger[] x = {a, b, sh, sel, acc};
            for (Map.Entry<String, Function<BigInteger[], BigInteger>> e : c.expected().entrySet()) {
                Port out = c.design().port(e.getKey());
                assertEquals(e.getValue().apply(x), sim.peekWide(out), "cycle " + cycle + " " + e.getKey());
            }
            acc = wrap(acc.add(a.multiply(b)), 200, true);
            sim.step();
        }
        assertEquals(acc, sim.peekWide("acc_q"), "the 200-bit accumulator after " + cycles + " cycles");
        return sim.trace();
    }

    @Test
    void everyOperatorEqualsBigIntegerArithmetic() {
        run(design(), 300, 25);
    }

    @Test
    void narrowPeekOfAWideValueIsRefused() {
        Case c = design();
        Simulator sim = Simulator.of(c.design());
        sim.poke(c.design().port("a"), BigInteger.TWO.pow(98));
        assertEquals(BigInteger.TWO.pow(98).shiftRight(45).longValue(), sim.peek(c.design().port("shr")));
        org.junit.jupiter.api.Assertions.assertThrows(io.bitforge.verilog.hdl.HdlException.class,
                () -> sim.peek(c.design().port("prod")));
        org.junit.jupiter.api.Assertions.assertThrows(io.bitforge.verilog.hdl.HdlException.class,
                () -> sim.poke(c.design().port("b"), BigInteger.TWO.pow(90)));
    }

    @Test
    void vcdWritesWideValuesInFull() throws Exception {
        Trace trace = run(design(), 3, 7);
        StringWriter out = new StringWriter();
        VcdWriter.write(trace, "wide_ops", out);
        int prod = trace.indexOf("prod");
        String bits = trace.pattern(2, prod).toString(2);
        assertTrue(bits.length() > 64, "a 191-bit product wider than a long");
        assertTrue(out.toString().contains("b" + bits + " "), "the VCD holds the full 191-bit pattern");
    }

    @Test
    void icarusAndVerilatorReplayTheWideDesign(@TempDir Path dir) {
        ToolGate.require("iverilog", "vvp", "verilator");
        Case c = design();
        Trace trace = run(c, 40, 11);
        CosimResult icarus = Cosim.icarus(c.design(), trace, dir.resolve("icarus"));
        assertTrue(icarus.passed(), icarus.log());
        CosimResult verilator = Cosim.verilator(c.design(), trace, dir.resolve("verilator"));
        assertTrue(verilator.passed(), verilator.log());
    }
}
