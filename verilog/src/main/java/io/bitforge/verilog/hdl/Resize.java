package io.bitforge.verilog.hdl;

/** An explicit change of shape: extension by the source's signedness, or truncation to the low bits. */
public record Resize(Expr source, Shape shape) implements Expr {
}
