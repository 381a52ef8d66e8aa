package io.bitforge.core.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The entries of one kind, sorted by id: those whose ids were declared up front are built one by one on first use;
 * groups whose ids are known only by building them are built, all of them, on the first use of the kind. So a
 * command that asks for one PE family builds neither the others nor the roofline's devices.
 */
final class CatalogTable {
    private final CatalogKind kind;
    private final Map<String, LazyEntry> declared;
    private final List<Supplier<? extends Collection<? extends Catalogued>>> groups;
    private volatile Map<String, LazyEntry> index;

    CatalogTable(CatalogKind kind, Map<String, LazyEntry> declared,
                 List<Supplier<? extends Collection<? extends Catalogued>>> groups) {
        this.kind = kind;
        this.declared = Collections.unmodifiableMap(new TreeMap<>(declared));
        this.groups = List.copyOf(groups);
        if (this.groups.isEmpty()) {
            index = this.declared;
        }
    }

    Optional<Catalogued> find(String id) {
        LazyEntry entry = index().get(id);
        return entry == null ? Optional.empty() : Optional.of(entry.get());
    }

    List<Catalogued> list() {
        List<Catalogued> entries = new ArrayList<>();
        for (LazyEntry entry : index().values()) {
            entries.add(entry.get());
        }
        return List.copyOf(entries);
    }

    List<String> ids() {
        return List.copyOf(index().keySet());
    }

    /** The ids of the entries built so far, without building any. */
    List<String> builtIds() {
        Map<String, LazyEntry> built = index;
        List<String> ids = new ArrayList<>();
        for (LazyEntry entry : (built == null ? declared : built).values()) {
            if (entry.isBuilt()) {
                ids.add(entry.id());
            }
        }
        return List.copyOf(ids);
    }

    /** How many entries there are, building only the groups. */
    int size() {
        return index().size();
    }

    private Map<String, LazyEntry> index() {
        Map<String, LazyEntry> built = index;
        if (built == null) {
            synchronized (this) {
                built = index;
                if (built == null) {
                    Map<String, LazyEntry> all = new TreeMap<>(declared);
                    for (Supplier<? extends Collection<? extends Catalogued>> group : groups) {
                        for (Catalogued entry : group.get()) {
                            LazyEntry previous = all.putIfAbsent(entry.id(), LazyEntry.built(kind, entry));
                            if (previous != null && previous.get() != entry) {
                                throw new IllegalStateException("two " + kind.word() + " entries share the id '"
                                        + entry.id() + "'");
                            }
                        }
                    }
                    built = Collections.unmodifiableMap(all);
                    index = built;
                }
            }
        }
        return built;
    }
}
