package io.bitforge.roofline;

import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.registry.RegistryContributor;

/** Registers the real devices the roofline knows ({@code bitforge list devices}), built on first use. */
public final class RooflineContributor implements RegistryContributor {
    @Override
    public void contribute(Registry.Builder registry) {
        registry.lazyGroup(CatalogKind.DEVICES, DevicePresets::all);
    }
}
