package io.bitforge.core.registry;

/**
 * The service every module implements (listed in its {@code META-INF/services}) to add what it models to
 * the registry. {@link Registry#load()} finds all of them with {@link java.util.ServiceLoader}, so the
 * CLI and explorer know every family, format, workload, device and memory by name without a switch.
 */
public interface RegistryContributor {
    void contribute(Registry.Builder registry);
}
