package io.bitforge.core.spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which operand stays in the cells while the others stream (SCALE-Sim's three dataflows): output stationary
 * ({@code os}), weight stationary ({@code ws}), input stationary ({@code is}).
 */
public enum Dataflow {
    OS, WS, IS;

    /** The spec and command-line word: os, ws, is. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Dataflow> fromId(String id) {
        return Arrays.stream(values()).filter(d -> d.id().equals(id)).findFirst();
    }

    public static String ids() {
        return Arrays.stream(values()).map(Dataflow::id).collect(Collectors.joining(", "));
    }
}
