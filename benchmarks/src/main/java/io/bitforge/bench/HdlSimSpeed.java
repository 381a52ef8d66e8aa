package io.bitforge.bench;

import io.bitforge.verilog.gen.SystolicArray;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.sim.InputHandle;
import io.bitforge.verilog.sim.SimEngine;
import io.bitforge.verilog.sim.SimOptions;
import io.bitforge.verilog.sim.Simulator;

import java.util.Random;

/**
 * Measures the Java HDL simulator's speed on an 8×8 INT8 output-stationary systolic array: enabled cycles per
 * second with random operands poked every cycle. Run: {@code java -cp <benchmarks classpath>
 * io.bitforge.bench.HdlSimSpeed [rows] [cycles] [compiled|interpreted] [accumulator bits]}; accumulators of 65 to
 * 128 bits time the wide path (nets as words in the compiled kernel, {@code BigInteger}s in the interpreter). Prints warm-up and measured rounds, per wall-clock second
 * and per CPU second of the simulating thread (the latter is what to compare on a loaded machine).
 */
public final class HdlSimSpeed {
    private HdlSimSpeed() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int cycles = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        SimEngine engine = args.length > 2 ? SimEngine.valueOf(args[2].toUpperCase(java.util.Locale.ROOT))
                : SimEngine.COMPILED;
        int accBits = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        SystolicArray.Params p = new SystolicArray.Params(n, n, 8, accBits);
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long c0 = cpu.getCurrentThreadCpuTime();
        ModuleDef array = SystolicArray.build(p);
        Simulator sim = Simulator.of(array, SimOptions.defaults().withEngine(engine));
        long t1 = System.nanoTime();
        System.out.printf("%dx%d array, %s: build + compile %.1f ms, %.1f CPU-ms (the kernel %.1f ms)%s%n", n, n,
                sim.engine(), (t1 - t0) / 1e6, (cpu.getCurrentThreadCpuTime() - c0) / 1e6,
                sim.kernelCompileNanos() / 1e6, sim.engineNote().map(note -> "; " + note).orElse(""));
        if (engine == SimEngine.COMPILED) {
            // a second, different design in the same process: javac is loaded and warm by now
            long c1 = cpu.getCurrentThreadCpuTime();
            Simulator other = Simulator.of(SystolicArray.build(new SystolicArray.Params(n, n, 8, 24)),
                    SimOptions.defaults().withEngine(engine));
            System.out.printf("a second design (%dx%d, 24-bit accumulators): %.1f CPU-ms (the kernel %.1f ms)%n", n,
                    n, (cpu.getCurrentThreadCpuTime() - c1) / 1e6, other.kernelCompileNanos() / 1e6);
        }
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        InputHandle[] a = new InputHandle[n];
        InputHandle[] b = new InputHandle[n];
        for (int i = 0; i < n; i++) {
            a[i] = sim.input("a_" + i);
            b[i] = sim.input("b_" + i);
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
        System.out.println("checksum c_0_0 = " + sim.peekWide("c_0_0"));
    }
}
