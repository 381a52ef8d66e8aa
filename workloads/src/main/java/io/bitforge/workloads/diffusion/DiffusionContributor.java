package io.bitforge.workloads.diffusion;

import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.registry.RegistryContributor;

/** Registers the built-in diffusion workloads: sd-1.5, sdxl, dit-xl-2, pixart-alpha, each read on first use. */
public final class DiffusionContributor implements RegistryContributor {
    @Override
    public void contribute(Registry.Builder registry) {
        for (String id : DiffusionZoo.IDS) {
            registry.lazy(CatalogKind.WORKLOADS, id, () -> DiffusionZoo.load(id));
        }
    }
}
