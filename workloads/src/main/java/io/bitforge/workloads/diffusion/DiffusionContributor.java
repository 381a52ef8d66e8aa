package io.bitforge.workloads.diffusion;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.registry.RegistryContributor;

/** Registers the built-in diffusion workloads: sd-1.5, sdxl, dit-xl-2, pixart-alpha. */
public final class DiffusionContributor implements RegistryContributor {
    @Override
    public void contribute(Registry.Builder registry) {
        DiffusionZoo.all().forEach(registry::workload);
    }
}
