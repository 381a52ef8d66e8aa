package io.bitforge.verilog.sim;

import io.bitforge.verilog.hdl.Expr;

import java.util.function.ToIntFunction;

/**
 * A register's compiled next-state function, reset value and mask; also its next-state
 * expression and leaf slots, from which the compiled simulator writes it out as Java.
 */
final class RegUpdate {
    final int slot;
    final Eval next;
    final boolean hasReset;
    final long resetValue;
    final long mask;
    final Expr expr;
    final ToIntFunction<Expr> leafSlot;

    RegUpdate(int slot, Eval next, boolean hasReset, long resetValue, long mask, Expr expr,
            ToIntFunction<Expr> leafSlot) {
        this.slot = slot;
        this.next = next;
        this.hasReset = hasReset;
        this.resetValue = resetValue;
        this.mask = mask;
        this.expr = expr;
        this.leafSlot = leafSlot;
    }
}
