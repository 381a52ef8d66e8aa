package io.bitforge.verilog.emit;

import java.util.HashSet;
import java.util.Set;

/** Hands out identifiers that do not collide with each other or with names already taken. */
final class NameAllocator {
    private final Set<String> taken = new HashSet<>();

    /** Reserves {@code name} exactly (the caller has checked it is unique). */
    void reserve(String name) {
        taken.add(name);
    }

    /** {@code prefix} if free, otherwise {@code prefix_2}, {@code prefix_3}, ... */
    String fresh(String prefix) {
        if (taken.add(prefix)) {
            return prefix;
        }
        for (int i = 2; ; i++) {
            String candidate = prefix + "_" + i;
            if (taken.add(candidate)) {
                return candidate;
            }
        }
    }
}
