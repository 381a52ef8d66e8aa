package io.bitforge.bench;

import io.bitforge.verilog.gen.SystolicArray;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.sim.Simulator;

import java.util.Random;

/**
 * Measures the Java HDL simulator's speed on an 8×8 INT8 output-stationary systolic array: enabled cycles per
 * second with random operands poked every cycle. Run: {@code java -cp <benchmarks classpath>
 * io.bitforge.bench.HdlSimSpeed [rows] [cycles]}. Prints warm-up and measured rounds, per wall-clock second
 * and per CPU second of the simulating thread (the latter is what to compare on a loaded machine).
 */
public final class HdlSimSpeed {
    private HdlSimSpeed() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int cycles = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        SystolicArray.Params p = new SystolicArray.Params(n, n, 8, 32);
        long t0 = System.nanoTime();
        ModuleDef array = SystolicArray.build(p);
        Simulator sim = Simulator.of(array);
        long t1 = System.nanoTime();
        System.out.printf("%dx%d array: build + compile %.1f ms%n", n, n, (t1 - t0) / 1e6);
        Random rnd = new Random(1);
        String[] a = new String[n];
        String[] b = new String[n];
        for (int i = 0; i < n; i++) {
            a[i] = "a_" + i;
            b[i] = "b_" + i;
        }
        sim.reset(1);
        sim.poke("en", 1);
        for (int round = 0; round < 5; round++) {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int c = 0; c < cycles; c++) {
                for (int i = 0; i < n; i++) {
                    sim.poke(a[i], rnd.nextInt(256) - 128);
                    sim.poke(b[i], rnd.nextInt(256) - 128);
                }
                sim.step();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            System.out.printf("round %d (%s): %d cycles in %.2f s = %.0f cycles/s (%.0f cycles per CPU second)%n",
                    round, round < 2 ? "warm-up" : "measured", cycles, seconds, cycles / seconds, cycles / cpuSeconds);
        }
        System.out.println("checksum c_0_0 = " + sim.peek("c_0_0"));
    }
}
