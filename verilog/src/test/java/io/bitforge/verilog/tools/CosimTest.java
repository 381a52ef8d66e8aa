package io.bitforge.verilog.tools;

import io.bitforge.verilog.gen.Accumulator;
import io.bitforge.verilog.gen.Counter;
import io.bitforge.verilog.gen.Fifo;
import io.bitforge.verilog.gen.Mac16;
import io.bitforge.verilog.gen.Ram;
import io.bitforge.verilog.gen.Saturator;
import io.bitforge.verilog.gen.SbMac16;
import io.bitforge.verilog.gen.SystolicArray;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.ReadUnderWrite;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.sim.SimOptions;
import io.bitforge.verilog.sim.Simulator;
import io.bitforge.verilog.sim.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Trace-replay cosimulation: random stimulus runs on the Java simulator, the emitted design replays it in Icarus
 * (and the 4×4 array in Verilator) and every output must match every cycle.
 */
class CosimTest {
    private int exercised;

    private Trace record(ModuleDef design, int cycles, long seed, StimulusFn stimulus) {
        Simulator sim = Simulator.of(design, SimOptions.defaults().withTrace());
        sim.reset(2);
        Random rnd = new Random(seed);
        for (int c = 0; c < cycles; c++) {
            stimulus.apply(sim, rnd, c);
            sim.step();
        }
        return sim.trace();
    }

    interface StimulusFn {
        void apply(Simulator sim, Random rnd, int cycle);
    }

    private void icarus(ModuleDef design, Trace trace, Path dir) {
        CosimResult r = Cosim.icarus(design, trace, dir);
        assertTrue(r.passed(), design.name() + " differs in Icarus:\n" + r.log());
        exercised++;
    }

    private static StimulusFn randomInputs(ModuleDef design) {
        return (sim, rnd, c) -> {
            for (Port p : design.inputs()) {
                Shape s = p.shape();
                long raw = rnd.nextLong();
                sim.poke(p, s.canonical(raw));
            }
        };
    }

    @Test
    void smallDesignsMatchIcarus(@TempDir Path dir) {
        ToolGate.require("iverilog", "vvp");
        ModuleDef counter = Counter.build(4);
        icarus(counter, record(counter, 60, 1, randomInputs(counter)), dir.resolve("counter"));
        ModuleDef acc = Accumulator.build(8, 12);
        icarus(acc, record(acc, 200, 2, (sim, rnd, c) -> {
            sim.poke("x", rnd.nextInt(256) - 128);
            sim.poke("en", rnd.nextInt(8) != 0 ? 1 : 0);
            sim.poke("clr", rnd.nextInt(50) == 0 ? 1 : 0);
        }), dir.resolve("acc"));
        ModuleDef fifo = Fifo.build(8, 4);
        icarus(fifo, record(fifo, 300, 3, randomInputs(fifo)), dir.resolve("fifo"));
        for (ReadUnderWrite policy : ReadUnderWrite.values()) {
            ModuleDef ram = Ram.build(4, 8, policy);
            icarus(ram, record(ram, 300, 4, (sim, rnd, c) -> {
                long waddr = rnd.nextInt(16);
                long raddr = rnd.nextInt(16);
                boolean we = rnd.nextBoolean();
                boolean re = rnd.nextInt(4) != 0;
                if (policy == ReadUnderWrite.UNDEFINED && we && re && waddr == raddr) {
                    raddr = (raddr + 1) % 16; // collisions have no defined value
                }
                sim.poke("we", we ? 1 : 0);
                sim.poke("waddr", waddr);
                sim.poke("wdata", rnd.nextInt(256));
                sim.poke("re", re ? 1 : 0);
                sim.poke("raddr", raddr);
            }), dir.resolve("ram-" + policy));
        }
        ModuleDef mac = Mac16.build();
        icarus(mac, record(mac, 200, 5, randomInputs(mac)), dir.resolve("mac16"));
        assertEquals(7, exercised, "counter, accumulator, fifo, 3 rams, mac16");
    }

    @Test
    void saturatorAgainstNegativeConstantsMatchesIcarus(@TempDir Path dir) {
        ToolGate.require("iverilog", "vvp");
        ModuleDef sat = Saturator.build(20, 16);
        // corner values around both thresholds, then random 20-bit values
        long[] corners = {-524288, -32769, -32768, -32767, -1, 0, 1, 32766, 32767, 32768, 524287};
        Trace t = record(sat, 4000, 6, (sim, rnd, c) ->
                sim.poke("x", c < corners.length ? corners[c] : rnd.nextInt(1 << 20) - (1 << 19)));
        icarus(sat, t, dir);
        assertEquals(-32768, t.value(2 + 1, "y"), "-32769 clamps to -32768"); // two reset rows come first
    }

    @Test
    void mismatchIsReportedWithCycleSignalAndValues(@TempDir Path dir) throws Exception {
        ToolGate.require("iverilog", "vvp");
        ModuleDef counter = Counter.build(4);
        Trace t = record(counter, 10, 1, (sim, rnd, c) -> sim.poke("en", 1));
        Trace broken = new Trace(t.signals());
        for (int c = 0; c < t.cycles(); c++) {
            long[] row = t.rows().get(c).clone();
            if (c == 7) {
                row[t.indexOf("count")] ^= 1;
            }
            broken.add(row);
        }
        CosimResult r = Cosim.icarus(counter, broken, dir);
        assertFalse(r.passed());
        assertTrue(r.log().contains("MISMATCH cycle 7 signal count: expected 4, got 5"), r.log());
    }

    @Test
    void sbMac16JavaModelMatchesYosysCellModel(@TempDir Path dir) {
        ToolGate.require("iverilog", "vvp", "yosys");
        ModuleBuilder m = ModuleBuilder.named("dsp_mul");
        Port a = m.in("a", Shape.s(16));
        Port b = m.in("b", Shape.s(16));
        m.drive(m.out("p", Shape.s(32)), SbMac16.multiply(m, "dsp", a, b, true).asSigned());
        ModuleDef design = m.build();
        icarus(design, record(design, 300, 7, randomInputs(design)), dir);
    }

    @Test
    void sbRam40JavaModelMatchesYosysCellModel(@TempDir Path dir) {
        ToolGate.require("iverilog", "vvp", "yosys");
        ModuleBuilder m = ModuleBuilder.named("bram");
        Port we = m.in("we", Shape.bool());
        Port re = m.in("re", Shape.bool());
        Port waddr = m.in("waddr", Shape.u(11));
        Port raddr = m.in("raddr", Shape.u(11));
        Port mask = m.in("mask", Shape.u(16));
        Port wdata = m.in("wdata", Shape.u(16));
        io.bitforge.verilog.hdl.Instance ram = m.instance("ram", io.bitforge.verilog.gen.SbRam40.DEF)
                .param("READ_MODE", 0).param("WRITE_MODE", 0)
                .connect("RCLKE", io.bitforge.verilog.hdl.Const.of(Shape.bool(), 1)).connect("RE", re)
                .connect("RADDR", raddr).connect("WCLKE", io.bitforge.verilog.hdl.Const.of(Shape.bool(), 1))
                .connect("WE", we).connect("WADDR", waddr).connect("MASK", mask).connect("WDATA", wdata);
        m.drive(m.out("rdata", Shape.u(16)), ram.out("RDATA"));
        ModuleDef design = m.build();
        Trace t = record(design, 400, 10, (sim, rnd, c) -> {
            sim.poke(we, rnd.nextInt(2));
            sim.poke(re, c == 0 ? 1 : rnd.nextInt(2)); // the first edge reads, so RDATA is defined afterwards
            sim.poke(waddr, rnd.nextInt(8)); // few addresses: many collisions and re-reads
            sim.poke(raddr, rnd.nextInt(8));
            sim.poke(mask, rnd.nextInt(4) == 0 ? rnd.nextInt(1 << 16) : 0);
            sim.poke(wdata, rnd.nextInt(1 << 16));
        });
        // rows 0-1 are the reset cycles (re low there); row 2 precedes the first reading edge, so the cell's
        // RDATA (undefined until its first read) is compared from row 3 on
        CosimResult r = Cosim.icarus(design, t, dir, 3);
        assertTrue(r.passed(), "SB_RAM40_4K model differs from Yosys's cell model:\n" + r.log());
    }

    @Test
    void fourByFourArrayMatchesIcarusAndVerilator(@TempDir Path dir) throws Exception {
        ToolGate.require("iverilog", "vvp", "verilator");
        SystolicArray.Params p = new SystolicArray.Params(4, 4, 8, 32);
        ModuleDef array = SystolicArray.build(p);
        int k = 16;
        Random data = new Random(8);
        long[][] a = new long[4][k];
        long[][] b = new long[k][4];
        for (int i = 0; i < 4; i++) {
            for (int t = 0; t < k; t++) {
                a[i][t] = data.nextInt(256) - 128;
                b[t][i] = data.nextInt(256) - 128;
            }
        }
        Trace trace = record(array, p.cyclesFor(k) + 3, 9, (sim, rnd, c) -> {
            sim.poke("en", c < p.cyclesFor(k) ? 1 : 0);
            sim.poke("clr", 0);
            for (int i = 0; i < 4; i++) {
                sim.poke("a_" + i, c < k ? a[i][c] : 0);
                sim.poke("b_" + i, c < k ? b[c][i] : 0);
            }
        });
        icarus(array, trace, dir.resolve("icarus"));
        CosimResult v = Cosim.verilator(array, trace, dir.resolve("verilator"));
        assertTrue(v.passed(), "Verilator:\n" + v.log());
        assertTrue(Files.exists(dir.resolve("verilator/obj_dir")));
    }
}
