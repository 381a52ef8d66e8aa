package io.bitforge.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The library's notes (e.g. a run past a model's context limit) for one command: held until the command ends and
 * printed only when it succeeded, so that a refused run says one line, its reason, and nothing else.
 */
public final class HeldNotes implements Consumer<String> {
    private final PrintStream err;
    private final List<String> held = new ArrayList<>();

    public HeldNotes(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void accept(String note) {
        held.add(note);
    }

    /** Prints the held notes (after a successful run) and forgets them. */
    public synchronized void print() {
        held.forEach(note -> err.println("bitforge: note: " + note));
        held.clear();
    }

    /** Forgets the held notes (the run failed: its one error line says why). */
    public synchronized void drop() {
        held.clear();
    }
}
