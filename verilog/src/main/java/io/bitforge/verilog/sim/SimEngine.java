package io.bitforge.verilog.sim;

/**
 * How the simulator evaluates a design. {@code INTERPRETED}: every driver is a tree of closures, walked every
 * cycle (no start-up cost; the oracle). {@code COMPILED}: the levelised logic is written out once as Java
 * source, compiled in process with the JDK's compiler and run as straight-line code ({@link KernelCompiler});
 * same results, cycle for cycle, at the price of a compile per distinct design (cached in the process).
 */
public enum SimEngine {
    INTERPRETED,
    COMPILED
}
