package io.bitforge.verilog.hdl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One instance of a module or black box inside a parent (identity equality). Inputs are connected with
 * {@link #connect}; outputs are read with {@link #out}. The clock and reset of child modules are wired
 * automatically. The instance freezes when its parent module is built.
 */
public final class Instance {
    private final String name;
    private final InstanceTarget target;
    private final Object owner;
    private final Map<String, Expr> connections = new LinkedHashMap<>();
    private final SortedMap<String, Long> params = new TreeMap<>();
    private boolean frozen;

    Instance(String name, InstanceTarget target, Object owner) {
        this.name = name;
        this.target = target;
        this.owner = owner;
    }

    public String name() {
        return name;
    }

    public InstanceTarget target() {
        return target;
    }

    Object owner() {
        return owner;
    }

    /** Connects a child input; its shape must equal the port's. */
    public Instance connect(String input, Expr value) {
        checkOpen();
        PortDecl port = port(input);
        if (port.direction() != Direction.IN) {
            throw new HdlException(name + "." + input + " is an output, not an input");
        }
        if (connections.containsKey(input)) {
            throw new HdlException(name + "." + input + " is already connected");
        }
        connections.put(input, value);
        return this;
    }

    /** A parameter of a black-box instance, printed as {@code #(.NAME(value))}. */
    public Instance param(String paramName, long value) {
        checkOpen();
        if (!(target instanceof ExternModuleDef)) {
            throw new HdlException("parameters are only set on black boxes; " + name + " is a built module");
        }
        params.put(paramName, value);
        return this;
    }

    /** The value of a child output. */
    public InstOut out(String output) {
        PortDecl port = port(output);
        if (port.direction() != Direction.OUT) {
            throw new HdlException(name + "." + output + " is an input, not an output");
        }
        return new InstOut(this, output, port.shape());
    }

    public PortDecl port(String portName) {
        return target.portDecls().stream().filter(p -> p.name().equals(portName)).findFirst()
                .orElseThrow(() -> new HdlException(target.name() + " has no port " + portName));
    }

    public Map<String, Expr> connections() {
        return Collections.unmodifiableMap(connections);
    }

    public SortedMap<String, Long> params() {
        return Collections.unmodifiableSortedMap(params);
    }

    void freeze() {
        frozen = true;
    }

    private void checkOpen() {
        if (frozen) {
            throw new HdlException("instance " + name + " belongs to a built module and cannot change");
        }
    }

    @Override
    public String toString() {
        return "instance " + name + " of " + target.name();
    }
}
