package io.bitforge.verilog.tools;

import io.bitforge.verilog.emit.EmittedDesign;
import io.bitforge.verilog.emit.VerilogEmitter;
import io.bitforge.verilog.hdl.Concat;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.sim.SimOptions;
import io.bitforge.verilog.sim.Simulator;
import io.bitforge.verilog.sim.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operator, on signed and unsigned operands of different widths and on negative constants, emitted once
 * and replayed in Icarus against the Java simulator: the emitted Verilog means exactly what the simulator
 * computes. The same file is linted by Verilator with -Wall.
 */
class OperatorCosimTest {

    static ModuleDef allOperators() {
        ModuleBuilder m = ModuleBuilder.named("all_ops");
        Port a = m.in("a", Shape.s(12));
        Port b = m.in("b", Shape.u(7));
        Port c = m.in("c", Shape.s(5));
        Port n = m.in("n", Shape.u(3));
        Const minus3 = Const.of(Shape.s(4), -3);
        Map<String, Expr> ops = new LinkedHashMap<>();
        ops.put("add_su", a.plus(b));
        ops.put("add_ss", a.plus(c));
        ops.put("sub_us", b.minus(c));
        ops.put("sub_const", b.minus(minus3));
        ops.put("mul_ss", a.times(c));
        ops.put("mul_su", a.times(b));
        ops.put("mul_uu", b.times(n));
        ops.put("and_su", a.and(b));
        ops.put("or_ss", c.or(a));
        ops.put("xor_us", b.xor(c));
        ops.put("not_s", a.not());
        ops.put("not_u", b.not());
        ops.put("neg_s", c.neg());
        ops.put("neg_u", b.neg());
        ops.put("eq_su", a.eq(b));
        ops.put("ne_sc", c.ne(minus3));
        ops.put("lt_su", a.lt(b));
        ops.put("le_sc", c.le(minus3));
        ops.put("gt_us", b.gt(c));
        ops.put("ge_ss", a.ge(c));
        ops.put("lt_uu", b.lt(n));
        ops.put("shl_s", c.shl(3));
        ops.put("shr_s", a.shr(5));
        ops.put("shr_u", b.shr(2));
        ops.put("shr_all", c.shr(9));
        ops.put("dshr_s", a.shr(n));
        ops.put("dshr_u", b.shr(n));
        ops.put("dshl_s", c.shl(n));
        ops.put("any", a.anyBit());
        ops.put("all", b.allBits());
        ops.put("parity", a.parity());
        ops.put("mux_su", Mux.of(n.bit(0), a, b));
        ops.put("mux_const", Mux.of(n.bit(1), c, minus3));
        ops.put("slice", a.slice(10, 3));
        ops.put("cat", Concat.of(List.of(c, b, n)));
        ops.put("ext_s", c.resize(Shape.s(11)));
        ops.put("ext_u_to_s", b.resize(Shape.s(9)));
        ops.put("ext_s_to_u", c.resize(Shape.u(9)));
        ops.put("trunc", a.truncate(6));
        ops.put("as_u", a.asUnsigned());
        ops.put("as_s", b.asSigned());
        for (Map.Entry<String, Expr> op : ops.entrySet()) {
            m.drive(m.out(op.getKey(), op.getValue().shape()), op.getValue());
        }
        return m.build();
    }

    @Test
    void everyOperatorMeansTheSameInIcarus(@TempDir Path dir) {
        ToolGate.require("iverilog", "vvp", "verilator");
        ModuleDef design = allOperators();
        EmittedDesign e = VerilogEmitter.emit(design);
        Path lintDir = dir.resolve("lint");
        try {
            e.writeTo(lintDir);
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        ToolResult lint = Verilator.lint(lintDir, e.fileNames(), e.top());
        assertTrue(lint.ok() && Verilator.warnings(lint) == 0, lint.stderr());
        Simulator sim = Simulator.of(design, SimOptions.defaults().withTrace());
        Random rnd = new Random(11);
        long[][] corners = {{-2048, 127, -16, 7}, {2047, 0, 15, 0}, {-1, 64, -1, 5}, {0, 0, 0, 0}};
        for (int cycle = 0; cycle < 1000; cycle++) {
            long[] v = cycle < corners.length ? corners[cycle] : new long[] {rnd.nextInt(4096) - 2048,
                    rnd.nextInt(128), rnd.nextInt(32) - 16, rnd.nextInt(8)};
            sim.poke("a", v[0]);
            sim.poke("b", v[1]);
            sim.poke("c", v[2]);
            sim.poke("n", v[3]);
            sim.step();
        }
        Trace t = sim.trace();
        // spot checks by hand on the first corner row: a = -2048, b = 127, c = -16
        assertEquals(-2048 + 127, t.value(0, "add_su"));
        assertEquals(-2048 * 127, t.value(0, "mul_su"));
        assertEquals(1, t.value(0, "lt_su"), "-2048 < 127 as numbers, not as bit patterns");
        CosimResult r = Cosim.icarus(design, t, dir.resolve("cosim"));
        assertTrue(r.passed(), r.log());
    }
}
