package io.bitforge.verilog.sim;

/** A compiled expression: reads the value array, returns a canonical long. */
@FunctionalInterface
interface Eval {
    long eval(long[] v);
}
