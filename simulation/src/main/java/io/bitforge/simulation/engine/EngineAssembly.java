package io.bitforge.simulation.engine;

import io.bitforge.core.engine.BitFusionTilingModel;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.engine.Mapping;
import io.bitforge.core.engine.MemoryModel;
import io.bitforge.core.engine.TiledDramModel;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwareSpec;

import java.util.OptionalDouble;

/**
 * The one place an {@link Engine} is assembled for a design: the spec's PE family from the registry, the mapping
 * stage (a mapping given beside the spec, else the spec's deprecated block), the DRAM model built for that mapping,
 * the SRAM energy model and the engine options. {@code simulate}, {@code gemm}, the explorer, the reproductions,
 * the PE comparison and the benchmarks all build their engines here.
 */
public final class EngineAssembly {
    private EngineAssembly() {
    }

    /** The engine {@code simulate} runs on {@code spec} ({@link EngineSetup#SIMULATE}). */
    public static Engine simulation(Registry registry, HardwareSpec spec) {
        return assemble(registry, spec, EngineSetup.SIMULATE);
    }

    public static Engine assemble(Registry registry, HardwareSpec spec, EngineSetup setup) {
        PeFamily family = family(registry, spec);
        return assemble(registry, spec, family, setup);
    }

    /**
     * The same with a PE family the caller holds (a family being compared that need not be registered); the spec
     * must name it.
     */
    public static Engine assemble(Registry registry, HardwareSpec spec, PeFamily family, EngineSetup setup) {
        Mapping mapping = setup.mapping().orElseGet(() -> Mapping.of(spec.mapping()));
        return new Engine(spec, family, setup.sram(), memory(registry, spec, mapping, setup), setup.options(),
                mapping);
    }

    /** The spec's PE family; an unregistered one is bad input naming {@code hardware.pe.family}. */
    public static PeFamily family(Registry registry, HardwareSpec spec) {
        return registry.peFamily(spec.pe().family()).orElseThrow(() -> new BadInputException(
                "hardware.pe.family: must be a registered PE family (" + String.join(", ",
                        registry.ids(CatalogKind.PES)) + "), got '" + spec.pe().family() + "'"));
    }

    private static MemoryModel memory(Registry registry, HardwareSpec spec, Mapping mapping, EngineSetup setup) {
        // the tiled model is built for the spec the engine runs: the mapping's dataflow, when given, is part of it
        HardwareSpec run = mapping.dataflow().map(spec::withDataflow).orElse(spec);
        MemorySetup memory = setup.memory();
        if (memory instanceof MemorySetup.SpecDram) {
            return TiledDramModel.of(run, registry, OptionalDouble.of(TiledDramModel.specBandwidth(run, registry)))
                    .withMapping(mapping);
        }
        if (memory instanceof MemorySetup.Tiled tiled) {
            return TiledDramModel.of(run, registry, tiled.bandwidthBytesPerCycle()).withMapping(mapping);
        }
        if (memory instanceof MemorySetup.BitFusionTiling) {
            return new BitFusionTilingModel(setup.sram());
        }
        return MemoryModel.UNLIMITED_BANDWIDTH;
    }
}
