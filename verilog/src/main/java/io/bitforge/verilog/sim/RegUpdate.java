package io.bitforge.verilog.sim;

/** A register's compiled next-state function and its pending value between the two phases. */
final class RegUpdate {
    final int slot;
    final Eval next;
    final boolean hasReset;
    final long resetValue;
    final long mask;
    long pending;

    RegUpdate(int slot, Eval next, boolean hasReset, long resetValue, long mask) {
        this.slot = slot;
        this.next = next;
        this.hasReset = hasReset;
        this.resetValue = resetValue;
        this.mask = mask;
    }
}
