package io.bitforge.roofline;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.memory.MemoryPreset;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.DramSpec;
import io.bitforge.core.spec.HardwareSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A simulated design ({@link HardwareSpec}) as a roofline machine. A GEMM's roof is what its PE family's cell
 * timing gives at the GEMM's own operand precisions: cells × MACs per step / cycles per step × 2 ops × clock
 * (e.g. a bit-serial family's roof falls as weight bits grow). Element-wise work runs on the vector unit at one
 * op per lane per cycle. The memory roof is the DRAM's peak: a preset's channels × width × rate, or a custom
 * spec's bytes per cycle × clock. The design has no device link.
 */
public record DesignMachine(HardwareSpec spec, PeFamily family, double memoryBytesPerSecond)
        implements RooflineMachine {

    public DesignMachine {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(family, "family");
        if (!family.id().equals(spec.pe().family())) {
            throw new IllegalArgumentException("spec names PE family " + spec.pe().family() + " but got "
                    + family.id());
        }
        if (!(memoryBytesPerSecond > 0) || Double.isInfinite(memoryBytesPerSecond)) {
            throw new IllegalArgumentException("memory bandwidth must be > 0, got " + memoryBytesPerSecond);
        }
    }

    /** Resolves the spec's PE family and DRAM preset in the registry. */
    public static DesignMachine of(HardwareSpec spec, Registry registry) {
        PeFamily family = registry.peFamily(spec.pe().family()).orElseThrow(() -> new BadInputException(
                "hardware.pe.family: must be a registered PE family (" + String.join(", ",
                        registry.ids(CatalogKind.PES)) + "), got '" + spec.pe().family() + "'"));
        return new DesignMachine(spec, family, dramBytesPerSecond(spec, registry));
    }

    static double dramBytesPerSecond(HardwareSpec spec, Registry registry) {
        if (spec.dram() instanceof DramSpec.Custom custom) {
            return custom.bytesPerCycle() * spec.clockHertz();
        }
        String id = ((DramSpec.Preset) spec.dram()).id();
        MemoryPreset preset = registry.memory(id).orElseThrow(() -> new BadInputException(
                "hardware.dram.preset: must be a registered memory (" + String.join(", ",
                        registry.ids(CatalogKind.MEMORIES)) + "), got '" + id + "'"));
        return preset.peakBytesPerSecond();
    }

    @Override
    public String name() {
        return spec.name();
    }

    /** The design's stored width, as {@code simulate} moves weights. */
    @Override
    public OptionalDouble storedWeightBits(GemmOp op) {
        return OptionalDouble.of(family.storedWeightBits(spec.pe().params(), op));
    }

    @Override
    public Peak gemmPeak(Precision activations, Precision weights) {
        GemmOp probe = new GemmOp("gemm", OpKind.GEMM, 1, 1, 1, 1, activations, weights, activations,
                BOperand.WEIGHTS, 0);
        try {
            // The family rejects precisions its cell cannot run (as the engine would).
            family.cellCost(spec.pe().params(), probe);
        } catch (BadInputException e) {
            throw new BadRequestException("hardware", spec.name() + ": " + e.getMessage() + "; choose a quant config "
                    + "whose GEMMs this design runs (e.g. lm_head:same keeps lm_head at the weight format)", e);
        }
        CellTiming timing = family.timing(spec.pe().params(), probe);
        double macsPerCycle = (double) spec.array().cells() * timing.macsPerStep() / timing.cyclesPerStep();
        return new Peak(spec.pe().family() + " " + activations.format() + "x" + weights.format(),
                2 * macsPerCycle * spec.clockHertz());
    }

    @Override
    public Peak vectorPeak(Precision precision) {
        return new Peak("vector", spec.vectorUnit().lanes() * spec.clockHertz());
    }

    /** The roof at the family's native precisions and the vector unit's; the analysis adds the ones it uses. */
    @Override
    public List<Peak> roofs() {
        NativePrecisions natives = family.nativePrecisions(spec.pe().params());
        List<Peak> roofs = new ArrayList<>(List.of(gemmPeak(natives.activations(), natives.weights()),
                vectorPeak(natives.activations())));
        roofs.sort(Comparator.comparingDouble(Peak::opsPerSecond).reversed().thenComparing(Peak::label));
        return List.copyOf(roofs);
    }

    @Override
    public OptionalDouble linkBytesPerSecond() {
        return OptionalDouble.empty();
    }
}
