package io.bitforge.verilog.check;

/** One problem found by a design check, in one module. */
public record Diagnostic(CheckId check, String module, String message) {
    @Override
    public String toString() {
        return module + ": " + check.id() + ": " + message;
    }
}
