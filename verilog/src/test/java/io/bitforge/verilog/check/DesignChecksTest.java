package io.bitforge.verilog.check;

import io.bitforge.verilog.gen.Accumulator;
import io.bitforge.verilog.gen.Counter;
import io.bitforge.verilog.gen.Fifo;
import io.bitforge.verilog.gen.Ram;
import io.bitforge.verilog.gen.SystolicArray;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Instance;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.ReadUnderWrite;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.hdl.Wire;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each named check fires on a minimal bad design and stays silent on the good ones. */
class DesignChecksTest {

    private static DesignCheckException fails(Consumer<ModuleBuilder> body) {
        ModuleBuilder m = ModuleBuilder.named("bad");
        body.accept(m);
        return assertThrows(DesignCheckException.class, m::build);
    }

    private static void assertOnly(CheckId id, DesignCheckException e) {
        assertEquals(List.of(id), e.diagnostics().stream().map(Diagnostic::check).distinct().toList(), e.getMessage());
    }

    @Test
    void undrivenOutput() {
        DesignCheckException e = fails(m -> m.out("y", Shape.u(4)));
        assertOnly(CheckId.UNDRIVEN_OUTPUT, e);
        assertTrue(e.getMessage().contains("output y"), e.getMessage());
    }

    @Test
    void undrivenWire() {
        assertOnly(CheckId.UNDRIVEN_WIRE, fails(m -> {
            Wire w = m.wire("w", Shape.u(4));
            m.drive(m.out("y", Shape.u(4)), w);
        }));
    }

    @Test
    void multipleDrivers() {
        assertOnly(CheckId.MULTIPLE_DRIVERS, fails(m -> {
            Port y = m.out("y", Shape.u(4));
            m.drive(y, Const.of(Shape.u(4), 1));
            m.drive(y, Const.of(Shape.u(4), 2));
        }));
        assertOnly(CheckId.MULTIPLE_DRIVERS, fails(m -> {
            Port a = m.in("a", Shape.u(4));
            m.drive(a, Const.of(Shape.u(4), 1));
        }));
    }

    @Test
    void combinationalLoopIsReportedAsTheLoopOfNames() {
        DesignCheckException e = fails(m -> {
            Wire p = m.wire("p", Shape.u(4));
            Wire q = m.wire("q", Shape.u(4));
            m.drive(p, q.xor(Const.of(Shape.u(4), 1)));
            m.drive(q, p);
            m.drive(m.out("y", Shape.u(4)), q);
        });
        assertOnly(CheckId.COMB_LOOP, e);
        assertTrue(e.getMessage().contains("p -> q -> p") || e.getMessage().contains("q -> p -> q"), e.getMessage());
    }

    @Test
    void combinationalLoopThroughAnInstance() {
        ModuleBuilder c = ModuleBuilder.named("pass");
        Port in = c.in("x", Shape.u(2));
        c.drive(c.out("y", Shape.u(2)), in);
        ModuleDef pass = c.build();
        DesignCheckException e = fails(m -> {
            Instance i = m.instance("u", pass);
            i.connect("x", i.out("y"));
            m.drive(m.out("o", Shape.u(2)), i.out("y"));
        });
        assertOnly(CheckId.COMB_LOOP, e);
        assertTrue(e.getMessage().contains("u.y -> u.y"), e.getMessage());
    }

    @Test
    void registerBreaksALoop() {
        ModuleBuilder m = ModuleBuilder.named("good");
        Reg r = m.reg("r", Shape.u(4), 0);
        m.next(r, r.plus(1).truncate(4));
        m.drive(m.out("y", Shape.u(4)), r);
        assertDoesNotThrow(m::build);
    }

    @Test
    void latch() {
        DesignCheckException e = fails(m -> {
            Port en = m.in("en", Shape.bool());
            Port y = m.out("y", Shape.u(4));
            m.when(en, s -> s.drive(y, Const.of(Shape.u(4), 3)));
        });
        assertOnly(CheckId.LATCH, e);
        assertTrue(e.getMessage().contains("y"), e.getMessage());
    }

    @Test
    void defaultOrOtherwiseAvoidsTheLatch() {
        ModuleBuilder m = ModuleBuilder.named("good");
        Port en = m.in("en", Shape.bool());
        Port y = m.out("y", Shape.u(4));
        Port z = m.out("z", Shape.u(4));
        m.drive(y, Const.of(Shape.u(4), 0));
        m.when(en, s -> s.drive(y, Const.of(Shape.u(4), 3)));
        m.when(en, s -> s.drive(z, Const.of(Shape.u(4), 1))).otherwise(s -> s.drive(z, Const.of(Shape.u(4), 2)));
        assertDoesNotThrow(m::build);
    }

    @Test
    void widthMismatch() {
        assertOnly(CheckId.SHAPE_MISMATCH, fails(m -> {
            Port a = m.in("a", Shape.u(4));
            m.drive(m.out("y", Shape.u(4)), a.plus(a)); // u5 into u4: must truncate explicitly
        }));
        assertOnly(CheckId.SHAPE_MISMATCH, fails(m -> {
            Port a = m.in("a", Shape.s(4));
            m.drive(m.out("y", Shape.u(4)), a); // signedness differs
        }));
    }

    @Test
    void nameClashAfterSanitising() {
        DesignCheckException e = fails(m -> {
            Port a = m.in("a-b", Shape.u(1));
            Port b = m.in("a_b", Shape.u(1));
            m.drive(m.out("y", Shape.u(1)), a.and(b));
        });
        assertOnly(CheckId.NAME_CLASH, e);
        assertOnly(CheckId.NAME_CLASH, fails(m -> m.drive(m.out("clk", Shape.u(1)), Const.of(Shape.u(1), 0))));
    }

    @Test
    void unconnectedInstanceInput() {
        ModuleDef counter = Counter.build(4);
        assertOnly(CheckId.UNCONNECTED_INPUT, fails(m -> {
            Instance i = m.instance("u", counter);
            m.drive(m.out("y", Shape.u(4)), i.out("count"));
        }));
    }

    @Test
    void netOfAnotherModule() {
        ModuleBuilder other = ModuleBuilder.named("other");
        Port stranger = other.in("s", Shape.u(4));
        DesignCheckException e = fails(m -> m.drive(m.out("y", Shape.u(4)), stranger));
        assertOnly(CheckId.FOREIGN_NET, e);
        assertTrue(e.getMessage().contains("s belongs to another module"), e.getMessage());
    }

    @Test
    void goodDesignsPassEveryCheck() {
        assertDoesNotThrow(() -> Counter.build(8));
        assertDoesNotThrow(() -> Accumulator.build(8, 20));
        assertDoesNotThrow(() -> Fifo.build(8, 4));
        assertDoesNotThrow(() -> Ram.build(8, 16, ReadUnderWrite.UNDEFINED));
        assertDoesNotThrow(() -> SystolicArray.build(new SystolicArray.Params(3, 2, 8, 32)));
    }
}
