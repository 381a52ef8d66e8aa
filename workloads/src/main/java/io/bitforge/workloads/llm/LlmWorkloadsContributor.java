package io.bitforge.workloads.llm;

import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.registry.RegistryContributor;

/** Registers every model of the {@link ModelZoo} as a workload. */
public final class LlmWorkloadsContributor implements RegistryContributor {
    @Override
    public void contribute(Registry.Builder registry) {
        for (String id : ModelZoo.ids()) {
            registry.lazy(CatalogKind.WORKLOADS, id, () -> LlmWorkload.fromZoo(id));
        }
    }
}
