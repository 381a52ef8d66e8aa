package io.bitforge.verilog.sim;

import java.math.BigInteger;

/** A compiled expression of any width: reads the value arrays, returns the canonical number. */
@FunctionalInterface
interface WideEval {
    BigInteger eval(long[] v);
}
