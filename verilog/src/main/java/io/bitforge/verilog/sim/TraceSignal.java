package io.bitforge.verilog.sim;

import io.bitforge.verilog.hdl.Direction;
import io.bitforge.verilog.hdl.Shape;

/** One recorded top-level port. */
public record TraceSignal(String name, Shape shape, Direction direction) {
}
