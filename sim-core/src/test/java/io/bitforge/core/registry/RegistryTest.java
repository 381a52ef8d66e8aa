package io.bitforge.core.registry;

import io.bitforge.core.pe.PeFamily;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistryTest {
    record Pe(String id) implements PeFamily {
        @Override
        public String description() {
            return "test family " + id;
        }

        @Override
        public String source() {
            return "test";
        }
    }

    @Test
    void entriesAreSortedById() {
        Registry registry = Registry.builder().pe(new Pe("zeta")).pe(new Pe("alpha")).build();
        assertEquals(java.util.List.of("alpha", "zeta"), registry.ids(CatalogKind.PES));
        assertTrue(registry.peFamily("zeta").isPresent());
        assertTrue(registry.memory("zeta").isEmpty());
    }

    @Test
    void duplicateIdsAreRejected() {
        Registry.Builder builder = Registry.builder().pe(new Pe("a"));
        assertThrows(IllegalStateException.class, () -> builder.pe(new Pe("a")));
    }

    @Test
    void kindWordsRoundTrip() {
        for (CatalogKind kind : CatalogKind.values()) {
            assertEquals(kind, CatalogKind.fromWord(kind.word()).orElseThrow());
        }
    }
}
