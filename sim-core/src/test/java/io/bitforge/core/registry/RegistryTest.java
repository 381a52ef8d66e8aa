package io.bitforge.core.registry;

import io.bitforge.core.memory.MemoryPreset;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistryTest {
    record Mem(String id) implements MemoryPreset {
        @Override
        public String description() {
            return "test memory " + id;
        }

        @Override
        public String source() {
            return "test";
        }
    }

    @Test
    void entriesAreSortedById() {
        Registry registry = Registry.builder().memory(new Mem("zeta")).memory(new Mem("alpha")).build();
        assertEquals(java.util.List.of("alpha", "zeta"), registry.ids(CatalogKind.MEMORIES));
        assertTrue(registry.memory("zeta").isPresent());
        assertTrue(registry.peFamily("zeta").isEmpty());
    }

    @Test
    void duplicateIdsAreRejected() {
        Registry.Builder builder = Registry.builder().memory(new Mem("a"));
        assertThrows(IllegalStateException.class, () -> builder.memory(new Mem("a")));
    }

    @Test
    void kindWordsRoundTrip() {
        for (CatalogKind kind : CatalogKind.values()) {
            assertEquals(kind, CatalogKind.fromWord(kind.word()).orElseThrow());
        }
    }
}
