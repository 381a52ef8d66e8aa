package io.bitforge.verilog.sim;

/** A compiled memory write port and the write it will commit at the edge. */
final class WritePort {
    final MemState memory;
    final Eval addressEval;
    final Eval dataEval;
    final Eval enable;
    boolean enabled;
    int address;
    long data;

    WritePort(MemState memory, Eval addressEval, Eval dataEval, Eval enable) {
        this.memory = memory;
        this.addressEval = addressEval;
        this.dataEval = dataEval;
        this.enable = enable;
    }
}
