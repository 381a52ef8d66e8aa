package io.bitforge.verilog.emit;

import io.bitforge.core.arith.Bits;
import io.bitforge.verilog.check.DesignChecks;
import io.bitforge.verilog.hdl.Binary;
import io.bitforge.verilog.hdl.BinaryOp;
import io.bitforge.verilog.hdl.Concat;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Direction;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.ExternModuleDef;
import io.bitforge.verilog.hdl.InstOut;
import io.bitforge.verilog.hdl.Instance;
import io.bitforge.verilog.hdl.MemWrite;
import io.bitforge.verilog.hdl.Memory;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Names;
import io.bitforge.verilog.hdl.Net;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.PortDecl;
import io.bitforge.verilog.hdl.ReadPort;
import io.bitforge.verilog.hdl.ReadUnderWrite;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Resize;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.hdl.Slice;
import io.bitforge.verilog.hdl.Unary;
import io.bitforge.verilog.hdl.WideBits;
import io.bitforge.verilog.hdl.Wire;

import java.math.BigInteger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints one module; see {@link VerilogEmitter} for the rules. */
final class ModuleWriter {
    private static final String IND = "    ";

    private final ModuleDef m;
    private final NameAllocator names = new NameAllocator();
    private final Map<Object, String> objectNames;
    private final Map<Expr, String> tokens = new HashMap<>();
    /** Declared signals in declaration order, with their widths and used-bit masks. */
    private final Map<String, Signal> signals = new LinkedHashMap<>();
    private final Map<String, String> declLines = new LinkedHashMap<>();
    private final StringBuilder body = new StringBuilder();
    private final Map<Instance, Map<String, String>> instanceOutputs = new IdentityHashMap<>();
    private int temps;

    private static final class Signal {
        final int width;
        final java.util.BitSet used = new java.util.BitSet();

        Signal(int width) {
            this.width = width;
        }
    }

    private final EmitOptions options;
    private final Liveness liveness;
    /** Names of the instance outputs, for finding the unread ones after the pass. */
    private final Map<Instance, Map<String, String>> outputNames = new IdentityHashMap<>();
    /** Tokens for the low bits of an operation done at a narrower width ({@link #low}). */
    private final Map<Expr, Map<Integer, String>> lowTokens = new HashMap<>();

    ModuleWriter(ModuleDef m, EmitOptions options) {
        this(m, options, Liveness.none());
    }

    ModuleWriter(ModuleDef m, EmitOptions options, Liveness liveness) {
        this.m = m;
        this.options = options;
        this.liveness = liveness;
        this.objectNames = DesignChecks.verilogNames(m);
        DesignChecks.RESERVED.forEach(names::reserve);
        objectNames.values().forEach(names::reserve);
    }

    String write() {
        // names of everything declared up front
        for (Port p : m.ports()) {
            declareSignal(name(p), p.width());
            if (p.direction() == Direction.OUT) {
                useAll(name(p));
            }
        }
        for (Wire w : m.wires()) {
            if (!liveness.isDead(w)) {
                declareSignal(name(w), w.width());
            }
        }
        for (Reg r : m.regs()) {
            declareSignal(name(r), r.width());
        }
        for (ReadPort r : m.readPorts()) {
            declareSignal(name(r), r.shape().width());
        }
        for (Instance i : m.instances()) {
            Map<String, String> outs = new LinkedHashMap<>();
            for (PortDecl p : i.target().portDecls()) {
                if (p.direction() == Direction.OUT) {
                    String n = names.fresh(name(i) + "_" + Names.sanitize(p.name())
                            + (liveness.isUnread(i, p.name()) ? "_unused" : ""));
                    declareSignal(n, p.shape().width());
                    outs.put(p.name(), n);
                }
            }
            instanceOutputs.put(i, outs);
            outputNames.put(i, outs);
        }
        StringBuilder wiresDecl = new StringBuilder();
        for (Wire w : m.wires()) {
            if (!liveness.isDead(w)) {
                declLines.put(name(w), "wire " + range(w.width()) + name(w) + ";");
            }
        }
        for (Reg r : m.regs()) {
            declLines.put(name(r), "reg " + range(r.width()) + name(r) + " = " + literal(r.width(), 0) + ";");
        }
        for (Memory mem : m.memories()) {
            wiresDecl.append(IND);
            if (mem.policy() == ReadUnderWrite.UNDEFINED) {
                wiresDecl.append("(* no_rw_check *) ");
            }
            wiresDecl.append("reg ").append(range(mem.word().width())).append(name(mem)).append(" [0:")
                    .append(mem.depth() - 1).append("];\n");
        }
        for (ReadPort r : m.readPorts()) {
            int w = r.shape().width();
            String init = options.initialReadData() ? " = " + literal(w, 0) : "";
            declLines.put(name(r), r.synchronous() ? "reg " + range(w) + name(r) + init + ";"
                    : "wire " + range(w) + name(r) + ";");
        }
        for (Instance i : m.instances()) {
            for (String o : instanceOutputs.get(i).values()) {
                declLines.put(o, "wire " + range(signals.get(o).width) + o + ";");
            }
        }
        // combinational drivers
        for (Map.Entry<Net, Expr> d : m.drivers().entrySet()) {
            if (d.getKey() instanceof Wire w && liveness.isDead(w)) {
                continue;
            }
            String target = name(d.getKey());
            String rhs = rhsOrToken(d.getValue(), target);
            body.append(IND).append("assign ").append(target).append(" = ").append(rhs).append(";\n");
        }
        for (ReadPort r : m.readPorts()) {
            if (!r.synchronous()) {
                String address = token(r.address());
                body.append(IND).append("assign ").append(name(r)).append(" = ").append(name(r.memory())).append('[')
                        .append(address).append("];\n");
            }
        }
        memoryInit();
        registers();
        memoryPorts();
        instances();
        StringBuilder declared = new StringBuilder();
        // no lint pragmas: a bit nothing reads is not printed (dead wires, low bits of narrowed operations); an
        // instance output nothing reads is named *_unused, and whatever remains is Verilator's to report
        for (String line : declLines.values()) {
            declared.append(IND).append(line).append('\n');
        }
        return header() + portList() + params() + wiresDecl + declared + body + "endmodule\n`default_nettype wire\n";
    }

    /**
     * After {@link #write}: this pass's findings added to the ones it was given, i.e. the wires and instance
     * outputs no printed logic reads.
     */
    Liveness next() {
        Liveness next = Liveness.none();
        next.deadWires().addAll(liveness.deadWires());
        liveness.unreadOutputs().forEach((i, ports) -> next.unreadOutputs().put(i, new java.util.HashSet<>(ports)));
        for (Wire w : m.wires()) {
            if (!liveness.isDead(w) && signals.get(name(w)).used.isEmpty()) {
                next.deadWires().add(w);
            }
        }
        outputNames.forEach((i, outs) -> outs.forEach((port, n) -> {
            if (signals.get(n).used.isEmpty()) {
                next.unreadOutputs().computeIfAbsent(i, k -> new java.util.HashSet<>()).add(port);
            }
        }));
        return next;
    }

    // ---- sections ----

    private String header() {
        StringBuilder h = new StringBuilder();
        h.append("// Generated by BitForge from a Java HDL design; do not edit.\n");
        if (!m.doc().isEmpty()) {
            for (String line : m.doc().split("\n")) {
                h.append("// ").append(line).append('\n');
            }
        }
        h.append("`default_nettype none\n");
        return h.toString();
    }

    private String portList() {
        List<String> lines = new ArrayList<>();
        if (m.usesClock()) {
            lines.add("input  wire clk");
        }
        if (m.usesReset()) {
            lines.add("input  wire rst");
        }
        for (Port p : m.ports()) {
            String decl = (p.direction() == Direction.IN ? "input  wire " : "output wire ") + range(p.width()) + name(p);
            lines.add(decl);
        }
        StringBuilder s = new StringBuilder("module ").append(Names.sanitize(m.name())).append(" (\n");
        for (int i = 0; i < lines.size(); i++) {
            s.append(IND).append(lines.get(i)).append(i + 1 < lines.size() ? ",\n" : "\n");
        }
        return s.append(");\n").toString();
    }

    private String params() {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, Long> p : m.params().entrySet()) {
            // recorded for readers of the Verilog
            // a comment, not a localparam: the logic is fully elaborated and an unread parameter is a lint warning
            s.append(IND).append("// ").append(objectNames.get("param:" + p.getKey())).append(" = ")
                    .append(p.getValue()).append('\n');
        }
        return s.toString();
    }

    /** The {@code $readmemh} file of a memory that {@link Memory#loadsFromHex()}. */
    static String hexFileName(ModuleDef module, Memory mem) {
        return Names.sanitize(module.name()) + "_" + Names.sanitize(mem.name()) + ".hex";
    }

    /** Its contents: every word of the depth, hexadecimal, one per line. */
    static String hexContents(Memory mem) {
        StringBuilder s = new StringBuilder();
        int digits = (mem.word().width() + 3) / 4;
        for (int a = 0; a < mem.depth(); a++) {
            long word = a < mem.initWords().size() ? mem.initWords().get(a) : 0;
            String h = Long.toHexString(Bits.truncate(word, mem.word().width()));
            s.append("0".repeat(Math.max(0, digits - h.length()))).append(h).append('\n');
        }
        return s.toString();
    }

    private void memoryInit() {
        for (Memory mem : m.memories()) {
            if (mem.loadsFromHex()) {
                body.append(IND).append("initial $readmemh(\"").append(hexFileName(m, mem)).append("\", ")
                        .append(name(mem)).append(");\n");
                continue;
            }
            body.append(IND).append("initial begin\n");
            for (int a = 0; a < mem.depth(); a++) {
                long word = a < mem.initWords().size() ? mem.initWords().get(a) : 0;
                body.append(IND).append(IND).append(name(mem)).append('[').append(literal(mem.addressWidth(), a))
                        .append("] = ").append(literal(mem.word().width(), word)).append(";\n");
            }
            body.append(IND).append("end\n");
        }
    }

    private void registers() {
        for (Reg r : m.regs()) {
            String n = name(r);
            List<String[]> branches = new ArrayList<>(); // {condition or null, value}
            Expr next = m.regNext().get(r);
            while (next instanceof Mux mux && mux.shape().equals(r.shape()) && next != r) {
                branches.add(new String[] {token(mux.select()), token(mux.whenTrue())});
                next = mux.whenFalse();
            }
            String last = next == r ? null : token(next);
            StringBuilder a = new StringBuilder();
            a.append(IND).append("always @(posedge clk) begin\n");
            String kw = "if";
            if (r.resetValue().isPresent()) {
                a.append(IND).append(IND).append("if (rst) ").append(n).append(" <= ")
                        .append(literal(r.width(), r.resetValue().getAsLong())).append(";\n");
                kw = "else if";
            }
            for (String[] b : branches) {
                a.append(IND).append(IND).append(kw).append(" (").append(b[0]).append(") ").append(n).append(" <= ")
                        .append(b[1]).append(";\n");
                kw = "else if";
            }
            if (last != null) {
                a.append(IND).append(IND).append(kw.equals("if") ? "" : "else ").append(n).append(" <= ")
                        .append(last).append(";\n");
            }
            a.append(IND).append("end\n");
            body.append(a);
        }
    }

    private void memoryPorts() {
        for (MemWrite w : m.writes()) {
            String enable = token(w.enable());
            String address = token(w.address());
            String data = token(w.data());
            body.append(IND).append("always @(posedge clk) begin\n").append(IND).append(IND).append("if (")
                    .append(enable).append(") ").append(name(w.memory())).append('[')
                    .append(address).append("] <= ").append(data).append(";\n")
                    .append(IND).append("end\n");
        }
        for (ReadPort r : m.readPorts()) {
            if (!r.synchronous()) {
                continue;
            }
            String read = name(r.memory()) + "[" + token(r.address()) + "]";
            if (r.memory().policy() == ReadUnderWrite.WRITE_FIRST) {
                MemWrite w = m.writes().stream().filter(x -> x.memory() == r.memory()).findFirst().orElse(null);
                if (w != null) {
                    read = "(" + token(w.enable()) + " && " + token(w.address()) + " == " + token(r.address())
                            + ") ? " + token(w.data()) + " : " + read;
                }
            }
            String enable = token(r.enable());
            body.append(IND).append("always @(posedge clk) begin\n").append(IND).append(IND).append("if (")
                    .append(enable).append(") ").append(name(r)).append(" <= ").append(read).append(";\n")
                    .append(IND).append("end\n");
        }
    }

    private void instances() {
        for (Instance i : m.instances()) {
            List<String> conns = new ArrayList<>();
            if (i.target() instanceof ModuleDef child) {
                if (child.usesClock()) {
                    conns.add(".clk(clk)");
                }
                if (child.usesReset()) {
                    conns.add(".rst(rst)");
                }
            }
            for (PortDecl p : i.target().portDecls()) {
                String value;
                if (i.target() instanceof ExternModuleDef x && x.clockPorts().contains(p.name())) {
                    value = "clk";
                } else if (p.direction() == Direction.IN) {
                    value = token(i.connections().get(p.name()));
                } else {
                    value = instanceOutputs.get(i).get(p.name());
                }
                String port = i.target() instanceof ExternModuleDef ? p.name() : Names.sanitize(p.name());
                conns.add("." + port + "(" + value + ")");
            }
            body.append(IND).append(i.target() instanceof ExternModuleDef ? i.target().name() : Names.sanitize(i.target().name()));
            if (!i.params().isEmpty()) {
                List<String> ps = new ArrayList<>();
                i.params().forEach((k, v) -> ps.add("." + k + "(" + v + ")"));
                body.append(" #(").append(String.join(", ", ps)).append(")");
            }
            body.append(' ').append(name(i)).append(" (\n");
            for (int k = 0; k < conns.size(); k++) {
                body.append(IND).append(IND).append(conns.get(k)).append(k + 1 < conns.size() ? ",\n" : "\n");
            }
            body.append(IND).append(");\n");
        }
    }


    // ---- expressions ----

    /** The right-hand side for {@code target}; the expression's own operation if it has no name yet. */
    private String rhsOrToken(Expr e, String target) {
        if (isLeaf(e) || tokens.containsKey(e)) {
            return token(e);
        }
        String rhs = rhs(e);
        if (!tokens.containsKey(e)) {
            tokens.put(e, target);
        }
        return rhs;
    }

    private static boolean isLeaf(Expr e) {
        return e instanceof Net || e instanceof Const || e instanceof ReadPort || e instanceof InstOut
                || e instanceof Unary u && (u.op() == io.bitforge.verilog.hdl.UnaryOp.AS_SIGNED
                || u.op() == io.bitforge.verilog.hdl.UnaryOp.AS_UNSIGNED);
    }

    /** A name or sized literal of exactly e's width; declares a temporary wire for operations. */
    private String token(Expr e) {
        if (e instanceof Const c) {
            return constLiteral(c.width(), c);
        }
        if (e instanceof Unary u && (u.op() == io.bitforge.verilog.hdl.UnaryOp.AS_SIGNED
                || u.op() == io.bitforge.verilog.hdl.UnaryOp.AS_UNSIGNED)) {
            return token(u.operand());
        }
        Expr inner = transparent(e);
        if (inner != e) {
            return token(inner);
        }
        String known = leafName(e);
        if (known != null) {
            useAll(known);
            return known;
        }
        String t = tokens.get(e);
        if (t != null) {
            useAll(t);
            return t;
        }
        String rhs = rhs(e);
        if (signals.containsKey(rhs)) {
            // e only renames a value that already has a name of exactly its width (e.g. a narrowed sum)
            tokens.put(e, rhs);
            return rhs;
        }
        t = names.fresh("t" + temps++);
        declareSignal(t, e.width());
        useAll(t);
        declLines.put(t, "wire " + range(e.width()) + t + ";");
        body.append(IND).append("assign ").append(t).append(" = ").append(rhs).append(";\n");
        tokens.put(e, t);
        return t;
    }

    private String leafName(Expr e) {
        if (e instanceof Net || e instanceof ReadPort) {
            return objectNames.get(e);
        }
        if (e instanceof InstOut o) {
            return instanceOutputs.get(o.instance()).get(o.port());
        }
        return null;
    }

    /**
     * What e is when it only renames another value's bits: a resize or slice to the same width (and, through
     * {@link #token}, a signedness view) prints as that value, not as a wire of its own.
     */
    private static Expr transparent(Expr e) {
        if (e instanceof Resize r && r.width() == r.source().width() && !(r.source() instanceof Const)) {
            return r.source();
        }
        if (e instanceof Slice s && s.lo() == 0 && s.hi() == s.source().width() - 1) {
            return s.source();
        }
        return e;
    }

    /**
     * Bits hi..lo of e as an operand: slices of slices and of resizes are taken from the value underneath, the
     * low bits of an operation are computed at that width ({@link #low}), and only the bits read are marked used.
     */
    private String bitsOf(Expr e, int hi, int lo) {
        if (e instanceof Unary u && (u.op() == io.bitforge.verilog.hdl.UnaryOp.AS_SIGNED
                || u.op() == io.bitforge.verilog.hdl.UnaryOp.AS_UNSIGNED)) {
            return bitsOf(u.operand(), hi, lo);
        }
        if (e instanceof Const c) {
            int w = hi - lo + 1;
            return w + "'h" + c.value().toBigInteger().shiftRight(lo).and(WideBits.mask(w)).toString(16);
        }
        if (e instanceof Slice s) {
            return bitsOf(s.source(), s.lo() + hi, s.lo() + lo);
        }
        if (e instanceof Resize r && hi < r.source().width()) {
            return bitsOf(r.source(), hi, lo);
        }
        if (e instanceof Binary b && b.op() == BinaryOp.SHR && b.amount() < b.left().width()) {
            return bitsOf(b.left(), hi + b.amount(), lo + b.amount());
        }
        if (e instanceof Binary b && b.op() == BinaryOp.SHL && lo >= b.amount()) {
            return bitsOf(b.left(), hi - b.amount(), lo - b.amount());
        }
        if (lo == 0 && hi == e.width() - 1) {
            return token(e);
        }
        if (lo == 0) {
            return low(e, hi + 1);
        }
        String t = sliceToken(e, hi, lo);
        return t + bits(hi, lo);
    }

    /** A token whose bits hi..lo are used, for slices: marks only those bits. */
    private String sliceToken(Expr e, int hi, int lo) {
        if (e instanceof Unary u && (u.op() == io.bitforge.verilog.hdl.UnaryOp.AS_SIGNED
                || u.op() == io.bitforge.verilog.hdl.UnaryOp.AS_UNSIGNED)) {
            return sliceToken(u.operand(), hi, lo);
        }
        String known = leafName(e);
        if (known == null) {
            known = tokens.get(e);
        }
        if (known == null) {
            // a new temporary: only the bits read below count as used (an existing one keeps its uses)
            String t = token(e);
            signals.get(t).used.clear();
            known = t;
        }
        use(known, hi, lo);
        return known;
    }

    /** e's value extended (by its own signedness) to {@code width} bits. */
    private String ext(Expr e, int width) {
        if (e instanceof Const c) {
            return constLiteral(width, c);
        }
        int w = e.width();
        if (w == width) {
            return token(e);
        }
        if (e.shape().signed()) {
            String t = sliceToken(e, w - 1, 0);
            useAll(t);
            return "{{" + (width - w) + "{" + t + "[" + (w - 1) + "]}}, " + t + "}";
        }
        return "{" + literal(width - w, 0) + ", " + token(e) + "}";
    }

    private String rhs(Expr e) {
        int w = e.width();
        if (e instanceof Unary u) {
            return switch (u.op()) {
                case NOT -> "~" + token(u.operand());
                case NEG -> "-" + ext(u.operand(), w);
                case ANY -> "|" + token(u.operand());
                case ALL -> "&" + token(u.operand());
                case PARITY -> "^" + token(u.operand());
                case AS_SIGNED, AS_UNSIGNED -> token(u.operand());
            };
        }
        if (e instanceof Binary b) {
            return binary(b, w);
        }
        if (e instanceof Mux x) {
            return token(x.select()) + " ? " + ext(x.whenTrue(), w) + " : " + ext(x.whenFalse(), w);
        }
        if (e instanceof Slice s) {
            if (s.source() instanceof Const c) {
                return w + "'h" + c.value().toBigInteger().shiftRight(s.lo()).and(WideBits.mask(w)).toString(16);
            }
            return bitsOf(s.source(), s.hi(), s.lo());
        }
        if (e instanceof Concat c) {
            List<String> parts = new ArrayList<>();
            c.partsMsbFirst().forEach(p -> parts.add(token(p)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (e instanceof Resize r) {
            if (r.source() instanceof Const c) {
                return constLiteral(w, c);
            }
            if (w >= r.source().width()) {
                return ext(r.source(), w);
            }
            return low(r.source(), w);
        }
        throw new IllegalStateException("no rhs for " + e);
    }

    private String binary(Binary b, int w) {
        Expr l = b.left();
        Expr r = b.right();
        switch (b.op()) {
            case ADD:
            case ADD_WRAP:
                return ext(l, w) + " + " + ext(r, w);
            case SUB:
                return ext(l, w) + " - " + ext(r, w);
            case MUL:
                return b.shape().signed() ? "$signed(" + ext(l, w) + ") * $signed(" + ext(r, w) + ")"
                        : ext(l, w) + " * " + ext(r, w);
            case AND:
                return ext(l, w) + " & " + ext(r, w);
            case OR:
                return ext(l, w) + " | " + ext(r, w);
            case XOR:
                return ext(l, w) + " ^ " + ext(r, w);
            case EQ, NE, LT, LE, GT, GE: {
                Shape u = l.shape().unify(r.shape());
                String op = switch (b.op()) {
                    case EQ -> " == ";
                    case NE -> " != ";
                    case LT -> " < ";
                    case LE -> " <= ";
                    case GT -> " > ";
                    default -> " >= ";
                };
                String a = ext(l, u.width());
                String c = ext(r, u.width());
                return u.signed() && b.op() != BinaryOp.EQ && b.op() != BinaryOp.NE
                        ? "$signed(" + a + ")" + op + "$signed(" + c + ")" : a + op + c;
            }
            case SHL: {
                int n = b.amount();
                return n == 0 ? token(l) : "{" + token(l) + ", " + literal(n, 0) + "}";
            }
            case SHR: {
                int n = b.amount();
                int wl = l.width();
                if (n >= wl) {
                    return l.shape().signed() ? bitsOf(l, wl - 1, wl - 1) : literal(1, 0);
                }
                return n == 0 ? token(l) : bitsOf(l, wl - 1, n);
            }
            case DSHL:
                return ext(l, w) + " << " + token(r);
            case DSHR:
                return l.shape().signed() ? "$signed(" + token(l) + ") >>> " + token(r) : token(l) + " >> " + token(r);
            default:
                throw new IllegalStateException(b.op().name());
        }
    }

    // ---- low bits: an operation whose upper bits are dropped is done at the narrower width ----

    /**
     * A token of exactly {@code w} bits holding e's low {@code w} bits ({@code w} at most e's width). Sums,
     * differences, products, bitwise operations, left shifts, muxes and concatenations are computed at
     * {@code w} bits in a temporary of their own (their low bits depend only on their operands' low bits), so no
     * wire carries bits nothing reads; other operations are named in full and sliced.
     */
    private String low(Expr e, int w) {
        if (w >= e.width()) {
            return token(e);
        }
        if (e instanceof Const c) {
            return constLiteral(w, c);
        }
        if (e instanceof Unary u && (u.op() == io.bitforge.verilog.hdl.UnaryOp.AS_SIGNED
                || u.op() == io.bitforge.verilog.hdl.UnaryOp.AS_UNSIGNED)) {
            return low(u.operand(), w);
        }
        String known = leafName(e);
        if (known == null) {
            known = tokens.get(e);
        }
        if (known != null) {
            use(known, w - 1, 0);
            return known + bits(w - 1, 0);
        }
        String cached = lowTokens.getOrDefault(e, Map.of()).get(w);
        if (cached != null) {
            useAll(cached);
            return cached;
        }
        if (e instanceof Slice s) {
            if (s.lo() == 0) {
                return low(s.source(), w);
            }
            if (!(s.source() instanceof Const)) {
                return bitsOf(s.source(), s.lo() + w - 1, s.lo());
            }
        }
        if (e instanceof Resize r) {
            if (r.source() instanceof Const c) {
                return constLiteral(w, c);
            }
            return w <= r.source().width() ? low(r.source(), w) : ext(r.source(), w);
        }
        if (e instanceof Binary b && b.op() == BinaryOp.SHL && b.amount() >= w) {
            return literal(w, 0);
        }
        if (e instanceof Binary b && b.op() == BinaryOp.SHR && b.amount() < b.left().width()) {
            return bitsOf(e, w - 1, 0);
        }
        if (w == 1 && e instanceof Binary b && b.op() == BinaryOp.DSHR
                && b.left().width() <= 1 << Math.min(b.right().width(), 12)) {
            String bit = shiftedOutBit(b);
            lowTokens.computeIfAbsent(e, k -> new HashMap<>()).put(w, bit);
            return bit;
        }
        String rhs = lowRhs(e, w);
        if (rhs == null) {
            String t = sliceToken(e, w - 1, 0);
            return t + bits(w - 1, 0);
        }
        String t = names.fresh("t" + temps++);
        declareSignal(t, w);
        useAll(t);
        declLines.put(t, "wire " + range(w) + t + ";");
        body.append(IND).append("assign ").append(t).append(" = ").append(rhs).append(";\n");
        lowTokens.computeIfAbsent(e, k -> new HashMap<>()).put(w, t);
        return t;
    }

    /**
     * Bit 0 of {@code x >> amount} as a variable bit-select of x padded (zeros, or its sign for an arithmetic
     * shift) to 2^(amount bits), so every bit of x is read and an amount past x's width reads the pad as the
     * shift does.
     */
    private String shiftedOutBit(Binary b) {
        Expr x = b.left();
        int padded = 1 << b.right().width();
        String amount = token(b.right());
        if (x.width() == padded) {
            return token(x) + "[" + amount + "]";
        }
        String t = names.fresh("t" + temps++);
        declareSignal(t, padded);
        useAll(t);
        declLines.put(t, "wire " + range(padded) + t + ";");
        body.append(IND).append("assign ").append(t).append(" = ").append(ext(x, padded))
                .append(";\n");
        return t + "[" + amount + "]";
    }

    /** e's low {@code w} bits when e is narrower than {@code w} or as wide: e extended by its signedness. */
    private String lowOperand(Expr e, int w) {
        return e.width() >= w ? low(e, w) : ext(e, w);
    }

    /** The operation of e done at {@code w} bits, or null when its low bits need its operands' upper bits. */
    private String lowRhs(Expr e, int w) {
        if (e instanceof Unary u) {
            return switch (u.op()) {
                case NOT -> "~" + low(u.operand(), w);
                case NEG -> "-" + lowOperand(u.operand(), w);
                default -> null;
            };
        }
        if (e instanceof Mux x) {
            return token(x.select()) + " ? " + lowOperand(x.whenTrue(), w) + " : " + lowOperand(x.whenFalse(), w);
        }
        if (e instanceof Concat c) {
            List<String> parts = new ArrayList<>();
            int need = w;
            List<Expr> lsbFirst = new ArrayList<>(c.partsMsbFirst());
            java.util.Collections.reverse(lsbFirst);
            for (Expr p : lsbFirst) {
                if (need <= 0) {
                    break;
                }
                parts.add(0, need >= p.width() ? token(p) : low(p, need));
                need -= p.width();
            }
            return "{" + String.join(", ", parts) + "}";
        }
        if (e instanceof Binary b) {
            Expr l = b.left();
            Expr r = b.right();
            return switch (b.op()) {
                case ADD, ADD_WRAP -> lowOperand(l, w) + " + " + lowOperand(r, w);
                case SUB -> lowOperand(l, w) + " - " + lowOperand(r, w);
                // the low w bits of a product depend only on the operands' low w bits, whatever their signedness
                case MUL -> lowOperand(l, w) + " * " + lowOperand(r, w);
                case AND -> lowOperand(l, w) + " & " + lowOperand(r, w);
                case OR -> lowOperand(l, w) + " | " + lowOperand(r, w);
                case XOR -> lowOperand(l, w) + " ^ " + lowOperand(r, w);
                case SHL -> b.amount() == 0 ? low(l, w) : "{" + low(l, w - b.amount()) + ", " + literal(b.amount(), 0) + "}";
                case DSHL -> lowOperand(l, w) + " << " + token(r);
                default -> null;
            };
        }
        return null;
    }

    // ---- helpers ----

    private String name(Object o) {
        String n = objectNames.get(o);
        if (n == null) {
            throw new IllegalStateException("no Verilog name for " + o);
        }
        return n;
    }

    private void declareSignal(String n, int width) {
        signals.put(n, new Signal(width));
    }

    private void useAll(String n) {
        Signal s = signals.get(n);
        if (s != null) {
            s.used.set(0, s.width);
        }
    }

    /** Marks bits hi..lo of signal {@code n} as read. */
    private void use(String n, int hi, int lo) {
        Signal s = signals.get(n);
        if (s != null) {
            s.used.set(lo, Math.min(hi + 1, s.width));
        }
    }

    /** The constant extended by its own signedness (or truncated) to {@code width} bits. */
    private static String constLiteral(int width, Const c) {
        if (width > Shape.LONG_WIDTH || c.shape().wide()) {
            return width + "'h" + WideBits.pattern(c.value().toBigInteger(), width).toString(16);
        }
        return literal(width, c.value().toLong());
    }

    /** A sized hexadecimal literal of {@code value}'s low {@code width} bits (its sign extension when wider). */
    static String literal(int width, long value) {
        if (width > Shape.LONG_WIDTH) {
            return width + "'h" + WideBits.pattern(BigInteger.valueOf(value), width).toString(16);
        }
        return width + "'h" + Long.toHexString(Bits.truncate(value, width));
    }

    private static String range(int width) {
        return "[" + (width - 1) + ":0] ";
    }

    private static String bits(int hi, int lo) {
        return hi == lo ? "[" + hi + "]" : "[" + hi + ":" + lo + "]";
    }
}
