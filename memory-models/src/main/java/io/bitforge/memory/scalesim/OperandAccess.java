package io.bitforge.memory.scalesim;

/**
 * One operand's accesses in one layer: a start cycle, a stop cycle and a count, as SCALE-Sim's
 * DETAILED_ACCESS_REPORT lists them for SRAM and DRAM.
 */
public record OperandAccess(long startCycle, long stopCycle, long count) {
    /** count / (stop − start + 1): SCALE-Sim's average DRAM bandwidth in words per cycle. */
    public double wordsPerActiveCycle() {
        return count / (double) (stopCycle - startCycle + 1);
    }
}
