package io.bitforge.core.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of things modules contribute to the registry, named as {@code bitforge list} spells them. */
public enum CatalogKind {
    PES, FORMATS, WORKLOADS, DEVICES, MEMORIES, HARDWARE;

    /** The command-line word for this kind. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CatalogKind> fromWord(String word) {
        return Arrays.stream(values()).filter(k -> k.word().equals(word)).findFirst();
    }
}
