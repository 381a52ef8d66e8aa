package io.bitforge.core.registry;

import io.bitforge.core.device.Device;
import io.bitforge.core.memory.MemoryPreset;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.spec.HardwarePreset;
import io.bitforge.core.workload.WorkloadFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * An immutable index of everything the modules contribute, by kind and id. Entries are sorted by id so
 * listings are deterministic whatever the class-path order. Contributors may register entries lazily
 * ({@link Builder#lazy}, {@link Builder#lazyGroup}): each is built on first use, so loading the registry costs only
 * the contributors' id lists, and a command builds only the entries it asks for. Thread-safe.
 */
public final class Registry {
    private final Map<CatalogKind, CatalogTable> entries;

    private Registry(Map<CatalogKind, CatalogTable> entries) {
        this.entries = entries;
    }

    /** Loads every {@link RegistryContributor} visible to this class's loader. */
    public static Registry load() {
        return load(Registry.class.getClassLoader());
    }

    public static Registry load(ClassLoader loader) {
        Builder builder = new Builder();
        for (RegistryContributor contributor : ServiceLoader.load(RegistryContributor.class, loader)) {
            contributor.contribute(builder);
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All entries of one kind, sorted by id. */
    public List<Catalogued> list(CatalogKind kind) {
        return entries.get(kind).list();
    }

    public Optional<Catalogued> find(CatalogKind kind, String id) {
        return entries.get(kind).find(id);
    }

    public Optional<PeFamily> peFamily(String id) {
        return find(CatalogKind.PES, id).map(PeFamily.class::cast);
    }

    public Optional<MemoryPreset> memory(String id) {
        return find(CatalogKind.MEMORIES, id).map(MemoryPreset.class::cast);
    }

    public Optional<Device> device(String id) {
        return find(CatalogKind.DEVICES, id).map(Device.class::cast);
    }

    public Optional<WorkloadFactory> workload(String id) {
        return find(CatalogKind.WORKLOADS, id).map(WorkloadFactory.class::cast);
    }

    /** A built-in hardware spec by name. */
    public Optional<HardwarePreset> hardware(String id) {
        return find(CatalogKind.HARDWARE, id).map(HardwarePreset.class::cast);
    }

    /**
     * The ids of the entries of one kind built so far (sorted), building none: what a command has paid for, for
     * start-up checks.
     */
    public List<String> builtIds(CatalogKind kind) {
        return entries.get(kind).builtIds();
    }

    /** The ids of one kind, for "allowed values" in error messages. */
    public List<String> ids(CatalogKind kind) {
        return entries.get(kind).ids();
    }

    /** Collects contributions; a second entry with an id already taken is a programming error. */
    public static final class Builder {
        private final Map<CatalogKind, Map<String, LazyEntry>> entries = new EnumMap<>(CatalogKind.class);
        private final Map<CatalogKind, List<Supplier<? extends Collection<? extends Catalogued>>>> groups =
                new EnumMap<>(CatalogKind.class);

        private Builder() {
            for (CatalogKind kind : CatalogKind.values()) {
                entries.put(kind, new TreeMap<>());
                groups.put(kind, new ArrayList<>());
            }
        }

        /**
         * An entry of {@code kind} whose id is known up front, built by {@code entry} on its first use (a lookup
         * of that id or a listing of the kind); the built entry must carry the same id.
         */
        public Builder lazy(CatalogKind kind, String id, Supplier<? extends Catalogued> entry) {
            if (entries.get(kind).putIfAbsent(id, new LazyEntry(kind, id, entry)) != null) {
                throw new IllegalStateException("two " + kind.word() + " entries share the id '" + id + "'");
            }
            return this;
        }

        /** Entries of {@code kind} whose ids are known only by building them: built on the kind's first use. */
        public Builder lazyGroup(CatalogKind kind, Supplier<? extends Collection<? extends Catalogued>> group) {
            groups.get(kind).add(group);
            return this;
        }

        public Builder pe(PeFamily family) {
            return add(CatalogKind.PES, family);
        }

        public Builder memory(MemoryPreset preset) {
            return add(CatalogKind.MEMORIES, preset);
        }

        public Builder device(Device device) {
            return add(CatalogKind.DEVICES, device);
        }

        public Builder workload(WorkloadFactory workload) {
            return add(CatalogKind.WORKLOADS, workload);
        }

        public Builder hardware(HardwarePreset preset) {
            return add(CatalogKind.HARDWARE, preset);
        }

        /** Number formats are listed through a describing entry; parsing goes through the format ids. */
        public Builder format(Catalogued format) {
            return add(CatalogKind.FORMATS, format);
        }

        private Builder add(CatalogKind kind, Catalogued entry) {
            LazyEntry previous = entries.get(kind).putIfAbsent(entry.id(), LazyEntry.built(kind, entry));
            if (previous != null && previous.get() != entry) {
                throw new IllegalStateException("two " + kind.word() + " entries share the id '" + entry.id()
                        + "': " + previous.get().getClass().getName() + " and " + entry.getClass().getName());
            }
            return this;
        }

        public Registry build() {
            Map<CatalogKind, CatalogTable> frozen = new EnumMap<>(CatalogKind.class);
            entries.forEach((kind, map) -> frozen.put(kind, new CatalogTable(kind, map, groups.get(kind))));
            return new Registry(Collections.unmodifiableMap(frozen));
        }
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        entries.forEach((kind, table) -> parts.add(kind.word() + "=" + table.size()));
        return "Registry" + parts;
    }
}
