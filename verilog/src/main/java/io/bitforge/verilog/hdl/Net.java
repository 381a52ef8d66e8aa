package io.bitforge.verilog.hdl;

/**
 * A named net of one module: a {@link Port}, {@link Wire} or {@link Reg}. Nets compare by identity: two wires
 * with the same name and shape are two different nets.
 */
public sealed interface Net extends Expr permits Port, Wire, Reg {
    /** The name the caller gave; the emitter sanitises it for Verilog. */
    String name();

    /** The builder that created this net (nets may only be used in their own module). */
    Object owner();
}
