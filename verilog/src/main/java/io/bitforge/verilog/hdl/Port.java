package io.bitforge.verilog.hdl;

/** A module port (identity equality). Inputs are read; outputs are driven combinationally. */
public final class Port implements Net {
    private final String name;
    private final Shape shape;
    private final Direction direction;
    private final Object owner;

    Port(String name, Shape shape, Direction direction, Object owner) {
        this.name = name;
        this.shape = shape;
        this.direction = direction;
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

    public Direction direction() {
        return direction;
    }

    @Override
    public Object owner() {
        return owner;
    }

    @Override
    public String toString() {
        return (direction == Direction.IN ? "in " : "out ") + name + ":" + shape;
    }
}
