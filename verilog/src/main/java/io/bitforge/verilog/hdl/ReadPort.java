package io.bitforge.verilog.hdl;

/**
 * A read port of a {@link Memory}; as an expression it is the data read (identity equality). A synchronous
 * port registers {@code memory[address]} on the edge when {@code enable} is high and holds otherwise; an
 * asynchronous port is combinational.
 */
public final class ReadPort implements Expr {
    private final Memory memory;
    private final String name;
    private final Expr address;
    private final Expr enable;
    private final boolean synchronous;

    ReadPort(Memory memory, String name, Expr address, Expr enable, boolean synchronous) {
        this.memory = memory;
        this.name = name;
        this.address = address;
        this.enable = enable;
        this.synchronous = synchronous;
    }

    public Memory memory() {
        return memory;
    }

    public String name() {
        return name;
    }

    public Expr address() {
        return address;
    }

    /** Read enable (constant 1 for asynchronous ports). */
    public Expr enable() {
        return enable;
    }

    public boolean synchronous() {
        return synchronous;
    }

    @Override
    public Shape shape() {
        return memory.word();
    }

    @Override
    public String toString() {
        return "read " + memory.name() + "." + name;
    }
}
