package io.bitforge.simulation.engine;

import io.bitforge.core.engine.EngineOptions;
import io.bitforge.core.engine.HorowitzSram;
import io.bitforge.core.engine.Mapping;
import io.bitforge.core.engine.SramEnergyModel;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything besides the hardware spec that decides how an engine evaluates a workload: the mapping stage (empty:
 * the spec's own deprecated {@code mapping:} block, or the tiler's choice when it has none), the DRAM model, the
 * SRAM energy model and the engine options that mimic published simulators. {@link #SIMULATE} is what
 * {@code simulate} runs.
 */
public record EngineSetup(Optional<Mapping> mapping, MemorySetup memory, SramEnergyModel sram,
                          EngineOptions options) {
    /** The spec's mapping, its DRAM at sustained bandwidth, Horowitz's SRAM energies, BitForge's own options. */
    public static final EngineSetup SIMULATE = new EngineSetup(Optional.empty(), MemorySetup.SPEC_DRAM,
            new HorowitzSram(), EngineOptions.DEFAULT);

    public EngineSetup {
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(sram, "sram");
        Objects.requireNonNull(options, "options");
    }

    /** The same setup under {@code newMapping}; null keeps the spec's own. */
    public EngineSetup withMapping(Mapping newMapping) {
        return new EngineSetup(Optional.ofNullable(newMapping), memory, sram, options);
    }

    public EngineSetup withMemory(MemorySetup newMemory) {
        return new EngineSetup(mapping, newMemory, sram, options);
    }

    public EngineSetup withSram(SramEnergyModel newSram) {
        return new EngineSetup(mapping, memory, newSram, options);
    }

    public EngineSetup withOptions(EngineOptions newOptions) {
        return new EngineSetup(mapping, memory, sram, newOptions);
    }
}
