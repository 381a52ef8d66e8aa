package io.bitforge.verilog.sim;

import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * The contract of a design's generated simulation code ({@link KernelSource}); implemented only by classes
 * that {@link KernelCompiler} generates. Slots index the simulator's value array; nets wider than 64 bits are
 * words of the wide arrays ({@link WideStore}); the parts the generated code does not translate (black boxes,
 * asynchronous memory reads) are the interpreter's closures. All are handed over once by {@link #bind}.
 */
public interface CompiledKernel {
    /**
     * The interpreter's closures, in the order the generated code numbers them, and the wide nets' words and
     * the wide registers' pending words.
     */
    void bind(Consumer<long[]>[] combFallbacks, ToLongFunction<long[]>[] nextFallbacks, long[] wideWords,
            long[] widePending);

    /** Runs every combinational driver once, in dependency order. */
    void settle(long[] v);

    /**
     * Each narrow register's next value into {@code pending}, each wide one's into the bound pending words (the
     * reset value when {@code reset} and it has one).
     */
    void next(long[] v, long[] pending, boolean reset);
}
