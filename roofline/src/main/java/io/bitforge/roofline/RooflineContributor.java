package io.bitforge.roofline;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.registry.RegistryContributor;

/** Registers the real devices the roofline knows ({@code bitforge list devices}). */
public final class RooflineContributor implements RegistryContributor {
    @Override
    public void contribute(Registry.Builder registry) {
        DevicePresets.all().forEach(registry::device);
    }
}
