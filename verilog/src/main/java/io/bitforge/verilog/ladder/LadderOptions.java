package io.bitforge.verilog.ladder;

import io.bitforge.verilog.sim.SimEngine;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * What the ladder runs: the seed of the random tile, the HDL simulators beyond the Java one ({@code icarus},
 * {@code verilator}), where tools work (required when a tool runs), and where to write the random tile's VCD
 * (null: none). The exhaustive operand-pair tile runs on the Java simulator and (unless {@code icarusExhaustive}
 * is off) Icarus; Verilator (a compile of tens of seconds per design) runs the random tile only. {@code javaEngine}
 * is how the Java level simulates (compiled by default; both give the same values every cycle).
 */
public record LadderOptions(long seed, Set<String> simulators, Path workDir, Path vcd, boolean icarusExhaustive,
        SimEngine javaEngine) {
    public static final Set<String> TOOLS = Set.of("icarus", "verilator");

    public LadderOptions {
        Objects.requireNonNull(simulators, "simulators");
        Objects.requireNonNull(javaEngine, "javaEngine");
        simulators = Set.copyOf(simulators);
        if (!TOOLS.containsAll(simulators)) {
            throw new IllegalArgumentException("simulators must be among " + TOOLS + ", got " + simulators);
        }
        if (!simulators.isEmpty() && workDir == null) {
            throw new IllegalArgumentException("a work directory is needed to run " + simulators);
        }
    }

    /** The compiled Java simulator. */
    public LadderOptions(long seed, Set<String> simulators, Path workDir, Path vcd, boolean icarusExhaustive) {
        this(seed, simulators, workDir, vcd, icarusExhaustive, SimEngine.COMPILED);
    }

    /** Icarus on both tiles. */
    public LadderOptions(long seed, Set<String> simulators, Path workDir, Path vcd) {
        this(seed, simulators, workDir, vcd, true);
    }

    /** The Java simulator only. */
    public static LadderOptions javaOnly(long seed) {
        return new LadderOptions(seed, Set.of(), null, null);
    }

    /** The same, with Icarus on the random tile only (the exhaustive one stays on the Java simulator). */
    public LadderOptions randomTileInTools() {
        return new LadderOptions(seed, simulators, workDir, vcd, false, javaEngine);
    }

    /** The same, with the Java level on {@code engine}. */
    public LadderOptions withJavaEngine(SimEngine engine) {
        return new LadderOptions(seed, simulators, workDir, vcd, icarusExhaustive, engine);
    }
}
