package io.bitforge.verilog.sim;

import io.bitforge.verilog.hdl.Expr;

import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * A combinational node of the flattened design: runs after the nodes it reads. A narrow net's driver also keeps
 * its expression and leaf slots, so that the compiled simulator can write it out as Java; other nodes have
 * none and run as {@link #run} there too.
 */
final class CombNode {
    final int[] writes;
    final int[] reads;
    final Consumer<long[]> run;
    final Expr expr;
    final ToIntFunction<Expr> leafSlot;

    CombNode(int[] writes, int[] reads, Consumer<long[]> run) {
        this(writes, reads, run, null, null);
    }

    CombNode(int[] writes, int[] reads, Consumer<long[]> run, Expr expr, ToIntFunction<Expr> leafSlot) {
        this.writes = writes;
        this.reads = reads;
        this.run = run;
        this.expr = expr;
        this.leafSlot = leafSlot;
    }
}
