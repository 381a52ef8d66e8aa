package io.bitforge.explore;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.spec.SpecNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The spec of each design of a space, built from its choice vector without a JSON tree per design, with exactly
 * the loader's checks. The space's parameters fall into groups, one per {@link SpecPart} they write (a parameter
 * and a leaf of it, such as {@code array} and {@code array.rows}, share one); {@code HardwareSpecLoader} checks
 * and builds each part from that part's fields alone. So each combination of a group's values is validated once,
 * by the loader itself on the base spec with just those values set (the same tree a design's spec would be), and
 * the part it builds is kept; a design's spec is the base with each group's part copied in. A design with a
 * group the loader rejects goes through the loader whole, so its rejection names the same field with the same
 * message (the first problem in the loader's order) as before. A space whose paths are not all parts, or one
 * of whose groups has more than {@link #MAX_GROUP_COMBINATIONS} combinations, builds every design through the
 * loader. {@code PointSpecsProperties} compares both ways on random points of several spaces, rejected ones
 * included. Thread-safe: the kept parts are filled in as designs need them, each a pure function of its values.
 */
final class PointSpecs {
    /** Combinations of one group's values kept at most; above it the space is built through the loader. */
    static final int MAX_GROUP_COMBINATIONS = 1 << 16;
    /** One mapper for every design (building one per call cost more than the validation it serves). */
    private static final ObjectMapper TREES = new ObjectMapper();
    private static final Object REJECTED = new Object();

    private final DesignSpace space;
    private final HardwareSpecLoader loader;
    /** The base spec named after the space, or null when designs are built through the loader. */
    private final HardwareSpec base;
    private final List<Group> groups;

    /** Parameters that write one part, their values' combinations and what the loader made of each. */
    private record Group(SpecPart part, int[] parameters, int[] radices, AtomicReferenceArray<Object> built) {
        int key(int[] choice) {
            int key = 0;
            for (int i = 0; i < parameters.length; i++) {
                key = key * radices[i] + choice[parameters[i]];
            }
            return key;
        }
    }

    PointSpecs(DesignSpace space, HardwareSpecLoader loader) {
        this.space = space;
        this.loader = loader;
        List<Group> grouped = groups(space);
        HardwareSpec named = null;
        if (grouped != null) {
            try {
                named = loaded(baseSpec());
            } catch (BadInputException e) {
                grouped = null; // every design fails the same way; the loader says how
            }
        }
        this.base = named;
        this.groups = grouped;
    }

    /** Whether designs are built part by part (false: through the loader). */
    boolean direct() {
        return base != null;
    }

    /** The design's spec; a rejection is the loader's {@link BadInputException} for the whole design. */
    HardwareSpec spec(int[] choice) {
        if (base == null) {
            return loaded(space.pointSpec(choice));
        }
        HardwareSpec spec = base;
        for (Group group : groups) {
            Object part = built(group, choice);
            if (part == REJECTED) {
                return loaded(space.pointSpec(choice));
            }
            spec = group.part().copy(spec, (HardwareSpec) part);
        }
        return spec;
    }

    /** The loader's spec for the base with only this group's chosen values set, kept per combination. */
    private Object built(Group group, int[] choice) {
        int key = group.key(choice);
        Object part = group.built().get(key);
        if (part == null) {
            Map<String, Object> spec = baseSpec();
            for (int p : group.parameters()) {
                SpaceParameter parameter = space.parameters().get(p);
                spec = SpecPaths.with(spec, parameter.path(), parameter.values().get(choice[p]));
            }
            try {
                part = loaded(spec);
            } catch (BadInputException e) {
                part = REJECTED;
            }
            group.built().set(key, part); // a race only stores the same value twice
        }
        return part;
    }

    private Map<String, Object> baseSpec() {
        Map<String, Object> spec = new LinkedHashMap<>(space.base());
        spec.put("name", space.name());
        return spec;
    }

    /** What the scorer did for every design before: the loader on the spec's tree. */
    private HardwareSpec loaded(Map<String, Object> spec) {
        return loader.fromNode(SpecNode.detached(TREES.valueToTree(spec), "design", "hardware"));
    }

    /** The groups of the space's parameters by part, or null when a path is not a part or a group is too big. */
    private static List<Group> groups(DesignSpace space) {
        List<SpaceParameter> parameters = space.parameters();
        List<SpecPart> units = new ArrayList<>();
        for (SpaceParameter p : parameters) {
            Optional<SpecPart> unit = SpecPart.unitOf(p.path());
            if (unit.isEmpty()) {
                return null;
            }
            units.add(unit.get());
        }
        // each parameter joins the widest part among the parameters' parts that contains its own
        Map<SpecPart, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < units.size(); i++) {
            SpecPart widest = units.get(i);
            for (SpecPart other : units) {
                if (other.contains(widest)) {
                    widest = other;
                }
            }
            members.computeIfAbsent(widest, k -> new ArrayList<>()).add(i);
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<SpecPart, List<Integer>> entry : members.entrySet()) {
            int[] indices = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
            int[] radices = new int[indices.length];
            long combinations = 1;
            for (int i = 0; i < indices.length; i++) {
                radices[i] = parameters.get(indices[i]).size();
                combinations *= radices[i];
                if (combinations > MAX_GROUP_COMBINATIONS) {
                    return null;
                }
            }
            groups.add(new Group(entry.getKey(), indices, radices, new AtomicReferenceArray<>((int) combinations)));
        }
        return List.copyOf(groups);
    }
}
