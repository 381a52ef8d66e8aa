package io.bitforge.workloads.tensors;

import java.util.Collection;
import java.util.stream.Collectors;

/** Short listings of tensor names for error messages. */
final class TensorNames {
    private static final int SHOWN = 8;

    private TensorNames() {
    }

    /** The first few names and how many more there are. */
    static String sample(Collection<String> names) {
        if (names.isEmpty()) {
            return "no tensors";
        }
        String shown = names.stream().limit(SHOWN).collect(Collectors.joining(", "));
        return names.size() <= SHOWN ? shown : shown + " … (" + names.size() + " tensors)";
    }
}
