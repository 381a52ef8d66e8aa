package io.bitforge.verilog.hdl;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A black box: a module that exists in the target's library (e.g. SB_MAC16) and is referenced, not printed.
 * {@code clockPorts} are tied to the parent's clock; {@code combinational} says whether outputs depend on
 * inputs within a cycle (false when every output comes from a register).
 */
public record ExternModuleDef(String name, List<PortDecl> portDecls, List<String> clockPorts,
                              boolean combinational, ExternModel.Factory model) implements InstanceTarget {
    public ExternModuleDef {
        portDecls = List.copyOf(portDecls);
        clockPorts = List.copyOf(clockPorts);
    }

    /** Inputs other than clock pins, in declaration order. */
    public List<PortDecl> dataInputs() {
        return portDecls.stream().filter(p -> p.direction() == Direction.IN && !clockPorts.contains(p.name())).toList();
    }

    public List<PortDecl> outputs() {
        return portDecls.stream().filter(p -> p.direction() == Direction.OUT).toList();
    }

    @Override
    public Set<String> combinationalInputs(String output) {
        Set<String> out = new LinkedHashSet<>();
        if (combinational) {
            dataInputs().forEach(p -> out.add(p.name()));
        }
        return out;
    }
}
