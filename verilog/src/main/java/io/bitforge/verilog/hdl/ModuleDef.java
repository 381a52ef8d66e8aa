package io.bitforge.verilog.hdl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * An elaborated, checked and immutable module: what the simulator and the emitter consume. Conditional
 * blocks are already lowered to muxes: {@code drivers} holds one expression per driven wire and output port,
 * {@code regNext} one next-state expression per register (a register that holds reads itself). Build it with
 * {@link ModuleBuilder}.
 */
public record ModuleDef(String name, String doc, SortedMap<String, Long> params, List<Port> ports,
                        List<Wire> wires, List<Reg> regs, List<Memory> memories, List<ReadPort> readPorts,
                        List<MemWrite> writes, List<Instance> instances, Map<Net, Expr> drivers,
                        Map<Reg, Expr> regNext, Map<String, Set<String>> combinationalPaths)
        implements InstanceTarget {

    public ModuleDef {
        params = Collections.unmodifiableSortedMap(new java.util.TreeMap<>(params));
        ports = List.copyOf(ports);
        wires = List.copyOf(wires);
        regs = List.copyOf(regs);
        memories = List.copyOf(memories);
        readPorts = List.copyOf(readPorts);
        writes = List.copyOf(writes);
        instances = List.copyOf(instances);
        drivers = Collections.unmodifiableMap(new LinkedHashMap<>(drivers));
        regNext = Collections.unmodifiableMap(new LinkedHashMap<>(regNext));
        combinationalPaths = Collections.unmodifiableMap(new LinkedHashMap<>(combinationalPaths));
    }

    @Override
    public List<PortDecl> portDecls() {
        List<PortDecl> out = new ArrayList<>();
        for (Port p : ports) {
            out.add(new PortDecl(p.name(), p.direction(), p.shape()));
        }
        return out;
    }

    public List<Port> inputs() {
        return ports.stream().filter(p -> p.direction() == Direction.IN).toList();
    }

    public List<Port> outputs() {
        return ports.stream().filter(p -> p.direction() == Direction.OUT).toList();
    }

    public Port port(String portName) {
        return ports.stream().filter(p -> p.name().equals(portName)).findFirst()
                .orElseThrow(() -> new HdlException(name + " has no port " + portName));
    }

    @Override
    public Set<String> combinationalInputs(String output) {
        return combinationalPaths.getOrDefault(output, Set.of());
    }

    /** Whether this module or any child has state, so it needs the clock. */
    public boolean usesClock() {
        if (!regs.isEmpty() || writes.stream().findAny().isPresent()
                || readPorts.stream().anyMatch(ReadPort::synchronous)) {
            return true;
        }
        for (Instance i : instances) {
            if (i.target() instanceof ModuleDef m ? m.usesClock() : !((ExternModuleDef) i.target()).clockPorts().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Whether this module or any child has a register with a reset value, so it needs the reset. */
    public boolean usesReset() {
        if (regs.stream().anyMatch(r -> r.resetValue().isPresent())) {
            return true;
        }
        return instances.stream().anyMatch(i -> i.target() instanceof ModuleDef m && m.usesReset());
    }

    /** This module and every module below it, children first, each once. */
    public List<ModuleDef> hierarchy() {
        Map<String, ModuleDef> seen = new LinkedHashMap<>();
        collect(this, seen);
        return List.copyOf(seen.values());
    }

    private static void collect(ModuleDef module, Map<String, ModuleDef> seen) {
        for (Instance i : module.instances) {
            if (i.target() instanceof ModuleDef child) {
                collect(child, seen);
            }
        }
        ModuleDef previous = seen.putIfAbsent(module.name, module);
        if (previous != null && previous != module) {
            throw new HdlException("two different modules are both named " + module.name);
        }
    }
}
