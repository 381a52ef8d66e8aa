package io.bitforge.verilog.fpga;

import io.bitforge.pe.mac.MacIntParams;
import io.bitforge.verilog.array.ArrayPlan;
import io.bitforge.verilog.array.TileArray;
import io.bitforge.verilog.array.TileBuffers;
import io.bitforge.verilog.array.TileShape;
import io.bitforge.verilog.hdl.Direction;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.PortDecl;
import io.bitforge.verilog.pe.mac.MacIntRtl;
import io.bitforge.verilog.sim.Simulator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pin-light top level reads every result of a PE array a byte at a time, as a host on its pins would. */
class ReadoutTopTest {
    @Test
    void everyResultByteIsReadableThroughSelAndDout() {
        MacIntRtl pe = new MacIntRtl(new MacIntParams(8, 8));
        ArrayPlan plan = new ArrayPlan(2, 2, new TileShape(2, 3, 2), pe.timing());
        // signed codes chosen so that sums are negative and wider than a byte: A = [[-128, 127, 5], [3, -7, 100]],
        // B = [[-128, 2], [127, -3], [9, 100]]
        long[] a = {0x80, 0x7F, 5, 3, 0xF9, 100};
        long[] b = {0x80, 2, 0x7F, 0xFD, 9, 100};
        // C = A·B by hand: C00 = 16384 + 16129 + 45 = 32558, C01 = -256 - 381 + 500 = -137,
        // C10 = -384 - 889 + 900 = -373, C11 = 6 + 21 + 10000 = 10027
        long[] expected = {32558, -137, -373, 10027};
        ModuleDef array = TileArray.build(pe, plan, a, b);
        ModuleDef top = ReadoutTop.build(array);
        List<String> ports = array.portDecls().stream()
                .filter(p -> p.direction() == Direction.OUT && p.name().startsWith("c_")).map(PortDecl::name).toList();
        assertEquals(List.of("c_0_0_0", "c_1_0_0"), ports);
        TileBuffers layout = new TileBuffers(plan, 8, 8);
        Simulator sim = Simulator.of(top);
        sim.reset(2);
        sim.poke("start", 1);
        sim.step();
        sim.poke("start", 0);
        for (int cycle = 0; sim.peek("done") == 0; cycle++) {
            if (cycle > 200) {
                throw new AssertionError("done never rose");
            }
            sim.step();
        }
        long[] results = new long[4];
        for (int addr = 0; addr < layout.resultDepth(); addr++) {
            for (int port = 0; port < ports.size(); port++) {
                int[] element = layout.resultElement(port, 0, 0, addr);
                if (element == null) {
                    continue;
                }
                long word = 0;
                for (int k = 0; k < 4; k++) {
                    sim.poke("rd_addr", addr);
                    sim.poke("sel", port * 4L + k);
                    // the result memory's read, sel_q and dout_q: three edges to dout
                    sim.step();
                    sim.step();
                    sim.step();
                    word |= (sim.peek("dout") & 0xFF) << (8 * k);
                }
                results[element[0] * 2 + element[1]] = (int) word;
            }
        }
        assertArrayEquals(expected, results);
    }
}
