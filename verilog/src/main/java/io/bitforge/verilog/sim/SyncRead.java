package io.bitforge.verilog.sim;

import io.bitforge.verilog.hdl.ReadUnderWrite;

/** A compiled synchronous read port, applying the memory's read-under-write policy. */
final class SyncRead {
    final int slot;
    final MemState memory;
    final Eval address;
    final Eval enable;
    final ReadUnderWrite policy;
    WritePort writer;
    long pending;
    boolean enabledNow;

    SyncRead(int slot, MemState memory, Eval address, Eval enable, ReadUnderWrite policy) {
        this.slot = slot;
        this.memory = memory;
        this.address = address;
        this.enable = enable;
        this.policy = policy;
    }

    long read(long[] v, boolean failOnUndefined, long cycle) {
        enabledNow = enable.eval(v) != 0;
        if (!enabledNow) {
            return v[slot];
        }
        int a = memory.checkAddress(address.eval(v));
        if (writer != null && writer.enabled && writer.address == a) {
            switch (policy) {
                case WRITE_FIRST:
                    return writer.data;
                case UNDEFINED:
                    if (failOnUndefined) {
                        throw new SimulationException("memory " + memory.path + ": read and write of address "
                                + a + " in cycle " + cycle + " with an UNDEFINED read-under-write policy");
                    }
                    return memory.words[a];
                default:
                    return memory.words[a];
            }
        }
        return memory.words[a];
    }
}
