package io.bitforge.core.cost;

/**
 * Cycles split by cause (DESIGN.md, "Cost report"). {@code compute} counts the steps in which the array streams
 * operands through its cells; {@code fillDrain} the systolic pipeline fill, drain and stationary-operand
 * preload; {@code memoryStall} cycles the array waits for DRAM; {@code vector} cycles of the vector unit
 * (serialised after the array in this model); {@code sramStall} cycles the array waits for operand SRAMs whose
 * banks and ports cannot move what the dataflow asks of them per cycle.
 */
public record CycleBreakdown(long compute, long memoryStall, long fillDrain, long vector, long sramStall) {
    public static final CycleBreakdown ZERO = new CycleBreakdown(0, 0, 0, 0, 0);

    public CycleBreakdown {
        if (compute < 0 || memoryStall < 0 || fillDrain < 0 || vector < 0 || sramStall < 0) {
            throw new IllegalArgumentException("cycles must be >= 0: compute=" + compute + " memoryStall="
                    + memoryStall + " fillDrain=" + fillDrain + " vector=" + vector + " sramStall=" + sramStall);
        }
    }

    /** Cycles without SRAM stalls. */
    public CycleBreakdown(long compute, long memoryStall, long fillDrain, long vector) {
        this(compute, memoryStall, fillDrain, vector, 0);
    }

    public long total() {
        return compute + memoryStall + fillDrain + vector + sramStall;
    }

    /** Every cycle the array waits for memory: DRAM and SRAM stalls. */
    public long stalls() {
        return memoryStall + sramStall;
    }

    public CycleBreakdown plus(CycleBreakdown other) {
        return new CycleBreakdown(Math.addExact(compute, other.compute), Math.addExact(memoryStall, other.memoryStall),
                Math.addExact(fillDrain, other.fillDrain), Math.addExact(vector, other.vector),
                Math.addExact(sramStall, other.sramStall));
    }

    public CycleBreakdown times(long factor) {
        return new CycleBreakdown(Math.multiplyExact(compute, factor), Math.multiplyExact(memoryStall, factor),
                Math.multiplyExact(fillDrain, factor), Math.multiplyExact(vector, factor),
                Math.multiplyExact(sramStall, factor));
    }
}
