package io.bitforge.cli;

import io.bitforge.core.registry.Registry;

import java.io.PrintStream;

/**
 * What every command needs: the registry of models, where to print, and where the library's notes go (held until
 * the command succeeds).
 */
public record CliContext(Registry registry, PrintStream out, PrintStream err, boolean terminal, HeldNotes notes) {
    /** A context whose notes are printed when {@link HeldNotes#print()} is called. */
    public CliContext(Registry registry, PrintStream out, PrintStream err, boolean terminal) {
        this(registry, out, err, terminal, new HeldNotes(err));
    }

    /** The library facade over this registry: what every command calls. */
    public io.bitforge.api.BitForge library() {
        return io.bitforge.api.BitForge.of(registry).withNotes(notes);
    }
}
