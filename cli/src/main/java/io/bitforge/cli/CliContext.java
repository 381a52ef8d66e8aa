package io.bitforge.cli;

import io.bitforge.core.registry.Registry;

import java.io.PrintStream;

/** What every command needs: the registry of models and where to print. */
public record CliContext(Registry registry, PrintStream out, PrintStream err, boolean terminal) {
    /** The library facade over this registry: what every command calls. */
    public io.bitforge.api.BitForge library() {
        return io.bitforge.api.BitForge.of(registry)
                .withNotes(note -> err.println("bitforge: note: " + note));
    }
}
