package io.bitforge.verilog.ladder;

import io.bitforge.verilog.sim.Trace;

/**
 * One tile run on the Java HDL simulator: the results read back through the array's result ports (row-major
 * M×N), the cycles from {@code start} high to {@code computed} and to {@code done}, the cycle each result was
 * seen on its port, its port name, and the recorded trace (null unless asked for).
 */
public record TileRun(long[] results, long computedCycles, long doneCycles, long[] resultCycle,
                      String[] resultSignal, Trace trace) {
}
