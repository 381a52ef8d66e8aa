package io.bitforge.verilog.sim;

import java.math.BigInteger;

/**
 * The values of the nets wider than 64 bits, by slot (the slot numbering is shared with the {@code long[]} of
 * the narrow nets; a wide net's entry there stays unused). Allocated once the design is flattened.
 */
final class WideStore {
    BigInteger[] values = new BigInteger[0];

    void allocate(int slots) {
        values = new BigInteger[slots];
        java.util.Arrays.fill(values, BigInteger.ZERO);
    }
}
