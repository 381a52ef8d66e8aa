package io.bitforge.verilog.sim;

/**
 * Action counts of a simulation run, the input of an energy model (action counts × energy per action):
 * register bit toggles, enabled memory reads and writes, and multiplier operations whose operands changed
 * since the previous edge (an unchanged multiplier input does not switch the array).
 */
public record Activity(long cycles, long registerBitToggles, long memoryReads, long memoryWrites,
                       long multiplierOperations) {
}
