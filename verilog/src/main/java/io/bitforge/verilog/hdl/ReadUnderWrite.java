package io.bitforge.verilog.hdl;

/** What a synchronous read returns when the write port writes the same address in the same cycle. */
public enum ReadUnderWrite {
    /** The old word (the natural SB_RAM40_4K template). */
    READ_FIRST,
    /** The word being written (costs a bypass comparator and mux in front of the read register). */
    WRITE_FIRST,
    /**
     * No defined value: the emitter marks the array {@code (* no_rw_check *)} so Yosys adds no collision
     * logic; the simulator fails the run on a collision when asked to.
     */
    UNDEFINED
}
