package io.bitforge.memory;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.registry.RegistryContributor;
import io.bitforge.memory.dram.DramPreset;
import io.bitforge.memory.dram.DramPresets;

/** Adds the DRAM presets of {@link DramPresets} to the registry ({@code bitforge list memories}). */
public final class MemoryModelsContributor implements RegistryContributor {
    @Override
    public void contribute(Registry.Builder registry) {
        for (DramPreset preset : DramPresets.all()) {
            registry.memory(preset);
        }
    }
}
