package io.bitforge.verilog.sim;

import io.bitforge.verilog.hdl.Port;

/**
 * A top-level input resolved once ({@link Simulator#input}), so that a testbench poking every cycle pays no
 * name or map look-up: {@link Simulator#poke(InputHandle, long)} writes the value array directly.
 */
public record InputHandle(Port port, int slot) {
}
