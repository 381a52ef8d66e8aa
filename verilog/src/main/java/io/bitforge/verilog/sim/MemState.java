package io.bitforge.verilog.sim;

import io.bitforge.verilog.hdl.HdlException;
import io.bitforge.verilog.hdl.Memory;

/** The contents of one simulated memory. */
final class MemState implements MemoryView {
    final Memory memory;
    final String path;
    final long[] words;

    MemState(Memory memory, String path) {
        this.memory = memory;
        this.path = path;
        this.words = new long[memory.depth()];
    }

    void reset() {
        java.util.Arrays.fill(words, 0);
        for (int i = 0; i < memory.initWords().size(); i++) {
            words[i] = memory.initWords().get(i);
        }
    }

    int checkAddress(long address) {
        if (address < 0 || address >= words.length) {
            throw new SimulationException("memory " + path + ": address " + address + " is outside 0.."
                    + (words.length - 1) + " (the hardware would read or write an undefined word)");
        }
        return (int) address;
    }

    @Override
    public long read(int address) {
        return words[checkAddress(address)];
    }

    @Override
    public void write(int address, long value) {
        if (!memory.word().fits(value)) {
            throw new HdlException("value " + value + " does not fit memory " + path + " (" + memory.word() + ")");
        }
        words[checkAddress(address)] = value;
    }

    @Override
    public int depth() {
        return words.length;
    }
}
