package io.bitforge.verilog.hdl;

/** One-operand operators; their result shapes are listed in {@link Expr}. */
public enum UnaryOp {
    NOT, NEG, ANY, ALL, PARITY, AS_SIGNED, AS_UNSIGNED
}
