package io.bitforge.verilog.hdl;

/** A port as seen from outside a module or black box. */
public record PortDecl(String name, Direction direction, Shape shape) {
}
