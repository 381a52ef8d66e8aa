package io.bitforge.verilog.hdl;

/** A design-construction error by the caller (wrong widths, bad names, misuse of the builder). */
public class HdlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HdlException(String message) {
        super(message);
    }
}
