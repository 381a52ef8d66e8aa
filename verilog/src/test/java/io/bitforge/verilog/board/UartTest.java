package io.bitforge.verilog.board;

import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.sim.Simulator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The UART receiver and transmitter on the Java HDL simulator, with 8 clock cycles a bit, driven bit by bit. */
class UartTest {
    private static final int CPB = 8;

    /** Drives {@code levels} (one per bit period) on rx and returns the bytes received. */
    private static List<Long> receive(Simulator sim, int[] levels) {
        List<Long> got = new ArrayList<>();
        for (int level : levels) {
            sim.poke("rx", level);
            for (int c = 0; c < CPB; c++) {
                sim.step();
                if (sim.peek("valid") == 1) {
                    got.add(sim.peek("data"));
                }
            }
        }
        for (int c = 0; c < 4 * CPB; c++) {
            sim.step();
            if (sim.peek("valid") == 1) {
                got.add(sim.peek("data"));
            }
        }
        return got;
    }

    private static int[] frame(int value, int stop) {
        int[] bits = new int[10];
        for (int i = 0; i < 8; i++) {
            bits[1 + i] = (value >> i) & 1;
        }
        bits[9] = stop;
        return bits;
    }

    private static int[] concat(int[]... parts) {
        List<Integer> all = new ArrayList<>();
        for (int[] p : parts) {
            for (int b : p) {
                all.add(b);
            }
        }
        return all.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void receivesFramesBackToBackLeastSignificantBitFirst() {
        Simulator sim = Simulator.of(UartRx.build(CPB));
        sim.poke("rx", 1);
        sim.reset(2);
        // 0xA5 = 1010 0101: the line after the start bit reads 1,0,1,0,0,1,0,1
        assertEquals(List.of(0xA5L, 0x3CL), receive(sim, concat(new int[] {1, 1}, frame(0xA5, 1), frame(0x3C, 1))));
    }

    @Test
    void aShortLowPulseIsNoStartBitAndALowStopBitNoByte() {
        Simulator sim = Simulator.of(UartRx.build(CPB));
        sim.poke("rx", 1);
        sim.reset(2);
        // a 2-cycle glitch: the start bit is high again at mid-bit
        sim.poke("rx", 0);
        sim.step(2);
        sim.poke("rx", 1);
        assertEquals(List.of(), receive(sim, new int[] {1, 1, 1}));
        boolean[] framing = {false};
        List<Long> got = new ArrayList<>();
        for (int level : concat(frame(0x55, 0), new int[] {1, 1})) {
            sim.poke("rx", level);
            for (int c = 0; c < CPB; c++) {
                sim.step();
                framing[0] |= sim.peek("framing_error") == 1;
                if (sim.peek("valid") == 1) {
                    got.add(sim.peek("data"));
                }
            }
        }
        assertEquals(List.of(), got);
        assertTrue(framing[0], "a low stop bit is a framing error");
    }

    @Test
    void transmitterFeedsTheReceiver() {
        ModuleBuilder m = ModuleBuilder.named("loop");
        var tx = m.instance("u_tx", UartTx.build(CPB)).connect("send", m.in("send", Shape.bool()))
                .connect("data", m.in("data", Shape.u(8)));
        var rx = m.instance("u_rx", UartRx.build(CPB)).connect("rx", tx.out("tx"));
        m.drive(m.out("valid", Shape.bool()), rx.out("valid"));
        m.drive(m.out("byte", Shape.u(8)), rx.out("data"));
        m.drive(m.out("busy", Shape.bool()), tx.out("busy"));
        m.drive(m.out("line", Shape.bool()), tx.out("tx"));
        ModuleDef loop = m.build();
        Simulator sim = Simulator.of(loop);
        sim.reset(2);
        assertEquals(1, sim.peek("line"), "the line idles high");
        List<Long> got = new ArrayList<>();
        int busyCycles = 0;
        for (int value : new int[] {0x00, 0xFF, 0x81}) {
            sim.poke("data", value);
            sim.poke("send", 1);
            sim.step();
            sim.poke("send", 0);
            while (sim.peek("busy") == 1) {
                busyCycles++;
                sim.step();
                if (sim.peek("valid") == 1) {
                    got.add(sim.peek("byte"));
                }
            }
            sim.step(4);
        }
        assertEquals(List.of(0x00L, 0xFFL, 0x81L), got);
        // start, 8 data bits and stop: 10 bit periods a frame
        assertEquals(3 * 10 * CPB, busyCycles);
    }
}
