package io.bitforge.verilog.sim;

import io.bitforge.verilog.hdl.Direction;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.ExternModel;
import io.bitforge.verilog.hdl.ExternModuleDef;
import io.bitforge.verilog.hdl.HdlException;
import io.bitforge.verilog.hdl.InstOut;
import io.bitforge.verilog.hdl.Instance;
import io.bitforge.verilog.hdl.MemWrite;
import io.bitforge.verilog.hdl.Memory;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Net;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.PortDecl;
import io.bitforge.verilog.hdl.ReadPort;
import io.bitforge.verilog.hdl.ReadUnderWrite;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.hdl.WideBits;

import java.math.BigInteger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A two-phase cycle simulator for a checked design. The hierarchy is flattened and compiled once: every net
 * gets a slot in a {@code long[]}, every driver becomes a lambda tree, and combinational drivers run in
 * topological order. {@link #step()} settles the logic, computes every register's next value, every memory
 * write and every synchronous read from the pre-edge state, then commits them all at once — the semantics of
 * the emitted Verilog ({@code always @(posedge clk)} with non-blocking assignments). There is no X: registers
 * and memories start at zero (memories at their initial words). Nets wider than 64 bits live in a side table of
 * {@link BigInteger}s and are read and set with {@link #peekWide} and {@link #poke(Port, BigInteger)}; memories
 * and black-box ports are at most 64 bits wide.
 *
 * <p>With {@link SimEngine#COMPILED} the same levelised drivers and register updates are written out as Java and
 * compiled once ({@link KernelSource}, {@link KernelCompiler}); the closures remain for what that code does not
 * translate (wide nets, black boxes, asynchronous reads, memory ports) and for the oracle.
 */
public final class Simulator {
    private final ModuleDef top;
    private final SimOptions options;
    private final long[] v;
    private final int rstSlot;
    private final Map<Port, Integer> topInputs = new LinkedHashMap<>();
    private final List<CombNode> comb = new ArrayList<>();
    private final List<RegUpdate> regs = new ArrayList<>();
    private final List<WideRegUpdate> wideRegs = new ArrayList<>();
    private final WideStore wide = new WideStore();
    private final java.util.BitSet wideSlots = new java.util.BitSet();
    private final List<MemState> memories = new ArrayList<>();
    private final Map<String, MemState> memoryByPath = new LinkedHashMap<>();
    private final Map<String, Integer> slotByPath = new LinkedHashMap<>();
    private final List<WritePort> writes = new ArrayList<>();
    private final List<SyncRead> syncReads = new ArrayList<>();
    private final List<ExternInst> externs = new ArrayList<>();
    private final List<Eval[]> multipliers = new ArrayList<>();
    private final Map<Expr, Eval> peekCache = new IdentityHashMap<>();
    private final Ctx topCtx;
    private final Trace trace;
    private final List<Eval> traceEvals = new ArrayList<>();
    private final Map<Integer, Integer> traceWideSlots = new LinkedHashMap<>();
    private long[] lastMulOperands;
    private final CompiledKernel kernel;
    private final long[] regPending;
    private final int[] regSlots;
    private final long kernelCompileNanos;
    private final String engineNote;
    private boolean dirty = true;
    private long cycle;
    private long toggles;
    private long memReads;
    private long memWrites;
    private long mulOps;

    private Simulator(ModuleDef top, SimOptions options) {
        this.top = top;
        this.options = options;
        Builder b = new Builder();
        rstSlot = b.newSlot();
        topCtx = b.instantiate(top, "", null, null);
        v = new long[b.slots];
        wide.allocate(b.slots);
        for (Ctx c : b.contexts) {
            for (MemState m : c.memories.values()) {
                m.reset();
            }
        }
        b.sortComb();
        List<TraceSignal> signals = new ArrayList<>();
        if (options.recordTrace()) {
            signals.add(new TraceSignal("rst", Shape.bool(), Direction.IN));
            traceEvals.add(vals -> vals[rstSlot]);
            for (Port p : top.ports()) {
                signals.add(new TraceSignal(p.name(), p.shape(), p.direction()));
                int slot = topCtx.slot(p);
                if (p.shape().wide()) {
                    traceWideSlots.put(traceEvals.size(), slot);
                }
                traceEvals.add(vals -> vals[slot]);
            }
        }
        trace = options.recordTrace() ? new Trace(signals) : null;
        lastMulOperands = new long[multipliers.size() * 2];
        regPending = new long[regs.size()];
        regSlots = regs.stream().mapToInt(r -> r.slot).toArray();
        CompiledKernel compiled = null;
        long compileNanos = 0;
        String note = null;
        if (options.engine() == SimEngine.COMPILED) {
            try {
                KernelCompiler.Loaded loaded = KernelCompiler.load(KernelSource.of(top.name(), comb, regs, wideRegs, wide),
                        wide.words, wide.pendingWords);
                compiled = loaded.kernel();
                compileNanos = loaded.compileNanos();
            } catch (KernelCompiler.Unavailable e) {
                note = e.getMessage();
            }
        }
        kernel = compiled;
        if (compiled != null) {
            // the kernel writes the words directly, mid-settle too, so numbers are read from the words every time
            wide.dropCache();
        }
        kernelCompileNanos = compileNanos;
        engineNote = note;
    }

    /**
     * Why {@link SimEngine#COMPILED} cannot run in this process (no JDK compiler), so that a caller can say so once
     * before its simulators fall back to the interpreter; empty when it can.
     */
    public static java.util.Optional<String> compiledEngineUnavailable() {
        return KernelCompiler.available() ? java.util.Optional.empty() : java.util.Optional.of(KernelCompiler.NO_JDK);
    }

    public static Simulator of(ModuleDef top) {
        return new Simulator(top, SimOptions.defaults());
    }

    public static Simulator of(ModuleDef top, SimOptions options) {
        return new Simulator(top, options);
    }

    public ModuleDef top() {
        return top;
    }

    /** The engine actually running: {@link SimEngine#INTERPRETED} when compiling was asked for but not possible. */
    public SimEngine engine() {
        return kernel != null ? SimEngine.COMPILED : SimEngine.INTERPRETED;
    }

    /** Why a compiled engine fell back to the interpreter (one line), if it did. */
    public java.util.Optional<String> engineNote() {
        return java.util.Optional.ofNullable(engineNote);
    }

    /** Nanoseconds this simulator spent generating and compiling its kernel (0 when interpreted or cached). */
    public long kernelCompileNanos() {
        return kernelCompileNanos;
    }

    /** A top-level input resolved once, for {@link #poke(InputHandle, long)} every cycle. */
    public InputHandle input(String name) {
        Port port = top.port(name);
        return new InputHandle(port, inputSlot(port));
    }

    /** Sets a top-level input of at most 64 bits through its handle; the value must fit the port's shape. */
    public void poke(InputHandle input, long value) {
        Shape shape = input.port().shape();
        if (shape.wide() || !shape.fits(value) && shape.width() != 64) {
            poke(input.port(), value);
            return;
        }
        v[input.slot()] = shape.canonical(value);
        dirty = true;
    }

    /** Sets a top-level input; the value must fit the port's shape (signed ports take negative values). */
    public void poke(Port input, long value) {
        int slot = inputSlot(input);
        if (!input.shape().fits(value) && !(input.shape().width() == 64)) {
            throw new HdlException("value " + value + " does not fit input " + input.name() + " (" + input.shape() + ")");
        }
        if (input.shape().wide()) {
            wide.set(slot, WideBits.fromCanonical(value, input.shape()));
        } else {
            v[slot] = input.shape().canonical(value);
        }
        dirty = true;
    }

    /** Sets a top-level input of any width; the value must fit the port's shape. */
    public void poke(Port input, BigInteger value) {
        int slot = inputSlot(input);
        if (!WideBits.fits(value, input.shape())) {
            throw new HdlException("value " + value + " does not fit input " + input.name() + " (" + input.shape() + ")");
        }
        if (input.shape().wide()) {
            wide.set(slot, value);
        } else {
            v[slot] = value.longValue();
        }
        dirty = true;
    }

    private int inputSlot(Port input) {
        Integer slot = topInputs.get(input);
        if (slot == null) {
            throw new HdlException(input.name() + " is not an input of " + top.name());
        }
        return slot;
    }

    /** Sets a top-level input by name. */
    public void poke(String input, long value) {
        poke(top.port(input), value);
    }

    /** The value of an expression over the top module's nets (sign-extended when signed). */
    public long peek(Expr signal) {
        if (signal.shape().wide()) {
            throw new HdlException("a " + signal.shape() + " value does not fit a long; use peekWide");
        }
        settle();
        // peeked expressions are not part of the design: their multipliers are not counted as activity
        return peekCache.computeIfAbsent(signal, e -> new ExprCompiler(topCtx::slot, null, wide).compile(e)).eval(v);
    }

    /** The value of an expression of any width over the top module's nets (negative only when signed). */
    public BigInteger peekWide(Expr signal) {
        settle();
        return new ExprCompiler(topCtx::slot, null, wide).compileWide(signal).eval(v);
    }

    /** A net of any width by hierarchical name. */
    public BigInteger peekWide(String path) {
        settle();
        Integer slot = slotByPath.get(path);
        if (slot == null) {
            throw new HdlException("no signal " + path + " in " + top.name());
        }
        return wideSlots.get(slot) ? wide.get(slot) : BigInteger.valueOf(v[slot]);
    }

    /** The Java source the compiled engine runs (or would run) for this design. */
    KernelSource kernelSource() {
        return KernelSource.of(top.name(), comb, regs, wideRegs, wide);
    }

    /** Every hierarchical signal name {@link #peekWide(String)} accepts, in the order the design declares them. */
    java.util.Set<String> signalPaths() {
        return java.util.Collections.unmodifiableSet(slotByPath.keySet());
    }

    /** A net, read port or instance output by hierarchical name, e.g. {@code "pe_0_1.acc"}. */
    public long peek(String path) {
        settle();
        Integer slot = slotByPath.get(path);
        if (slot == null) {
            throw new HdlException("no signal " + path + " in " + top.name());
        }
        if (wideSlots.get(slot)) {
            throw new HdlException("signal " + path + " is wider than 64 bits; use peekWide");
        }
        return v[slot];
    }

    /** Holds reset high for {@code cycles} edges, then releases it. */
    public void reset(int cycles) {
        v[rstSlot] = 1;
        dirty = true;
        step(cycles);
        v[rstSlot] = 0;
        dirty = true;
    }

    public void step(int cycles) {
        for (int i = 0; i < cycles; i++) {
            step();
        }
    }

    /** One rising clock edge. */
    public void step() {
        settle();
        if (trace != null) {
            long[] row = new long[traceEvals.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = traceEvals.get(i).eval(v);
            }
            if (traceWideSlots.isEmpty()) {
                trace.add(row);
            } else {
                BigInteger[] wideRow = new BigInteger[row.length];
                traceWideSlots.forEach((index, slot) -> wideRow[index] = wide.get(slot));
                trace.add(row, wideRow);
            }
        }
        boolean inReset = v[rstSlot] != 0;
        // phase 1: everything computed from the pre-edge state
        if (kernel != null) {
            kernel.next(v, regPending, inReset);
        } else {
            for (int i = 0; i < regPending.length; i++) {
                RegUpdate r = regs.get(i);
                regPending[i] = inReset && r.hasReset ? r.resetValue : r.next.eval(v);
            }
        }
        if (kernel == null) {
            for (WideRegUpdate r : wideRegs) {
                r.pending = inReset && r.hasReset ? r.resetValue : r.next.eval(v);
            }
        }
        for (WritePort w : writes) {
            w.enabled = w.enable.eval(v) != 0;
            if (w.enabled) {
                w.address = w.memory.checkAddress(w.addressEval.eval(v));
                w.data = w.dataEval.eval(v);
            }
        }
        for (SyncRead r : syncReads) {
            r.pending = r.read(v, options.failOnUndefinedReadUnderWrite(), cycle);
        }
        for (ExternInst x : externs) {
            x.edge(v);
        }
        if (options.countActivity()) {
            countMultipliers();
        }
        // phase 2: commit
        if (options.countActivity()) {
            for (int i = 0; i < regPending.length; i++) {
                toggles += Long.bitCount((v[regSlots[i]] ^ regPending[i]) & regs.get(i).mask);
            }
        }
        for (int i = 0; i < regSlots.length; i++) {
            v[regSlots[i]] = regPending[i];
        }
        for (WideRegUpdate r : wideRegs) {
            if (kernel != null) {
                if (options.countActivity()) {
                    toggles += wide.get(r.slot).xor(wide.pending(r.slot)).bitCount();
                }
                wide.commitPending(r.slot);
                continue;
            }
            if (options.countActivity()) {
                toggles += wide.get(r.slot).xor(r.pending).bitCount();
            }
            wide.set(r.slot, r.pending);
        }
        for (SyncRead r : syncReads) {
            if (r.enabledNow) {
                memReads++;
            }
            v[r.slot] = r.pending;
        }
        for (WritePort w : writes) {
            if (w.enabled) {
                w.memory.words[w.address] = w.data;
                memWrites++;
            }
        }
        cycle++;
        dirty = true;
    }

    /** Steps until {@code condition} is non-zero (checked before each edge); false if it never was. */
    public boolean stepUntil(Expr condition, int maxCycles) {
        for (int i = 0; i < maxCycles; i++) {
            if (peek(condition) != 0) {
                return true;
            }
            step();
        }
        return peek(condition) != 0;
    }

    /** Edges so far. */
    public long cycle() {
        return cycle;
    }

    /** Backdoor to a memory by hierarchical name, e.g. {@code "ram"} or {@code "u_fifo.buffer"}. */
    public MemoryView memory(String path) {
        MemState m = memoryByPath.get(path);
        if (m == null) {
            throw new HdlException("no memory " + path + " in " + top.name() + "; memories: " + memoryByPath.keySet());
        }
        return new MemoryView() {
            @Override
            public long read(int address) {
                return m.read(address);
            }

            @Override
            public void write(int address, long value) {
                m.write(address, value);
                dirty = true; // asynchronous reads see the new word
            }

            @Override
            public int depth() {
                return m.depth();
            }
        };
    }

    /** The recorded trace; requires {@link SimOptions#recordTrace()}. */
    public Trace trace() {
        if (trace == null) {
            throw new IllegalStateException("trace recording is off; use SimOptions.withTrace()");
        }
        return trace;
    }

    /** Action counts so far (zeros unless {@link SimOptions#countActivity()}). */
    public Activity activity() {
        return new Activity(cycle, toggles, memReads, memWrites, mulOps);
    }

    private void countMultipliers() {
        for (int i = 0; i < multipliers.size(); i++) {
            long a = multipliers.get(i)[0].eval(v);
            long b = multipliers.get(i)[1].eval(v);
            if (a != lastMulOperands[2 * i] || b != lastMulOperands[2 * i + 1]) {
                mulOps++;
                lastMulOperands[2 * i] = a;
                lastMulOperands[2 * i + 1] = b;
            }
        }
    }

    private void settle() {
        if (!dirty) {
            return;
        }
        if (kernel != null) {
            kernel.settle(v);
        } else {
            for (CombNode n : comb) {
                n.run.accept(v);
            }
        }
        dirty = false;
    }

    /** One module instance in the flattened design. */
    private final class Ctx {
        final ModuleDef def;
        final String path;
        final Map<Object, Integer> slots = new IdentityHashMap<>();
        final Map<Instance, Object> children = new IdentityHashMap<>();
        final Map<Memory, MemState> memories = new IdentityHashMap<>();
        ExprCompiler compiler;

        Ctx(ModuleDef def, String path) {
            this.def = def;
            this.path = path;
        }

        int slot(Object key) {
            if (key instanceof InstOut o) {
                Object child = children.get(o.instance());
                if (child instanceof Ctx c) {
                    return c.slot(c.def.port(o.port()));
                }
                return ((Map<?, ?>) child).get(o.port()) instanceof Integer i ? i : fail(o);
            }
            Integer s = slots.get(key);
            return s == null ? fail(key) : s;
        }

        private int fail(Object key) {
            throw new HdlException("simulator: no slot for " + key + " in " + def.name());
        }

        ExprCompiler compiler() {
            if (compiler == null) {
                compiler = new ExprCompiler(this::slot, options.countActivity() ? multipliers : null, wide);
            }
            return compiler;
        }

        String name(String local) {
            return path.isEmpty() ? local : path + "." + local;
        }
    }

    private final class Builder {
        int slots;
        final List<Ctx> contexts = new ArrayList<>();
        final Map<Integer, Boolean> combSlots = new HashMap<>();

        int newSlot() {
            return slots++;
        }

        int newSlot(Shape shape) {
            if (shape.wide()) {
                wideSlots.set(slots);
                wide.declare(slots, shape);
            }
            return slots++;
        }

        Ctx instantiate(ModuleDef def, String path, Ctx parent, Instance inst) {
            Ctx c = new Ctx(def, path);
            contexts.add(c);
            for (Port p : def.ports()) {
                int s = newSlot(p.shape());
                c.slots.put(p, s);
                slotByPath.put(c.name(p.name()), s);
                if (parent == null && p.direction() == Direction.IN) {
                    topInputs.put(p, s);
                }
            }
            for (Net n : def.wires()) {
                int s = newSlot(n.shape());
                c.slots.put(n, s);
                slotByPath.put(c.name(n.name()), s);
            }
            for (Reg r : def.regs()) {
                int s = newSlot(r.shape());
                c.slots.put(r, s);
                slotByPath.put(c.name(r.name()), s);
            }
            for (Memory m : def.memories()) {
                MemState state = new MemState(m, c.name(m.name()));
                c.memories.put(m, state);
                memories.add(state);
                memoryByPath.put(state.path, state);
            }
            for (ReadPort r : def.readPorts()) {
                int s = newSlot();
                c.slots.put(r, s);
                slotByPath.put(c.name(r.memory().name() + "." + r.name()), s);
            }
            for (Instance i : def.instances()) {
                if (i.target() instanceof ModuleDef child) {
                    c.children.put(i, instantiate(child, c.name(i.name()), c, i));
                } else {
                    Map<String, Integer> outs = new LinkedHashMap<>();
                    for (PortDecl p : ((ExternModuleDef) i.target()).outputs()) {
                        int s = newSlot();
                        outs.put(p.name(), s);
                        slotByPath.put(c.name(i.name() + "." + p.name()), s);
                    }
                    c.children.put(i, outs);
                }
            }
            // drivers, now that every slot of this context and its children exists
            for (Instance i : def.instances()) {
                if (c.children.get(i) instanceof Ctx child) {
                    for (Port p : child.def.inputs()) {
                        addComb(child.slot(p), c, i.connections().get(p.name()));
                    }
                }
            }
            for (Map.Entry<Net, Expr> d : def.drivers().entrySet()) {
                addComb(c.slot(d.getKey()), c, d.getValue());
            }
            for (Map.Entry<Reg, Expr> r : def.regNext().entrySet()) {
                Reg reg = r.getKey();
                if (reg.shape().wide()) {
                    wideRegs.add(new WideRegUpdate(c.slot(reg), c.compiler().compileWide(r.getValue()),
                            reg.resetValue().isPresent(),
                            WideBits.fromCanonical(reg.resetValue().orElse(0), reg.shape()), r.getValue(), c::slot));
                    continue;
                }
                regs.add(new RegUpdate(c.slot(reg), c.compiler().compile(r.getValue()), reg.resetValue().isPresent(),
                        reg.resetValue().orElse(0), io.bitforge.core.arith.Bits.mask(reg.width()), r.getValue(),
                        c::slot));
            }
            Map<Memory, WritePort> writers = new IdentityHashMap<>();
            for (MemWrite w : def.writes()) {
                WritePort wp = new WritePort(c.memories.get(w.memory()), c.compiler().compile(w.address()),
                        c.compiler().compile(w.data()), c.compiler().compile(w.enable()));
                writes.add(wp);
                writers.put(w.memory(), wp);
            }
            for (ReadPort r : def.readPorts()) {
                MemState m = c.memories.get(r.memory());
                Eval address = c.compiler().compile(r.address());
                if (r.synchronous()) {
                    SyncRead sr = new SyncRead(c.slot(r), m, address, c.compiler().compile(r.enable()),
                            r.memory().policy());
                    sr.writer = writers.get(r.memory());
                    syncReads.add(sr);
                } else {
                    int slot = c.slot(r);
                    comb.add(new CombNode(new int[] {slot}, reads(c, r.address()),
                            vals -> vals[slot] = m.words[m.checkAddress(address.eval(vals))]));
                    combSlots.put(slot, true);
                }
            }
            for (Instance i : def.instances()) {
                if (i.target() instanceof ExternModuleDef x) {
                    addExtern(c, i, x);
                }
            }
            return c;
        }

        private void addExtern(Ctx c, Instance i, ExternModuleDef x) {
            if (x.model() == null) {
                throw new HdlException("black box " + x.name() + " (instance " + i.name() + ") has no Java model");
            }
            for (PortDecl p : x.portDecls()) {
                if (p.shape().wide()) {
                    throw new HdlException("black box " + x.name() + " port " + p.name() + " is " + p.shape()
                            + "; the simulator models black-box ports of at most 64 bits");
                }
            }
            List<PortDecl> ins = x.dataInputs();
            Eval[] inputs = new Eval[ins.size()];
            List<Integer> readSlots = new ArrayList<>();
            for (int k = 0; k < ins.size(); k++) {
                Expr value = i.connections().get(ins.get(k).name());
                inputs[k] = c.compiler().compile(value);
                if (x.combinational()) {
                    for (int s : reads(c, value)) {
                        readSlots.add(s);
                    }
                }
            }
            List<PortDecl> outs = x.outputs();
            int[] outSlots = new int[outs.size()];
            Shape[] outShapes = new Shape[outs.size()];
            for (int k = 0; k < outs.size(); k++) {
                outSlots[k] = c.slot(i.out(outs.get(k).name()));
                outShapes[k] = outs.get(k).shape();
                combSlots.put(outSlots[k], true);
            }
            ExternInst inst = new ExternInst(x.model().create(i.params()), inputs, outSlots, outShapes);
            externs.add(inst);
            comb.add(new CombNode(outSlots, readSlots.stream().mapToInt(Integer::intValue).toArray(), inst::evaluate));
        }

        private void addComb(int slot, Ctx c, Expr value) {
            if (wideSlots.get(slot)) {
                WideEval e = c.compiler().compileWide(value);
                comb.add(new CombNode(new int[] {slot}, reads(c, value), vals -> wide.set(slot, e.eval(vals)), value, c::slot));
                combSlots.put(slot, true);
                return;
            }
            Eval e = c.compiler().compile(value);
            comb.add(new CombNode(new int[] {slot}, reads(c, value), vals -> vals[slot] = e.eval(vals), value,
                    c::slot));
            combSlots.put(slot, true);
        }

        private int[] reads(Ctx c, Expr e) {
            List<Integer> out = new ArrayList<>();
            io.bitforge.verilog.hdl.Exprs.forEachLeaf(e, leaf -> out.add(c.slot(leaf)));
            return out.stream().mapToInt(Integer::intValue).distinct().toArray();
        }

        /** Kahn's algorithm over the slots that combinational nodes write. */
        void sortComb() {
            Map<Integer, CombNode> writer = new HashMap<>();
            for (CombNode n : comb) {
                for (int s : n.writes) {
                    writer.put(s, n);
                }
            }
            Map<CombNode, Integer> indegree = new IdentityHashMap<>();
            Map<CombNode, List<CombNode>> users = new IdentityHashMap<>();
            for (CombNode n : comb) {
                indegree.put(n, 0);
            }
            for (CombNode n : comb) {
                for (int s : n.reads) {
                    CombNode w = writer.get(s);
                    if (w != null && w != n) {
                        indegree.merge(n, 1, Integer::sum);
                        users.computeIfAbsent(w, k -> new ArrayList<>()).add(n);
                    } else if (w == n) {
                        throw new HdlException("simulator: combinational self-loop");
                    }
                }
            }
            java.util.ArrayDeque<CombNode> ready = new java.util.ArrayDeque<>();
            for (CombNode n : comb) {
                if (indegree.get(n) == 0) {
                    ready.add(n);
                }
            }
            List<CombNode> order = new ArrayList<>();
            while (!ready.isEmpty()) {
                CombNode n = ready.poll();
                order.add(n);
                for (CombNode u : users.getOrDefault(n, List.of())) {
                    if (indegree.merge(u, -1, Integer::sum) == 0) {
                        ready.add(u);
                    }
                }
            }
            if (order.size() != comb.size()) {
                throw new HdlException("simulator: combinational loop across the hierarchy of " + top.name());
            }
            comb.clear();
            comb.addAll(order);
        }
    }
}
