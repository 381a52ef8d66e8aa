package io.bitforge.verilog.sim;

import io.bitforge.verilog.gen.Accumulator;
import io.bitforge.verilog.gen.Counter;
import io.bitforge.verilog.gen.Fifo;
import io.bitforge.verilog.gen.Ram;
import io.bitforge.verilog.hdl.ReadUnderWrite;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Small designs simulated with hand-derived or independently modelled traces. */
class SimulatorDesignsTest {

    @Test
    void counterWrapsAndHoldsWhenDisabled() {
        Simulator sim = Simulator.of(Counter.build(3), SimOptions.defaults().withTrace());
        sim.reset(1);
        // en pattern 1,1,1,0,1,1,1,1,1: count before each edge 0,1,2,3,3,4,5,6,7, then wraps to 0
        int[] en = {1, 1, 1, 0, 1, 1, 1, 1, 1};
        long[] expected = {0, 1, 2, 3, 3, 4, 5, 6, 7};
        long[] seen = new long[en.length];
        for (int c = 0; c < en.length; c++) {
            sim.poke("en", en[c]);
            seen[c] = sim.peek("count");
            sim.step();
        }
        assertArrayEquals(expected, seen);
        assertEquals(0, sim.peek("count"));
        // the trace holds rst, en, count per cycle: first row is the reset cycle
        Trace t = sim.trace();
        assertEquals(1 + en.length, t.cycles());
        assertEquals(1, t.value(0, "rst"));
        assertEquals(3, t.value(4, "count"));
    }

    @Test
    void accumulatorWrapsLikeTwosComplement() {
        Simulator sim = Simulator.of(Accumulator.build(8, 10));
        sim.reset(1);
        sim.poke("en", 1);
        // 4 × 127 = 508 fits s10 (max 511); a fifth 127 gives 635, which wraps to 635 - 1024 = -389
        for (int i = 0; i < 5; i++) {
            sim.poke("x", 127);
            sim.step();
        }
        assertEquals(-389, sim.peek("acc"));
        sim.poke("x", -128);
        sim.step();
        // -389 - 128 = -517 is below -512, so it wraps to -517 + 1024 = 507
        assertEquals(507, sim.peek("acc"));
        sim.poke("clr", 1);
        sim.step();
        assertEquals(0, sim.peek("acc"));
        sim.poke("clr", 0);
        sim.poke("en", 0);
        sim.step();
        assertEquals(0, sim.peek("acc"));
    }

    @Test
    void fifoMatchesAQueueModel() {
        Simulator sim = Simulator.of(Fifo.build(8, 4));
        sim.reset(1);
        ArrayDeque<Long> model = new ArrayDeque<>();
        Random rnd = new Random(7);
        for (int c = 0; c < 400; c++) {
            boolean push = rnd.nextBoolean();
            boolean pop = rnd.nextBoolean();
            long din = rnd.nextInt(256);
            sim.poke("push", push ? 1 : 0);
            sim.poke("pop", pop ? 1 : 0);
            sim.poke("din", din);
            assertEquals(model.isEmpty() ? 1 : 0, sim.peek("empty"), "empty, cycle " + c);
            assertEquals(model.size() == 4 ? 1 : 0, sim.peek("full"), "full, cycle " + c);
            assertEquals(model.size(), sim.peek("count"), "count, cycle " + c);
            if (!model.isEmpty()) {
                assertEquals(model.peek(), sim.peek("dout"), "dout, cycle " + c);
            }
            boolean doPop = pop && !model.isEmpty();
            boolean doPush = push && model.size() < 4;
            if (doPop) {
                model.poll();
            }
            if (doPush) {
                model.add(din);
            }
            sim.step();
        }
    }

    @Test
    void ramReadFirstWriteFirstAndUndefinedCollisions() {
        for (ReadUnderWrite policy : ReadUnderWrite.values()) {
            Simulator sim = Simulator.of(Ram.build(4, 8, policy));
            sim.memory("mem").write(5, 0x11);
            sim.poke("we", 1);
            sim.poke("waddr", 5);
            sim.poke("wdata", 0x22);
            sim.poke("re", 1);
            sim.poke("raddr", 5);
            if (policy == ReadUnderWrite.UNDEFINED) {
                assertThrows(SimulationException.class, sim::step);
                continue;
            }
            sim.step();
            assertEquals(policy == ReadUnderWrite.READ_FIRST ? 0x11 : 0x22, sim.peek("rdata"), policy.name());
            assertEquals(0x22, sim.memory("mem").read(5));
        }
    }

    @Test
    void ramReadsOneCycleLaterAndHoldsWithoutEnable() {
        Simulator sim = Simulator.of(Ram.build(4, 8, ReadUnderWrite.READ_FIRST), SimOptions.defaults().withActivity());
        sim.poke("we", 1);
        for (int a = 0; a < 16; a++) {
            sim.poke("waddr", a);
            sim.poke("wdata", 3 * a + 1);
            sim.step();
        }
        sim.poke("we", 0);
        sim.poke("re", 1);
        sim.poke("raddr", 9);
        assertEquals(0, sim.peek("rdata"), "nothing read yet");
        sim.step();
        assertEquals(28, sim.peek("rdata"), "3*9+1");
        sim.poke("re", 0);
        sim.poke("raddr", 2);
        sim.step();
        assertEquals(28, sim.peek("rdata"), "holds while re is low");
        Activity act = sim.activity();
        assertEquals(16, act.memoryWrites());
        assertEquals(1, act.memoryReads());
        assertEquals(18, act.cycles());
    }
}
