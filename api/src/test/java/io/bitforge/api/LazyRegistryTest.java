package io.bitforge.api;

import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A simulation builds only the registry entries it names: no diffusion model, device or other PE family. */
class LazyRegistryTest {
    @Test
    void simulatingAnLlmBuildsOnlyItsDesignFamilyAndModel() {
        Registry registry = Registry.load();
        for (CatalogKind kind : CatalogKind.values()) {
            assertEquals(List.of(), registry.builtIds(kind), kind + " built before any use");
        }
        BitForge.of(registry).simulate(SimulateRequest.builder().hardware("tpu-like-int8").workload("llama-2-7b")
                .prompt(16).generate(2).build());
        assertEquals(List.of("tpu-like-int8"), registry.builtIds(CatalogKind.HARDWARE));
        assertEquals(List.of("mac-int"), registry.builtIds(CatalogKind.PES));
        assertEquals(List.of("llama-2-7b"), registry.builtIds(CatalogKind.WORKLOADS));
        assertEquals(List.of(), registry.builtIds(CatalogKind.DEVICES));
        assertEquals(List.of(), registry.builtIds(CatalogKind.FORMATS));
        // listing still builds everything, sorted
        assertTrue(registry.list(CatalogKind.WORKLOADS).stream().anyMatch(w -> w.id().equals("sd-1.5")));
        assertTrue(registry.builtIds(CatalogKind.WORKLOADS).contains("sd-1.5"));
    }
}
