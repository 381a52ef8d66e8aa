package io.bitforge.core.registry;

import io.bitforge.core.device.Device;
import io.bitforge.core.memory.MemoryPreset;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.spec.HardwarePreset;
import io.bitforge.core.workload.WorkloadFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * An immutable index of everything the modules contribute, by kind and id. Entries are sorted by id so
 * listings are deterministic whatever the class-path order.
 */
public final class Registry {
    private final Map<CatalogKind, Map<String, Catalogued>> entries;

    private Registry(Map<CatalogKind, Map<String, Catalogued>> entries) {
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
        return List.copyOf(entries.get(kind).values());
    }

    public Optional<Catalogued> find(CatalogKind kind, String id) {
        return Optional.ofNullable(entries.get(kind).get(id));
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

    /** The ids of one kind, for "allowed values" in error messages. */
    public List<String> ids(CatalogKind kind) {
        return List.copyOf(entries.get(kind).keySet());
    }

    /** Collects contributions; a second entry with an id already taken is a programming error. */
    public static final class Builder {
        private final Map<CatalogKind, Map<String, Catalogued>> entries = new EnumMap<>(CatalogKind.class);

        private Builder() {
            for (CatalogKind kind : CatalogKind.values()) {
                entries.put(kind, new TreeMap<>());
            }
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
            Catalogued previous = entries.get(kind).putIfAbsent(entry.id(), entry);
            if (previous != null && previous != entry) {
                throw new IllegalStateException("two " + kind.word() + " entries share the id '" + entry.id()
                        + "': " + previous.getClass().getName() + " and " + entry.getClass().getName());
            }
            return this;
        }

        public Registry build() {
            Map<CatalogKind, Map<String, Catalogued>> frozen = new EnumMap<>(CatalogKind.class);
            entries.forEach((kind, map) -> frozen.put(kind, Collections.unmodifiableMap(new TreeMap<>(map))));
            return new Registry(Collections.unmodifiableMap(frozen));
        }
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        entries.forEach((kind, map) -> parts.add(kind.word() + "=" + map.size()));
        return "Registry" + parts;
    }
}
