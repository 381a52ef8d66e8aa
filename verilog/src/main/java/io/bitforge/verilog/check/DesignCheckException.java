package io.bitforge.verilog.check;

import io.bitforge.verilog.hdl.HdlException;

import java.util.List;
import java.util.stream.Collectors;

/** A module failed one or more design checks; the message lists every diagnostic, one per line. */
public final class DesignCheckException extends HdlException {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> diagnostics;

    public DesignCheckException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Whether some diagnostic came from {@code check}. */
    public boolean has(CheckId check) {
        return diagnostics.stream().anyMatch(d -> d.check() == check);
    }
}
