package io.bitforge.verilog.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An estimate of how long the HDL flow's stages will take, from the design's flattened {@link DesignSize} and the
 * cycles simulated, before they run. Each stage is a linear model (a fixed start-up plus a cost per bit operation,
 * and for simulation per bit operation and cycle) whose coefficients were fitted to CPU times measured on a 2-core
 * x86-64 machine (Icarus Verilog 11, Verilator 5.006, Java 17; docs/limits.md lists the measurements). They are
 * estimates: a loaded machine takes longer, and a design far from the fitted ones may too; {@link RunLimits} refuses
 * runs past about a minute with them before any tool starts.
 *
 * @param stages each stage's name and estimated seconds, in run order
 */
public record ToolRunEstimate(List<Stage> stages) {
    /** No work. */
    public static final ToolRunEstimate NONE = new ToolRunEstimate(List.of());

    /** One stage: e.g. "verilator build", and its estimated seconds. */
    public record Stage(String name, double seconds) {
    }

    public ToolRunEstimate {
        stages = List.copyOf(stages);
    }

    // Java HDL simulator, compiled engine (cosim's default): 2.1M-2.8M cycles per CPU-second on the 8x8 INT8 array
    // (docs/performance.md), whose flattened size is 17,602 bit operations: 1 / (2.5e6 x 17,602) = 2.3e-11 s per
    // bit operation and cycle; compiling a second design in a process took 0.15 CPU-s (the first, 0.90), and the
    // LUT core's full 2x64x4 cell (1.26M bit operations, 1x1) about 13 CPU-s: 1e-5 s per bit operation
    static final double JAVA_COMPILE_SECONDS = 0.15;
    static final double JAVA_COMPILE_PER_OP = 1.0e-5;
    static final double JAVA_SECONDS_PER_OP_CYCLE = 2.5e-11;
    // the interpreter: 204k-306k cycles per CPU-second on the same 8x8 array: 1 / (2.5e5 x 17,602) = 2.3e-10
    static final double JAVA_INTERPRETED_SECONDS_PER_OP_CYCLE = 2.5e-10;
    // Icarus 11, CPU seconds measured on cosim's own tool folders (docs/limits.md lists them): vvp took 1.2e-8 to
    // 2.4e-8 s per op-cycle over five tiles (0.1 to 12 s); iverilog 2.7e-6 to 2.8e-6 s per op (0.03 to 3.8 s)
    static final double ICARUS_COMPILE_FIXED = 0.02;
    static final double ICARUS_COMPILE_PER_OP = 2.8e-6;
    static final double ICARUS_RUN_PER_OP_CYCLE = 2.0e-8;
    // Verilator 5.006 --binary at -O0 with -j 2, CPU seconds: 6.9 s (MixPE W4A8 4x4, 6,259 ops), 7.5 (INT8 4x4,
    // 4,635), 7.9 (INT8 8x8, 17,602), 18.6 (INT8 16x16, 68,881), 76 (LUT core 4x4, 1.35M): about 7 s fixed, then
    // 5e-5 (LUT core) to 1.6e-4 (16x16 INT8) s per op; 1e-4 keeps both within 2x
    static final double VERILATOR_BUILD_FIXED = 7.0;
    static final double VERILATOR_BUILD_PER_OP = 1.0e-4;
    // the 8x8 INT8 binary ran its 160 cycles in 5 ms: 1.8e-9 per op-cycle
    static final double VERILATOR_RUN_PER_OP_CYCLE = 2.0e-9;

    /** The Java HDL simulator's compiled engine running {@code cycles} cycles of the design, its compile included. */
    public static ToolRunEstimate javaSimulation(DesignSize size, long cycles) {
        return javaSimulation(size, cycles, true);
    }

    /** The Java HDL simulator running {@code cycles} cycles: compiled (compile, then run) or interpreted. */
    public static ToolRunEstimate javaSimulation(DesignSize size, long cycles, boolean compiled) {
        return compiled
                ? one("java simulation", JAVA_COMPILE_SECONDS + JAVA_COMPILE_PER_OP * size.bitOps()
                        + JAVA_SECONDS_PER_OP_CYCLE * opCycles(size, cycles))
                : one("java simulation", JAVA_INTERPRETED_SECONDS_PER_OP_CYCLE * opCycles(size, cycles));
    }

    /** Icarus: compile, then run {@code cycles} cycles. */
    public static ToolRunEstimate icarus(DesignSize size, long cycles) {
        return new ToolRunEstimate(List.of(
                new Stage("icarus compile", ICARUS_COMPILE_FIXED + ICARUS_COMPILE_PER_OP * size.bitOps()),
                new Stage("icarus run", ICARUS_RUN_PER_OP_CYCLE * opCycles(size, cycles))));
    }

    /** Verilator: build the testbench binary, then run {@code cycles} cycles. */
    public static ToolRunEstimate verilator(DesignSize size, long cycles) {
        return new ToolRunEstimate(List.of(
                new Stage("verilator build", VERILATOR_BUILD_FIXED + VERILATOR_BUILD_PER_OP * size.bitOps()),
                new Stage("verilator run", VERILATOR_RUN_PER_OP_CYCLE * opCycles(size, cycles))));
    }

    private static ToolRunEstimate one(String name, double seconds) {
        return new ToolRunEstimate(List.of(new Stage(name, seconds)));
    }

    private static double opCycles(DesignSize size, long cycles) {
        return (double) size.bitOps() * Math.max(0, cycles);
    }

    /** Both estimates' stages, this one's first. */
    public ToolRunEstimate plus(ToolRunEstimate other) {
        List<Stage> all = new ArrayList<>(stages);
        all.addAll(other.stages);
        return new ToolRunEstimate(all);
    }

    public double totalSeconds() {
        return stages.stream().mapToDouble(Stage::seconds).sum();
    }

    /** "about 3.2 min (verilator build 150 s, icarus run 30 s, ...)": the largest stages first, at most four. */
    public String describe() {
        List<Stage> largest = new ArrayList<>(merged());
        largest.sort((a, b) -> Double.compare(b.seconds(), a.seconds()));
        StringBuilder s = new StringBuilder("about ").append(duration(totalSeconds())).append(" (");
        for (int i = 0; i < Math.min(4, largest.size()); i++) {
            s.append(i == 0 ? "" : ", ").append(largest.get(i).name()).append(' ')
                    .append(duration(largest.get(i).seconds()));
        }
        return s.append(largest.size() > 4 ? ", ...)" : ")").toString();
    }

    /** Stages of one name added together, in first-seen order. */
    private List<Stage> merged() {
        List<Stage> out = new ArrayList<>();
        for (Stage s : stages) {
            int i = indexOf(out, s.name());
            if (i < 0) {
                out.add(s);
            } else {
                out.set(i, new Stage(s.name(), out.get(i).seconds() + s.seconds()));
            }
        }
        return out;
    }

    private static int indexOf(List<Stage> stages, String name) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Seconds as "45 s", "3.2 min", "2.5 h" or "12 days". */
    public static String duration(double seconds) {
        if (seconds >= 48 * 3600) {
            return String.format(Locale.ROOT, "%.0f days", seconds / 86_400);
        }
        if (seconds < 90) {
            return String.format(Locale.ROOT, "%.0f s", Math.max(0, seconds));
        }
        if (seconds < 90 * 60) {
            return String.format(Locale.ROOT, "%.1f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
