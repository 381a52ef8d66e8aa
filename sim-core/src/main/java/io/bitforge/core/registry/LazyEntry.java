package io.bitforge.core.registry;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One registry entry whose id is known before the entry is built: built on first use, once, whatever the thread
 * (a command that never asks for it never pays for it). An entry built under another id is a programming error.
 */
final class LazyEntry {
    private final CatalogKind kind;
    private final String id;
    private Supplier<? extends Catalogued> supplier;
    private volatile Catalogued entry;

    LazyEntry(CatalogKind kind, String id, Supplier<? extends Catalogued> supplier) {
        this.kind = kind;
        this.id = Objects.requireNonNull(id, "id");
        this.supplier = Objects.requireNonNull(supplier, "supplier");
    }

    static LazyEntry built(CatalogKind kind, Catalogued entry) {
        LazyEntry built = new LazyEntry(kind, entry.id(), () -> entry);
        built.entry = entry;
        built.supplier = null;
        return built;
    }

    String id() {
        return id;
    }

    boolean isBuilt() {
        return entry != null;
    }

    Catalogued get() {
        Catalogued value = entry;
        if (value == null) {
            synchronized (this) {
                value = entry;
                if (value == null) {
                    value = Objects.requireNonNull(supplier.get(), () -> kind.word() + " entry '" + id + "'");
                    if (!value.id().equals(id)) {
                        throw new IllegalStateException("the " + kind.word() + " entry registered as '" + id
                                + "' was built with the id '" + value.id() + "'");
                    }
                    entry = value;
                    supplier = null;
                }
            }
        }
        return value;
    }
}
