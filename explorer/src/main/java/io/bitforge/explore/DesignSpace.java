package io.bitforge.explore;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A design space (DESIGN.md, "Explorer"): a base hardware spec, the parameters that vary (each a spec path and
 * its values), the weighted workloads every design is scored on, the objectives and the constraints. A design is
 * a choice vector (one value index per parameter); the canonical order of designs is the lexicographic order of
 * choice vectors (the first parameter varies slowest), as a grid enumerates them.
 *
 * @param base the base spec as nested maps ({@code HardwareSpec.asMap()} form)
 */
public record DesignSpace(String name, Map<String, Object> base, List<SpaceParameter> parameters,
                          List<WorkloadTerm> workloads, List<Objective> objectives, Constraints constraints,
                          SpaceMemory memory, Map<String, Object> asWritten) {
    public DesignSpace {
        Objects.requireNonNull(name, "name");
        base = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(base));
        parameters = List.copyOf(parameters);
        workloads = List.copyOf(workloads);
        objectives = List.copyOf(objectives);
        Objects.requireNonNull(constraints, "constraints");
        Objects.requireNonNull(memory, "memory");
        asWritten = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(asWritten));
    }

    /** Number of values of each parameter. */
    public int[] radices() {
        return parameters.stream().mapToInt(SpaceParameter::size).toArray();
    }

    /** Number of designs in the full grid. */
    public BigInteger gridSize() {
        BigInteger size = BigInteger.ONE;
        for (SpaceParameter p : parameters) {
            size = size.multiply(BigInteger.valueOf(p.size()));
        }
        return size;
    }

    /** The spec (as nested maps) of one design: the base with each parameter's chosen value set at its path. */
    public Map<String, Object> pointSpec(int[] choice) {
        Map<String, Object> spec = new LinkedHashMap<>(base);
        spec.put("name", name);
        for (int i = 0; i < parameters.size(); i++) {
            SpaceParameter p = parameters.get(i);
            spec = SpecPaths.with(spec, p.path(), p.values().get(choice[i]));
        }
        return spec;
    }

    /** The chosen value of each parameter, by path, for results. */
    public Map<String, Object> choiceMap(int[] choice) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            map.put(parameters.get(i).path(), parameters.get(i).values().get(choice[i]));
        }
        return map;
    }

    /** The {@code ordinal}-th design of the grid in canonical order (mixed radix, last parameter fastest). */
    public int[] choiceAt(BigInteger ordinal) {
        int[] radices = radices();
        int[] choice = new int[radices.length];
        BigInteger rest = ordinal;
        for (int i = radices.length - 1; i >= 0; i--) {
            BigInteger[] qr = rest.divideAndRemainder(BigInteger.valueOf(radices[i]));
            choice[i] = qr[1].intValueExact();
            rest = qr[0];
        }
        return choice;
    }

    public List<String> parameterPaths() {
        List<String> paths = new ArrayList<>();
        parameters.forEach(p -> paths.add(p.path()));
        return paths;
    }
}
