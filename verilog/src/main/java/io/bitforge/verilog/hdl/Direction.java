package io.bitforge.verilog.hdl;

/** Direction of a module port. */
public enum Direction {
    IN, OUT
}
