package io.bitforge.verilog.hdl;

/** An output of an instance, read in the parent module. */
public record InstOut(Instance instance, String port, Shape shape) implements Expr {
}
