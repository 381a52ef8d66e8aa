package io.bitforge.verilog.hdl;

import java.util.OptionalLong;

/**
 * A register on the module's implicit clock (identity equality). With a reset value it loads that value on
 * every rising edge while the synchronous active-high reset is high; without one it is reset-less (what
 * iCE40 DSP input registers need: Yosys does not absorb registers with a synchronous reset into SB_MAC16).
 * Reset-less registers start at zero in simulation and in the emitted Verilog.
 */
public final class Reg implements Net {
    private final String name;
    private final Shape shape;
    private final OptionalLong resetValue;
    private final Object owner;

    Reg(String name, Shape shape, OptionalLong resetValue, Object owner) {
        this.name = name;
        this.shape = shape;
        this.resetValue = resetValue;
        this.owner = owner;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Shape shape() {
        return shape;
    }

    /** The value loaded under reset, empty for a reset-less register. */
    public OptionalLong resetValue() {
        return resetValue;
    }

    @Override
    public Object owner() {
        return owner;
    }

    @Override
    public String toString() {
        return "reg " + name + ":" + shape;
    }
}
