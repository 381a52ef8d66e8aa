package io.bitforge.verilog.hdl;

import io.bitforge.verilog.check.CheckId;
import io.bitforge.verilog.check.DesignCheckException;
import io.bitforge.verilog.check.DesignChecks;
import io.bitforge.verilog.check.Diagnostic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Builds one {@link ModuleDef}. Every module has one implicit clock and one synchronous active-high reset
 * (named {@code clk} and {@code rst} in Verilog); there is no ambient state: nets are created by and belong to
 * this builder. Assignments inside {@link #when} blocks follow "last assignment wins" and are lowered to muxes
 * by {@link #build()}, which also runs the named design checks.
 */
public final class ModuleBuilder implements Scope {
    private final String name;
    private String doc = "";
    private final SortedMap<String, Long> params = new TreeMap<>();
    private final List<Port> ports = new ArrayList<>();
    private final List<Wire> wires = new ArrayList<>();
    private final List<Reg> regs = new ArrayList<>();
    private final List<Memory> memories = new ArrayList<>();
    private final List<ReadPort> readPorts = new ArrayList<>();
    private final List<MemWrite> writes = new ArrayList<>();
    private final List<Instance> instances = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Set<Net> unconditionallyAssigned = new java.util.HashSet<>();
    private final List<Stmt> root = new ArrayList<>();
    private List<Stmt> current = root;
    private boolean built;

    private ModuleBuilder(String name) {
        this.name = name;
    }

    /** A builder for a module named {@code moduleName} (sanitised for Verilog when emitted). */
    public static ModuleBuilder named(String moduleName) {
        return new ModuleBuilder(moduleName);
    }

    public String name() {
        return name;
    }

    /** Free text printed as a header comment. */
    public ModuleBuilder doc(String text) {
        this.doc = text;
        return this;
    }

    /** A named constant of the module, printed as a {@code localparam}. */
    public ModuleBuilder param(String paramName, long value) {
        params.put(paramName, value);
        return this;
    }

    public Port in(String portName, Shape shape) {
        return add(ports, new Port(portName, shape, Direction.IN, this));
    }

    public Port out(String portName, Shape shape) {
        return add(ports, new Port(portName, shape, Direction.OUT, this));
    }

    public Wire wire(String wireName, Shape shape) {
        return add(wires, new Wire(wireName, shape, this));
    }

    /** A register that loads {@code resetValue} while reset is high. */
    public Reg reg(String regName, Shape shape, long resetValue) {
        if (!shape.fits(resetValue)) {
            throw new HdlException("reset value " + resetValue + " of " + regName + " does not fit " + shape);
        }
        return add(regs, new Reg(regName, shape, OptionalLong.of(resetValue), this));
    }

    /** A register without reset (starts at zero); use it for DSP input and pipeline registers. */
    public Reg regNoReset(String regName, Shape shape) {
        return add(regs, new Reg(regName, shape, OptionalLong.empty(), this));
    }

    /** A memory of {@code depth} words; {@code initWords} may be shorter than the depth (the rest is zero). */
    public Memory memory(String memoryName, Shape word, int depth, List<Long> initWords, ReadUnderWrite policy) {
        checkOpen();
        Memory m = new Memory(memoryName, word, depth, initWords, policy, this, false);
        memories.add(m);
        return m;
    }

    /**
     * A memory like {@link #memory} whose emitted contents are a {@code $readmemh} file
     * ({@code <module>_<memory>.hex}, one word per line) instead of literal assignments, so a host can load other
     * data without regenerating the Verilog.
     */
    public Memory memoryFromHex(String memoryName, Shape word, int depth, List<Long> initWords,
                                ReadUnderWrite policy) {
        checkOpen();
        Memory m = new Memory(memoryName, word, depth, initWords, policy, this, true);
        memories.add(m);
        return m;
    }

    /** A synchronous read port: the word at {@code address} appears after the edge on which enable is high. */
    public ReadPort readSync(Memory memory, String portName, Expr address, Expr enable) {
        return addRead(memory, portName, address, enable, true);
    }

    /** An asynchronous (combinational) read port; never maps to block RAM. */
    public ReadPort readAsync(Memory memory, String portName, Expr address) {
        return addRead(memory, portName, address, Const.of(Shape.bool(), 1), false);
    }

    /** The memory's single write port. */
    public void write(Memory memory, Expr address, Expr data, Expr enable) {
        checkOpen();
        checkOwn(memory.owner(), memory.name());
        if (writes.stream().anyMatch(w -> w.memory() == memory)) {
            diagnostics.add(diag(CheckId.MULTIPLE_DRIVERS, "memory " + memory.name() + " has a second write port"));
        }
        checkAddress(memory, address);
        checkShape("memory " + memory.name() + " write data", memory.word(), data);
        checkShape("memory " + memory.name() + " write enable", Shape.bool(), enable);
        writes.add(new MemWrite(memory, address, data, enable));
    }

    /** An instance of a module built earlier or of a black box; connect its inputs on the result. */
    public Instance instance(String instanceName, InstanceTarget target) {
        checkOpen();
        Instance i = new Instance(instanceName, target, this);
        instances.add(i);
        return i;
    }

    @Override
    public void drive(Net target, Expr value) {
        checkOpen();
        if (target instanceof Reg r) {
            throw new HdlException("register " + r.name() + " is set with next(), not drive()");
        }
        if (target instanceof Port p && p.direction() == Direction.IN) {
            diagnostics.add(diag(CheckId.MULTIPLE_DRIVERS, "input port " + p.name() + " is driven by the parent and "
                    + "cannot also be driven inside the module"));
            return;
        }
        assign(target, value);
    }

    @Override
    public void next(Reg reg, Expr value) {
        checkOpen();
        assign(reg, value);
    }

    /** {@code reg} loads {@code value} when {@code enable} is high and holds otherwise. */
    public void next(Reg reg, Expr value, Expr enable) {
        when(enable, s -> s.next(reg, value));
    }

    @Override
    public WhenChain when(Expr condition, Consumer<Scope> body) {
        checkOpen();
        checkShape("when condition", Shape.bool(), condition);
        Chain chain = new Chain(new ArrayList<>());
        current.add(chain);
        return new ChainBuilder(chain).elseWhen(condition, body);
    }

    private final class ChainBuilder implements WhenChain {
        private final Chain chain;

        ChainBuilder(Chain chain) {
            this.chain = chain;
        }

        @Override
        public WhenChain elseWhen(Expr condition, Consumer<Scope> body) {
            checkShape("when condition", Shape.bool(), condition);
            chain.branches().add(new Branch(condition, runBody(body)));
            return this;
        }

        @Override
        public void otherwise(Consumer<Scope> body) {
            chain.branches().add(new Branch(null, runBody(body)));
        }
    }

    private List<Stmt> runBody(Consumer<Scope> body) {
        List<Stmt> saved = current;
        List<Stmt> block = new ArrayList<>();
        current = block;
        try {
            body.accept(this);
        } finally {
            current = saved;
        }
        return block;
    }

    /**
     * Lowers conditional blocks, runs the design checks and freezes the module.
     *
     * @throws DesignCheckException listing every failed check
     */
    public ModuleDef build() {
        checkOpen();
        built = true;
        instances.forEach(Instance::freeze);
        Map<Net, Expr> env = new HashMap<>();
        for (Reg r : regs) {
            env.put(r, r);
        }
        Set<Net> latches = new LinkedHashSet<>();
        lower(root, env, latches);
        for (Net n : latches) {
            diagnostics.add(diag(CheckId.LATCH, n.name() + " is driven in some branches of a conditional block "
                    + "and not in others, and has no default"));
        }
        Map<Net, Expr> drivers = new LinkedHashMap<>();
        for (Port p : ports) {
            if (p.direction() == Direction.OUT && env.get(p) != null) {
                drivers.put(p, env.get(p));
            }
        }
        for (Wire w : wires) {
            if (env.get(w) != null) {
                drivers.put(w, env.get(w));
            }
        }
        Map<Reg, Expr> regNext = new LinkedHashMap<>();
        for (Reg r : regs) {
            regNext.put(r, env.get(r));
        }
        ModuleDef draft = new ModuleDef(name, doc, params, ports, wires, regs, memories, readPorts, writes,
                instances, drivers, regNext, Map.of());
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        all.addAll(DesignChecks.run(draft, this));
        if (!all.isEmpty()) {
            throw new DesignCheckException(all);
        }
        return new ModuleDef(name, doc, params, ports, wires, regs, memories, readPorts, writes, instances,
                drivers, regNext, DesignChecks.combinationalPaths(draft));
    }

    // ---- lowering of conditional blocks ----

    private sealed interface Stmt permits Assign, Chain {
    }

    private record Assign(Net target, Expr value) implements Stmt {
    }

    private record Chain(List<Branch> branches) implements Stmt {
    }

    private record Branch(Expr condition, List<Stmt> body) {
    }

    /** env maps a net to its value so far (absent: not driven on this path). */
    private static void lower(List<Stmt> block, Map<Net, Expr> env, Set<Net> latches) {
        for (Stmt s : block) {
            if (s instanceof Assign a) {
                env.put(a.target(), a.value());
            } else {
                Chain chain = (Chain) s;
                Set<Net> targets = new LinkedHashSet<>();
                collectTargets(chain, targets);
                List<Map<Net, Expr>> results = new ArrayList<>();
                for (Branch b : chain.branches()) {
                    Map<Net, Expr> branchEnv = new HashMap<>(env);
                    lower(b.body(), branchEnv, latches);
                    results.add(branchEnv);
                }
                int last = chain.branches().size() - 1;
                boolean hasOtherwise = chain.branches().get(last).condition() == null;
                for (Net t : targets) {
                    Expr acc = hasOtherwise ? results.get(last).get(t) : env.get(t);
                    int from = hasOtherwise ? last - 1 : last;
                    for (int i = from; i >= 0; i--) {
                        Expr taken = results.get(i).get(t);
                        if (taken == null || acc == null) {
                            latches.add(t);
                            acc = taken == null ? acc : taken;
                        } else if (taken != acc) {
                            acc = Mux.of(chain.branches().get(i).condition(), taken, acc);
                        }
                    }
                    if (acc == null) {
                        latches.add(t);
                    } else {
                        env.put(t, acc.shape().equals(t.shape()) ? acc : acc.resize(t.shape()));
                    }
                }
            }
        }
    }

    private static void collectTargets(Chain chain, Set<Net> out) {
        for (Branch b : chain.branches()) {
            for (Stmt s : b.body()) {
                if (s instanceof Assign a) {
                    out.add(a.target());
                } else {
                    collectTargets((Chain) s, out);
                }
            }
        }
    }

    // ---- helpers ----

    private void assign(Net target, Expr value) {
        checkOwn(target.owner(), target.name());
        if (!value.shape().equals(target.shape())) {
            diagnostics.add(diag(CheckId.SHAPE_MISMATCH, target.name() + " is " + target.shape()
                    + " but is assigned a " + value.shape() + " value (resize or truncate explicitly)"));
            value = value.resize(target.shape());
        }
        if (current == root && !unconditionallyAssigned.add(target)) {
            diagnostics.add(diag(CheckId.MULTIPLE_DRIVERS, target.name() + " has two unconditional drivers"));
            return;
        }
        current.add(new Assign(target, value));
    }

    private ReadPort addRead(Memory memory, String portName, Expr address, Expr enable, boolean sync) {
        checkOpen();
        checkOwn(memory.owner(), memory.name());
        checkAddress(memory, address);
        checkShape("memory " + memory.name() + " read enable", Shape.bool(), enable);
        ReadPort p = new ReadPort(memory, portName, address, enable, sync);
        readPorts.add(p);
        return p;
    }

    private void checkAddress(Memory memory, Expr address) {
        checkShape("memory " + memory.name() + " address", Shape.u(memory.addressWidth()), address);
    }

    private void checkShape(String what, Shape expected, Expr value) {
        if (!value.shape().equals(expected)) {
            diagnostics.add(diag(CheckId.SHAPE_MISMATCH, what + " must be " + expected + ", got " + value.shape()));
        }
    }

    private void checkOwn(Object owner, String netName) {
        if (owner != this) {
            throw new HdlException(netName + " belongs to another module than " + name);
        }
    }

    private Diagnostic diag(CheckId check, String message) {
        return new Diagnostic(check, name, message);
    }

    private <T> T add(List<T> list, T item) {
        checkOpen();
        list.add(item);
        return item;
    }

    private void checkOpen() {
        if (built) {
            throw new HdlException("module " + name + " is already built");
        }
    }
}
