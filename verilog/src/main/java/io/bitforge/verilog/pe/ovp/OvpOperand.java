package io.bitforge.verilog.pe.ovp;

import io.bitforge.verilog.hdl.Expr;

/**
 * A decoded OVP element in hardware, as {@link io.bitforge.pe.bitfusion.ExponentInteger} in Java: a signed integer
 * for the narrow multiplier and a left shift.
 */
public record OvpOperand(Expr integer, Expr exponent) {
}
