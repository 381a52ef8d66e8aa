package io.bitforge.pe.shiftadd;

import io.bitforge.core.cost.ActionCounts;
import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.CycleBreakdown;
import io.bitforge.core.cost.Operand;
import io.bitforge.core.cost.EnergyBreakdown;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.engine.HorowitzSram;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.pe.CellCost;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.PeParams;
import io.bitforge.core.spec.SpecNode;
import io.bitforge.core.tech.TechScaling;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cost of one GEMM instance for a family whose array is systolic but which also needs vector-unit work the
 * fold model does not see: the array part is the engine's fold model on the family's own {@link CellTiming} and
 * {@link CellCost}, and each {@link SideWork} is the engine's vector-unit cost with its energy moved from
 * {@link EnergyCategory#VECTOR} to the side work's category. Serial side work adds its cycles after the array (the
 * engine's convention for vector work). Concurrent side work runs alongside the array on its own unit: its cycles
 * C (all concurrent work together) are exposed only as {@code max(C − arrayCycles, ceil(C / p))}, the excess over
 * the array or, at least, the last of its p parts, which can only start when the array has produced it. The inner
 * engine uses the default SRAM model and unlimited DRAM bandwidth, and charges the spec's SRAM port limits.
 */
public final class ArrayWithSideWork {
    private ArrayWithSideWork() {
    }

    /** Array cost of {@code arrayOp} (one instance) plus the side work, each evaluated once. */
    public static CostReport cost(PeFamily family, HardwareSpec spec, GemmOp arrayOp, List<SideWork> work) {
        Engine engine = new Engine(spec, new FoldedArray(family));
        CostReport array = engine.evaluate(arrayOp.withCount(1)).cost();
        CostReport total = array;
        long concurrentCycles = 0;
        long parts = 0;
        for (SideWork side : work) {
            CostReport vector = engine.evaluate(side.op());
            Map<EnergyCategory, Double> energy = new EnumMap<>(vector.energy().asMap());
            double moved = energy.put(EnergyCategory.VECTOR, 0.0);
            energy.merge(side.category(), moved, Double::sum);
            CycleBreakdown cycles = vector.cycles();
            if (side.concurrentParts() > 0) {
                concurrentCycles += cycles.vector();
                parts = Math.max(parts, side.concurrentParts());
                cycles = new CycleBreakdown(cycles.compute(), cycles.memoryStall(), cycles.fillDrain(), 0,
                        cycles.sramStall());
            }
            total = total.plus(new CostReport(cycles, vector.actions(), EnergyBreakdown.of(energy),
                    vector.areaSquareMicrometres(), vector.sources()));
        }
        if (concurrentCycles > 0) {
            long exposed = Math.max(concurrentCycles - array.totalCycles(), -Math.floorDiv(-concurrentCycles, parts));
            total = total.plus(new CostReport(new CycleBreakdown(0, 0, 0, exposed), ActionCounts.ZERO,
                    EnergyBreakdown.ZERO, Map.of(), List.of()));
        }
        return total;
    }

    /**
     * Extra reads of the activation buffer the fold model does not see, e.g. lookup tables read in place of the
     * activations they were built from: {@code elements} reads of {@code bits} each, at the engine's default SRAM
     * energy ({@link HorowitzSram}) scaled to the spec's node. No cycles: the reads stream with the array.
     */
    public static CostReport activationBufferReads(HardwareSpec spec, long elements, int bits) {
        HorowitzSram sram = new HorowitzSram();
        double picojoules = (double) elements * bits * sram.readPicojoulesPerBit(spec.buffers().activations())
                * TechScaling.energyFactor(sram.node(), spec.node());
        long[] reads = new long[3];
        reads[Operand.ACTIVATIONS.ordinal()] = elements;
        return new CostReport(CycleBreakdown.ZERO, ActionCounts.of("", 0, reads, new long[3], new long[3]),
                EnergyBreakdown.of(EnergyCategory.SRAM_READ, picojoules), Map.of(), List.of(sram.source()));
    }

    /** The family seen as a plain systolic array: everything delegated except the escape hatch. */
    private record FoldedArray(PeFamily family) implements PeFamily {
        @Override
        public String id() {
            return family.id();
        }

        @Override
        public String description() {
            return family.description();
        }

        @Override
        public String source() {
            return family.source();
        }

        @Override
        public Map<String, Object> facts() {
            return family.facts();
        }

        @Override
        public PeParams parseParams(SpecNode params) {
            return family.parseParams(params);
        }

        @Override
        public PeParams defaultParams() {
            return family.defaultParams();
        }

        @Override
        public Set<Dataflow> dataflows() {
            return family.dataflows();
        }

        @Override
        public NativePrecisions nativePrecisions(PeParams params) {
            return family.nativePrecisions(params);
        }

        @Override
        public CellTiming timing(PeParams params, GemmOp op) {
            return family.timing(params, op);
        }

        @Override
        public CellCost cellCost(PeParams params, GemmOp op) {
            return family.cellCost(params, op);
        }
    }
}
