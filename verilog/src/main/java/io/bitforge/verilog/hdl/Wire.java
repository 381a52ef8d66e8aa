package io.bitforge.verilog.hdl;

/** A combinational net driven by exactly one expression (identity equality). */
public final class Wire implements Net {
    private final String name;
    private final Shape shape;
    private final Object owner;

    Wire(String name, Shape shape, Object owner) {
        this.name = name;
        this.shape = shape;
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

    @Override
    public Object owner() {
        return owner;
    }

    @Override
    public String toString() {
        return "wire " + name + ":" + shape;
    }
}
