package io.bitforge.verilog.gen;

import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.HdlException;
import io.bitforge.verilog.hdl.Instance;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.sim.Simulator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The Java behaviours of the SB_MAC16 and SB_RAM40_4K black boxes inside simulated designs. */
class BlackBoxModelsTest {

    @Test
    void mac16MultipliesSigned() {
        ModuleBuilder m = ModuleBuilder.named("mul");
        Port a = m.in("a", Shape.s(16));
        Port b = m.in("b", Shape.s(16));
        Port p = m.out("p", Shape.s(32));
        m.drive(p, SbMac16.multiply(m, "dsp", a, b, true).asSigned());
        Simulator sim = Simulator.of(m.build());
        sim.poke(a, -32768);
        sim.poke(b, -32768);
        assertEquals(1L << 30, sim.peek(p), "(-2^15)^2 = 2^30");
        sim.poke(a, -3);
        sim.poke(b, 12345);
        assertEquals(-37035, sim.peek(p));
    }

    @Test
    void mac16RejectsUnmodelledModes() {
        ModuleBuilder m = ModuleBuilder.named("mul");
        Port a = m.in("a", Shape.u(16));
        Instance i = m.instance("dsp", SbMac16.DEF).connect("A", a).connect("B", a).param("A_REG", 1);
        m.drive(m.out("p", Shape.u(32)), i.out("O"));
        assertThrows(HdlException.class, () -> Simulator.of(m.build()));
    }

    @Test
    void ram40WritesWithMaskAndReadsNextCycle() {
        ModuleBuilder m = ModuleBuilder.named("bram");
        Port we = m.in("we", Shape.bool());
        Port addr = m.in("addr", Shape.u(11));
        Port wdata = m.in("wdata", Shape.u(16));
        Port mask = m.in("mask", Shape.u(16));
        Instance i = m.instance("ram", SbRam40.DEF).param("READ_MODE", 0).param("WRITE_MODE", 0)
                .connect("RCLKE", Const.of(Shape.bool(), 1)).connect("RE", Const.of(Shape.bool(), 1))
                .connect("RADDR", addr).connect("WCLKE", Const.of(Shape.bool(), 1)).connect("WE", we)
                .connect("WADDR", addr).connect("MASK", mask).connect("WDATA", wdata);
        m.drive(m.out("rdata", Shape.u(16)), i.out("RDATA"));
        Simulator sim = Simulator.of(m.build());
        sim.poke(we, 1);
        sim.poke(addr, 7);
        sim.poke(wdata, 0xBEEF);
        sim.step();
        assertEquals(0, sim.peek("rdata"), "read-first: the old word");
        sim.poke(wdata, 0x1234);
        sim.poke(mask, 0xFF00); // keep the high byte
        sim.step();
        assertEquals(0xBEEF, sim.peek("rdata"));
        sim.poke(we, 0);
        sim.step();
        assertEquals(0xBE34, sim.peek("rdata"));
    }
}
