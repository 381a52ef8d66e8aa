package io.bitforge.simulation.cost;

import io.bitforge.core.cost.ActionCounts;
import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.CycleBreakdown;
import io.bitforge.core.cost.EnergyBreakdown;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.cost.Operand;
import io.bitforge.workloads.llm.OpFootprint;

import java.util.List;
import java.util.Map;

/**
 * The DRAM floor every simulation applies to an op's engine cost: an op cannot finish before its bytes cross the
 * DRAM interface, so its cycles are max(engine cycles, DRAM bytes / sustained bytes per cycle) — transfers fully
 * overlapped with compute. The bytes are what the engine's memory model moved, or the op's whole operand footprint
 * ({@link OpFootprint}) when the model counted none (the stall-free default); in that case the footprint's DRAM
 * energy (bytes × 8 × pJ/bit) is added to the cost under {@link EnergyCategory#DRAM}.
 *
 * @param cost         the engine's cost, with the footprint's DRAM energy added when the engine counted none
 * @param engineCycles the engine's cycles
 * @param dramCycles   the DRAM bytes over the sustained bandwidth, rounded up
 * @param cycles       the larger of the two
 */
public record DramFloor(CostReport cost, long engineCycles, long dramCycles, long cycles) {

    public boolean memoryBound() {
        return dramCycles > engineCycles;
    }

    public static DramFloor apply(CostReport engineCost, OpFootprint footprint, DramFigures dram) {
        long engineDramBytes = engineDramBytes(engineCost);
        CostReport cost = engineCost;
        if (engineDramBytes == 0 && footprint.totalBytes() > 0) {
            cost = cost.plus(new CostReport(CycleBreakdown.ZERO, ActionCounts.ZERO, EnergyBreakdown.of(
                    EnergyCategory.DRAM, footprintPicojoules(footprint.totalBytes(), dram)), Map.of(), List.of()));
        }
        long engineCycles = engineCost.totalCycles();
        long dramCycles = dramCycles(engineDramBytes > 0 ? engineDramBytes : footprint.totalBytes(), dram);
        return new DramFloor(cost, engineCycles, dramCycles, Math.max(engineCycles, dramCycles));
    }

    /**
     * The floor over the footprint alone, whatever the engine counted: for designs whose weights stay in the array,
     * where the footprint already says which weights come from DRAM. The footprint's DRAM energy is added.
     */
    public static DramFloor ofFootprint(CostReport engineCost, OpFootprint footprint, DramFigures dram) {
        CostReport cost = engineCost;
        if (footprint.totalBytes() > 0) {
            cost = cost.plus(new CostReport(CycleBreakdown.ZERO, ActionCounts.ZERO, EnergyBreakdown.of(
                    EnergyCategory.DRAM, footprintPicojoules(footprint.totalBytes(), dram)), Map.of(), List.of()));
        }
        long engineCycles = engineCost.totalCycles();
        long dramCycles = dramCycles(footprint.totalBytes(), dram);
        return new DramFloor(cost, engineCycles, dramCycles, Math.max(engineCycles, dramCycles));
    }

    /** The bytes a floor is taken over: the engine's when it counted any (and is not footprint-only), else the footprint's. */
    public static long floorBytes(CostReport engineCost, OpFootprint footprint, boolean footprintOnly) {
        long engine = engineDramBytes(engineCost);
        return footprintOnly || engine == 0 ? footprint.totalBytes() : engine;
    }

    /** The DRAM bytes the engine's memory model moved, over every operand. */
    public static long engineDramBytes(CostReport cost) {
        long bytes = 0;
        for (Operand operand : Operand.values()) {
            bytes += cost.actions().dramBytes(operand);
        }
        return bytes;
    }

    public static long dramCycles(long bytes, DramFigures dram) {
        return (long) Math.ceil(bytes / dram.bytesPerCycle());
    }

    /** DRAM energy of a footprint the engine did not count. */
    public static double footprintPicojoules(long bytes, DramFigures dram) {
        return bytes * 8.0 * dram.picojoulesPerBit();
    }
}
