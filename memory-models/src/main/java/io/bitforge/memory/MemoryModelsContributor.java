package io.bitforge.memory;

import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.registry.RegistryContributor;
import io.bitforge.memory.dram.DramPresets;

/** Adds the DRAM presets of {@link DramPresets} to the registry ({@code bitforge list memories}), built on first use. */
public final class MemoryModelsContributor implements RegistryContributor {
    @Override
    public void contribute(Registry.Builder registry) {
        registry.lazyGroup(CatalogKind.MEMORIES, DramPresets::all);
    }
}
