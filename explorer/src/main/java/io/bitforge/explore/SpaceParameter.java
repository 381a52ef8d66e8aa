package io.bitforge.explore;

import java.util.List;
import java.util.Objects;

/**
 * One axis of a design space: a hardware-spec field by dotted path ({@code array.rows}, {@code pe.params.weightBits},
 * or a whole subtree such as {@code pe}) and the values it may take, in the order the space file lists or generates
 * them. Values are JSON-like: numbers, strings, or nested maps for subtrees.
 */
public record SpaceParameter(String path, List<Object> values) {
    public SpaceParameter {
        Objects.requireNonNull(path, "path");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException(path + ": no values");
        }
    }

    public int size() {
        return values.size();
    }
}
