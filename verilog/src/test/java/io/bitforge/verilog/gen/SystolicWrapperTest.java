package io.bitforge.verilog.gen;

import io.bitforge.verilog.sim.Simulator;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The byte-serial wrapper, driven through its pins in Java, returns A·B byte by byte. */
class SystolicWrapperTest {

    /** Loads A and B column by column, steps the array, then reads every result byte through sel/dout. */
    static long[][] run(Simulator sim, SystolicArray.Params p, long[][] a, long[][] b) {
        int k = b.length;
        sim.reset(1);
        for (int t = 0; t < p.cyclesFor(k); t++) {
            sim.poke("ld_a", 1);
            for (int i = p.rows() - 1; i >= 0; i--) { // the first byte ends in row rows-1
                sim.poke("din", t < k ? a[i][t] & 0xff : 0);
                sim.step();
            }
            sim.poke("ld_a", 0);
            sim.poke("ld_b", 1);
            for (int j = p.cols() - 1; j >= 0; j--) {
                sim.poke("din", t < k ? b[t][j] & 0xff : 0);
                sim.step();
            }
            sim.poke("ld_b", 0);
            sim.poke("step", 1);
            sim.step();
            sim.poke("step", 0);
        }
        sim.step(); // the last step_q edge
        long[][] c = new long[p.rows()][p.cols()];
        for (int i = 0; i < p.rows(); i++) {
            for (int j = 0; j < p.cols(); j++) {
                long value = 0;
                for (int byteIndex = 0; byteIndex < 4; byteIndex++) {
                    sim.poke("sel", (i * p.cols() + j) * 4L + byteIndex);
                    sim.step(2); // sel_q, then dout_q
                    value |= sim.peek("dout") << (8 * byteIndex);
                }
                c[i][j] = (int) value; // 32-bit two's complement
            }
        }
        return c;
    }

    @Test
    void twoByTwoProductThroughThePins() {
        SystolicArray.Params p = new SystolicArray.Params(2, 2, 8, 32);
        Random rnd = new Random(20);
        long[][] a = SystolicArrayTest.random(rnd, 2, 5);
        long[][] b = SystolicArrayTest.random(rnd, 5, 2);
        long[][] c = run(Simulator.of(SystolicWrapper.build(p)), p, a, b);
        long[][] ref = SystolicArrayTest.reference(a, b);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(ref[i][j], c[i][j], "C[" + i + "][" + j + "]");
            }
        }
    }
}
