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
 * {@code regNext} one next-state expression per register (a register that holds reads itself). Only
 * {@link ModuleBuilder#build()} creates one, after the design checks passed. Equality is identity: two builds
 * of the same generator are two modules.
 */
public final class ModuleDef implements InstanceTarget {
    private final String name;
    private final String doc;
    private final SortedMap<String, Long> params;
    private final List<Port> ports;
    private final List<Wire> wires;
    private final List<Reg> regs;
    private final List<Memory> memories;
    private final List<ReadPort> readPorts;
    private final List<MemWrite> writes;
    private final List<Instance> instances;
    private final Map<Net, Expr> drivers;
    private final Map<Reg, Expr> regNext;
    private final Map<String, Set<String>> combinationalPaths;

    ModuleDef(String name, String doc, SortedMap<String, Long> params, List<Port> ports, List<Wire> wires,
              List<Reg> regs, List<Memory> memories, List<ReadPort> readPorts, List<MemWrite> writes,
              List<Instance> instances, Map<Net, Expr> drivers, Map<Reg, Expr> regNext,
              Map<String, Set<String>> combinationalPaths) {
        this.name = name;
        this.doc = doc;
        this.params = Collections.unmodifiableSortedMap(new java.util.TreeMap<>(params));
        this.ports = List.copyOf(ports);
        this.wires = List.copyOf(wires);
        this.regs = List.copyOf(regs);
        this.memories = List.copyOf(memories);
        this.readPorts = List.copyOf(readPorts);
        this.writes = List.copyOf(writes);
        this.instances = List.copyOf(instances);
        this.drivers = Collections.unmodifiableMap(new LinkedHashMap<>(drivers));
        this.regNext = Collections.unmodifiableMap(new LinkedHashMap<>(regNext));
        this.combinationalPaths = Collections.unmodifiableMap(new LinkedHashMap<>(combinationalPaths));
    }

    /** The name the caller gave (sanitised for Verilog by the emitter). */
    @Override
    public String name() {
        return name;
    }

    /** Free text printed as a header comment. */
    public String doc() {
        return doc;
    }

    /** Named constants, printed as localparams. */
    public SortedMap<String, Long> params() {
        return params;
    }

    /** Ports in declaration order. */
    public List<Port> ports() {
        return ports;
    }

    /** Wires in declaration order. */
    public List<Wire> wires() {
        return wires;
    }

    /** Registers in declaration order. */
    public List<Reg> regs() {
        return regs;
    }

    /** Memories in declaration order. */
    public List<Memory> memories() {
        return memories;
    }

    /** Memory read ports in declaration order. */
    public List<ReadPort> readPorts() {
        return readPorts;
    }

    /** Memory write ports. */
    public List<MemWrite> writes() {
        return writes;
    }

    /** Child instances in declaration order. */
    public List<Instance> instances() {
        return instances;
    }

    /** One driver per wire and output port, in declaration order. */
    public Map<Net, Expr> drivers() {
        return drivers;
    }

    /** One next-state expression per register (a holding register reads itself). */
    public Map<Reg, Expr> regNext() {
        return regNext;
    }

    /** For each output port, the inputs it depends on without a register in between. */
    public Map<String, Set<String>> combinationalPaths() {
        return combinationalPaths;
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

    @Override
    public String toString() {
        return "module " + name;
    }
}
