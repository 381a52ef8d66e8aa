package io.bitforge.verilog.hdl;

/** Two-operand operators; their result shapes are listed in {@link Expr}. */
public enum BinaryOp {
    ADD, SUB, MUL, AND, OR, XOR, EQ, NE, LT, LE, GT, GE,
    /** Addition modulo 2^w at the operands' unified width w (no carry out): an accumulator register's adder. */
    ADD_WRAP,
    /** Shift left by a constant (the right operand is a {@link Const}). */
    SHL,
    /** Shift right by a constant, arithmetic when the left operand is signed. */
    SHR,
    /** Shift left by an unsigned expression. */
    DSHL,
    /** Shift right by an unsigned expression, arithmetic when the left operand is signed. */
    DSHR;

    public boolean isComparison() {
        return this == EQ || this == NE || this == LT || this == LE || this == GT || this == GE;
    }
}
