package io.bitforge.verilog.sim;

import io.bitforge.verilog.hdl.Expr;

import java.math.BigInteger;
import java.util.function.ToIntFunction;

/**
 * A register wider than 64 bits: its next-state function on the wide path and its pending value; also its
 * next-state expression and leaf slots, from which the compiled simulator writes it out as Java.
 */
final class WideRegUpdate {
    final int slot;
    final WideEval next;
    final boolean hasReset;
    final BigInteger resetValue;
    final Expr expr;
    final ToIntFunction<Expr> leafSlot;
    BigInteger pending;

    WideRegUpdate(int slot, WideEval next, boolean hasReset, BigInteger resetValue, Expr expr,
            ToIntFunction<Expr> leafSlot) {
        this.slot = slot;
        this.next = next;
        this.hasReset = hasReset;
        this.resetValue = resetValue;
        this.expr = expr;
        this.leafSlot = leafSlot;
    }
}
