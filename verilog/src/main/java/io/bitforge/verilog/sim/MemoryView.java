package io.bitforge.verilog.sim;

/** Backdoor access to a simulated memory (for preloading and checking; takes effect immediately). */
public interface MemoryView {
    long read(int address);

    void write(int address, long value);

    int depth();
}
