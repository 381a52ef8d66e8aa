package io.bitforge.verilog.gen;

import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.sim.SimOptions;
import io.bitforge.verilog.sim.Simulator;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The output-stationary array computes A·B exactly (integer reference in plain long loops). */
class SystolicArrayTest {

    /** Drives A (rows×k) and B (k×cols) through the array and returns C as read from the outputs. */
    static long[][] run(Simulator sim, SystolicArray.Params p, long[][] a, long[][] b) {
        int k = b.length;
        sim.reset(1);
        sim.poke("en", 1);
        for (int t = 0; t < p.cyclesFor(k); t++) {
            for (int i = 0; i < p.rows(); i++) {
                sim.poke("a_" + i, t < k ? a[i][t] : 0);
            }
            for (int j = 0; j < p.cols(); j++) {
                sim.poke("b_" + j, t < k ? b[t][j] : 0);
            }
            sim.step();
        }
        sim.poke("en", 0);
        long[][] c = new long[p.rows()][p.cols()];
        for (int i = 0; i < p.rows(); i++) {
            for (int j = 0; j < p.cols(); j++) {
                c[i][j] = sim.peek("c_" + i + "_" + j);
            }
        }
        return c;
    }

    static long[][] random(Random rnd, int rows, int cols) {
        long[][] m = new long[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i][j] = rnd.nextInt(256) - 128;
            }
        }
        return m;
    }

    static long[][] reference(long[][] a, long[][] b) {
        long[][] c = new long[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                for (int k = 0; k < b.length; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    @Test
    void fourByFourInt8ProductOfDepth16() {
        SystolicArray.Params p = new SystolicArray.Params(4, 4, 8, 32);
        ModuleDef array = SystolicArray.build(p);
        Random rnd = new Random(19);
        Simulator sim = Simulator.of(array, SimOptions.defaults().withActivity());
        for (int trial = 0; trial < 5; trial++) {
            long[][] a = random(rnd, 4, 16);
            long[][] b = random(rnd, 16, 4);
            long[][] c = run(sim, p, a, b);
            long[][] ref = reference(a, b);
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    assertEquals(ref[i][j], c[i][j], "C[" + i + "][" + j + "] trial " + trial);
                }
            }
        }
        // 16 PEs, each multiplier sees new operands at most once per enabled cycle
        assertEquals(true, sim.activity().multiplierOperations() > 0);
    }

    @Test
    void cornerValuesAndNonSquareShape() {
        SystolicArray.Params p = new SystolicArray.Params(2, 3, 8, 32);
        long[][] a = {{-128, -128, 127}, {127, -1, 0}};
        long[][] b = {{-128, 127, 1}, {-128, -128, -1}, {127, 0, 5}};
        // C[0][0] = (-128)(-128) + (-128)(-128) + 127·127 = 16384 + 16384 + 16129 = 48897
        long[][] c = run(Simulator.of(SystolicArray.build(p)), p, a, b);
        assertEquals(48897, c[0][0]);
        long[][] ref = reference(a, b);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(ref[i][j], c[i][j]);
            }
        }
    }

    @Test
    void resultIsNotReadyOneCycleEarly() {
        SystolicArray.Params p = new SystolicArray.Params(2, 2, 8, 32);
        Simulator sim = Simulator.of(SystolicArray.build(p));
        sim.reset(1);
        sim.poke("en", 1);
        // all-ones A and B with K = 1: PE(1,1) accumulates in cycle k+i+j = 2, so after 2 edges it is still 0
        sim.poke("a_0", 1);
        sim.poke("a_1", 1);
        sim.poke("b_0", 1);
        sim.poke("b_1", 1);
        sim.step();
        for (String in : new String[] {"a_0", "a_1", "b_0", "b_1"}) {
            sim.poke(in, 0);
        }
        sim.step();
        assertEquals(0, sim.peek("c_1_1"));
        sim.step();
        assertEquals(1, sim.peek("c_1_1"));
        assertEquals(p.cyclesFor(1), 3);
    }
}
