package io.bitforge.verilog.sim;

/** A combinational node of the flattened design: runs after the nodes it reads. */
final class CombNode {
    final int[] writes;
    final int[] reads;
    final java.util.function.Consumer<long[]> run;

    CombNode(int[] writes, int[] reads, java.util.function.Consumer<long[]> run) {
        this.writes = writes;
        this.reads = reads;
        this.run = run;
    }
}
