package io.bitforge.verilog.tools;

/** An external tool failed, timed out, or printed something the runner could not parse. */
public final class ToolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ToolException(String message) {
        super(message);
    }
}
