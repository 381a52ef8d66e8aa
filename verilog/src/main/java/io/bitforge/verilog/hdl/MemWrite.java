package io.bitforge.verilog.hdl;

/** The write port of a memory: on the edge, {@code memory[address] <= data} when {@code enable} is high. */
public record MemWrite(Memory memory, Expr address, Expr data, Expr enable) {
}
