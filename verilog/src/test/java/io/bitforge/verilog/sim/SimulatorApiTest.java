package io.bitforge.verilog.sim;

import io.bitforge.verilog.gen.Counter;
import io.bitforge.verilog.gen.Fifo;
import io.bitforge.verilog.gen.SystolicArray;
import io.bitforge.verilog.hdl.HdlException;
import io.bitforge.verilog.hdl.ModuleDef;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hierarchical peeks, the memory backdoor, stepUntil, input checks and activity counters. */
class SimulatorApiTest {

    @Test
    void hierarchicalPeekAndActivity() {
        SystolicArray.Params p = new SystolicArray.Params(2, 2, 8, 32);
        Simulator sim = Simulator.of(SystolicArray.build(p), SimOptions.defaults().withActivity());
        sim.reset(1);
        sim.poke("en", 1);
        sim.poke("a_0", 3);
        sim.poke("b_0", -2);
        sim.step();
        // PE(0,0) saw a=3, b=-2 in cycle 0; its a_q register now holds 3
        assertEquals(-6, sim.peek("pe_0_0.acc_q"));
        assertEquals(3, sim.peek("pe_0_0.a_q"));
        Activity act = sim.activity();
        assertEquals(2, act.cycles());
        // 4 PEs: only PE(0,0)'s multiplier saw new operands (3, -2); the others still see (0, 0)
        assertEquals(1, act.multiplierOperations());
        // toggles in the second edge: a_q = 3 (2 bits), b_q = -2 = 0xfe (7 bits), acc_q = -6 = 0xfffffffa
        // (30 ones), skew_b1_0 takes b_1 = 0 (no change): 2 + 7 + 30 = 39
        assertEquals(39, act.registerBitToggles());
        // peeking an expression with a multiplier does not add a counted multiplier
        io.bitforge.verilog.hdl.Port a0 = sim.top().port("a_0");
        assertEquals(9, sim.peek(a0.times(a0)));
        sim.step();
        assertEquals(3, sim.activity().cycles());
    }

    @Test
    void memoryBackdoorAndStepUntil() {
        ModuleDef fifo = Fifo.build(8, 4);
        Simulator sim = Simulator.of(fifo);
        sim.reset(1);
        sim.poke("push", 1);
        sim.poke("din", 42);
        assertTrue(sim.stepUntil(fifo.port("full"), 10));
        assertEquals(4, sim.peek("count"));
        assertEquals(42, sim.memory("store").read(3));
        sim.memory("store").write(0, 7);
        assertEquals(7, sim.peek("dout"), "the head word changed through the backdoor");
        assertThrows(HdlException.class, () -> sim.memory("nope"));
        assertThrows(HdlException.class, () -> sim.memory("store").write(0, 256));
    }

    @Test
    void pokeChecksShapes() {
        Simulator sim = Simulator.of(Counter.build(4));
        assertThrows(HdlException.class, () -> sim.poke("en", 2));
        assertThrows(HdlException.class, () -> sim.poke("count", 1), "outputs cannot be poked");
        assertFalse(sim.stepUntil(sim.top().port("en"), 3));
    }
}
