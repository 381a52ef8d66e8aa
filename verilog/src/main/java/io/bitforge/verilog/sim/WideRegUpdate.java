package io.bitforge.verilog.sim;

import java.math.BigInteger;

/** A register wider than 64 bits: its next-state function on the wide path and its pending value. */
final class WideRegUpdate {
    final int slot;
    final WideEval next;
    final boolean hasReset;
    final BigInteger resetValue;
    BigInteger pending;

    WideRegUpdate(int slot, WideEval next, boolean hasReset, BigInteger resetValue) {
        this.slot = slot;
        this.next = next;
        this.hasReset = hasReset;
        this.resetValue = resetValue;
    }
}
