package io.bitforge.memory.sram;

/**
 * Cycles an array spends waiting on an SRAM whose banks and ports cannot deliver the array's per-cycle demand.
 * Demand is spread evenly over the banks (words interleaved across banks), so the macro delivers at most
 * banks × ports × word bits per cycle; a phase that wants more per cycle is stretched to
 * ceil(total bits / deliverable bits per cycle) cycles. Bank conflicts from uneven address patterns are not
 * modelled (SCALE-Sim v2 models them only with a custom layout; see its {@code read_buffer.service_reads}).
 */
public final class SramPortLimit {
    private SramPortLimit() {
    }

    /** Cycles to serve {@code demandBitsPerCycle} for {@code activeCycles} cycles: at least activeCycles. */
    public static long accessCycles(SramMacro macro, long demandBitsPerCycle, long activeCycles) {
        if (demandBitsPerCycle < 0 || activeCycles < 0) {
            throw new IllegalArgumentException("demand and cycles must be >= 0, got " + demandBitsPerCycle + ", "
                    + activeCycles);
        }
        long totalBits = Math.multiplyExact(demandBitsPerCycle, activeCycles);
        long supply = macro.bitsPerCycle();
        return Math.max(activeCycles, (totalBits + supply - 1) / supply);
    }

    /** Extra cycles beyond {@code activeCycles} caused by the bank/port limit. */
    public static long stallCycles(SramMacro macro, long demandBitsPerCycle, long activeCycles) {
        return accessCycles(macro, demandBitsPerCycle, activeCycles) - activeCycles;
    }
}
