package io.bitforge.core.registry;

import io.bitforge.core.op.GemmOp;
import io.bitforge.core.pe.CellCost;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.PeParams;
import io.bitforge.core.spec.SpecNode;
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

        @Override
        public PeParams parseParams(SpecNode params) {
            return defaultParams();
        }

        @Override
        public PeParams defaultParams() {
            return java.util.Map::of;
        }

        @Override
        public java.util.Set<Dataflow> dataflows() {
            return java.util.Set.of(Dataflow.OS);
        }

        @Override
        public io.bitforge.core.pe.NativePrecisions nativePrecisions(PeParams params) {
            return new io.bitforge.core.pe.NativePrecisions(io.bitforge.core.op.Precision.INT8,
                    io.bitforge.core.op.Precision.INT8, io.bitforge.core.op.Precision.INT32);
        }

        @Override
        public CellTiming timing(PeParams params, GemmOp op) {
            return CellTiming.SINGLE_MAC;
        }

        @Override
        public CellCost cellCost(PeParams params, GemmOp op) {
            throw new UnsupportedOperationException("registry test entry has no costs");
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
    void lazyEntriesAreBuiltOnFirstUseAndOnce() {
        java.util.concurrent.atomic.AtomicInteger builds = new java.util.concurrent.atomic.AtomicInteger();
        Registry registry = Registry.builder()
                .lazy(CatalogKind.PES, "beta", () -> {
                    builds.incrementAndGet();
                    return new Pe("beta");
                })
                .lazy(CatalogKind.PES, "alpha", () -> {
                    builds.incrementAndGet();
                    return new Pe("alpha");
                })
                .build();
        assertEquals(java.util.List.of("alpha", "beta"), registry.ids(CatalogKind.PES));
        assertEquals(0, builds.get(), "listing ids builds nothing");
        assertEquals(java.util.List.of(), registry.builtIds(CatalogKind.PES));
        PeFamily beta = registry.peFamily("beta").orElseThrow();
        assertEquals(1, builds.get());
        assertTrue(beta == registry.peFamily("beta").orElseThrow(), "built once, the same entry afterwards");
        assertEquals(1, builds.get());
        assertEquals(java.util.List.of("beta"), registry.builtIds(CatalogKind.PES));
        assertEquals(2, registry.list(CatalogKind.PES).size());
        assertEquals(2, builds.get());
    }

    @Test
    void lazyGroupsAreBuiltOnTheKindsFirstUseOnly() {
        java.util.concurrent.atomic.AtomicInteger builds = new java.util.concurrent.atomic.AtomicInteger();
        Registry registry = Registry.builder()
                .pe(new Pe("eager"))
                .lazyGroup(CatalogKind.PES, () -> {
                    builds.incrementAndGet();
                    return java.util.List.of(new Pe("grouped-b"), new Pe("grouped-a"));
                })
                .build();
        assertTrue(registry.memory("x").isEmpty());
        assertEquals(0, builds.get(), "another kind's lookup does not build the group");
        assertEquals(java.util.List.of("eager", "grouped-a", "grouped-b"), registry.ids(CatalogKind.PES));
        assertTrue(registry.peFamily("grouped-a").isPresent());
        assertEquals(1, builds.get());
    }

    @Test
    void aLazyEntryBuiltUnderAnotherIdOrADuplicateInAGroupIsAProgrammingError() {
        Registry wrongId = Registry.builder().lazy(CatalogKind.PES, "declared", () -> new Pe("other")).build();
        assertThrows(IllegalStateException.class, () -> wrongId.peFamily("declared"));
        Registry duplicate = Registry.builder().pe(new Pe("a"))
                .lazyGroup(CatalogKind.PES, () -> java.util.List.of(new Pe("a"))).build();
        assertThrows(IllegalStateException.class, () -> duplicate.ids(CatalogKind.PES));
        Registry.Builder twice = Registry.builder().lazy(CatalogKind.PES, "a", () -> new Pe("a"));
        assertThrows(IllegalStateException.class, () -> twice.lazy(CatalogKind.PES, "a", () -> new Pe("a")));
    }

    @Test
    void kindWordsRoundTrip() {
        for (CatalogKind kind : CatalogKind.values()) {
            assertEquals(kind, CatalogKind.fromWord(kind.word()).orElseThrow());
        }
    }
}
