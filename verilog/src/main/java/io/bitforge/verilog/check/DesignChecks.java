package io.bitforge.verilog.check;

import io.bitforge.verilog.hdl.Direction;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.Exprs;
import io.bitforge.verilog.hdl.InstOut;
import io.bitforge.verilog.hdl.Instance;
import io.bitforge.verilog.hdl.MemWrite;
import io.bitforge.verilog.hdl.Memory;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Names;
import io.bitforge.verilog.hdl.Net;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.PortDecl;
import io.bitforge.verilog.hdl.ReadPort;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Wire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The structural checks run on a lowered module: undriven outputs and wires, unconnected instance inputs,
 * connection shapes, nets of other modules, name clashes after sanitising, combinational loops. (Multiple
 * drivers, latches and assignment shapes are found by the builder while it lowers conditional blocks.)
 */
public final class DesignChecks {
    /** Names every module's Verilog already uses for the implicit clock and reset. */
    public static final List<String> RESERVED = List.of("clk", "rst");

    private DesignChecks() {
    }

    public static List<Diagnostic> run(ModuleDef m, Object owner) {
        List<Diagnostic> out = new ArrayList<>();
        for (Port p : m.outputs()) {
            if (!m.drivers().containsKey(p)) {
                out.add(new Diagnostic(CheckId.UNDRIVEN_OUTPUT, m.name(), "output " + p.name() + " is not driven"));
            }
        }
        for (Wire w : m.wires()) {
            if (!m.drivers().containsKey(w)) {
                out.add(new Diagnostic(CheckId.UNDRIVEN_WIRE, m.name(), "wire " + w.name() + " is not driven"));
            }
        }
        for (Instance i : m.instances()) {
            for (PortDecl p : i.target().portDecls()) {
                boolean clockPin = i.target() instanceof io.bitforge.verilog.hdl.ExternModuleDef x
                        && x.clockPorts().contains(p.name());
                if (p.direction() != Direction.IN || clockPin) {
                    continue;
                }
                Expr value = i.connections().get(p.name());
                if (value == null) {
                    out.add(new Diagnostic(CheckId.UNCONNECTED_INPUT, m.name(),
                            "input " + p.name() + " of instance " + i.name() + " is not connected"));
                } else if (!value.shape().equals(p.shape())) {
                    out.add(new Diagnostic(CheckId.SHAPE_MISMATCH, m.name(), "instance " + i.name() + " input "
                            + p.name() + " is " + p.shape() + " but is connected to a " + value.shape() + " value"));
                }
            }
        }
        foreignNets(m, owner, out);
        nameClashes(m, out);
        if (out.stream().noneMatch(d -> d.check() == CheckId.FOREIGN_NET)) {
            combLoop(m).ifPresent(loop -> out.add(new Diagnostic(CheckId.COMB_LOOP, m.name(),
                    "combinational loop: " + String.join(" -> ", loop))));
        }
        return out;
    }

    /** Every expression the module evaluates, for whole-module walks. */
    public static List<Expr> allExpressions(ModuleDef m) {
        List<Expr> all = new ArrayList<>(m.drivers().values());
        for (Expr e : m.regNext().values()) {
            if (e != null) {
                all.add(e);
            }
        }
        for (ReadPort r : m.readPorts()) {
            all.add(r.address());
            all.add(r.enable());
        }
        for (MemWrite w : m.writes()) {
            all.add(w.address());
            all.add(w.data());
            all.add(w.enable());
        }
        for (Instance i : m.instances()) {
            all.addAll(i.connections().values());
        }
        return all;
    }

    private static void foreignNets(ModuleDef m, Object owner, List<Diagnostic> out) {
        Set<Object> reported = new HashSet<>();
        Set<Instance> own = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        own.addAll(m.instances());
        Set<ReadPort> ownReads = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        ownReads.addAll(m.readPorts());
        for (Expr e : allExpressions(m)) {
            Exprs.forEachLeaf(e, leaf -> {
                String bad = null;
                if (leaf instanceof Net n && n.owner() != owner) {
                    bad = n.name();
                } else if (leaf instanceof InstOut o && !own.contains(o.instance())) {
                    bad = o.instance().name() + "." + o.port();
                } else if (leaf instanceof ReadPort r && !ownReads.contains(r)) {
                    bad = r.toString();
                }
                if (bad != null && reported.add(leaf)) {
                    out.add(new Diagnostic(CheckId.FOREIGN_NET, m.name(), bad + " belongs to another module"));
                }
            });
        }
    }

    /** Verilog identifier of every named object of the module, as (object, name) pairs in declaration order. */
    public static Map<Object, String> verilogNames(ModuleDef m) {
        Map<Object, String> names = new LinkedHashMap<>();
        m.ports().forEach(p -> names.put(p, Names.sanitize(p.name())));
        m.wires().forEach(w -> names.put(w, Names.sanitize(w.name())));
        m.regs().forEach(r -> names.put(r, Names.sanitize(r.name())));
        for (Memory mem : m.memories()) {
            names.put(mem, Names.sanitize(mem.name()));
        }
        for (ReadPort r : m.readPorts()) {
            names.put(r, Names.sanitize(r.memory().name() + "_" + r.name()));
        }
        m.instances().forEach(i -> names.put(i, Names.sanitize(i.name())));
        m.params().keySet().forEach(p -> names.put("param:" + p, Names.sanitize(p)));
        return names;
    }

    private static void nameClashes(ModuleDef m, List<Diagnostic> out) {
        Map<String, String> seen = new HashMap<>();
        for (String reserved : RESERVED) {
            seen.put(reserved, "the implicit " + (reserved.equals("clk") ? "clock" : "reset"));
        }
        for (Map.Entry<Object, String> e : verilogNames(m).entrySet()) {
            String what = describe(e.getKey());
            String previous = seen.putIfAbsent(e.getValue(), what);
            if (previous != null) {
                out.add(new Diagnostic(CheckId.NAME_CLASH, m.name(), what + " and " + previous
                        + " are both named '" + e.getValue() + "' in Verilog"));
            }
        }
    }

    private static String describe(Object o) {
        if (o instanceof Net n) {
            return (o instanceof Port ? "port " : o instanceof Reg ? "register " : "wire ") + "'" + n.name() + "'";
        }
        if (o instanceof Memory mem) {
            return "memory '" + mem.name() + "'";
        }
        if (o instanceof ReadPort r) {
            return "read port '" + r.name() + "' of memory '" + r.memory().name() + "'";
        }
        if (o instanceof Instance i) {
            return "instance '" + i.name() + "'";
        }
        return "parameter '" + o.toString().substring("param:".length()) + "'";
    }

    // ---- combinational dependency graph ----

    /** Combinational nodes: wires, output ports, instance outputs and asynchronous read ports. */
    private static Map<Object, List<Object>> combGraph(ModuleDef m) {
        Map<Object, List<Object>> graph = new LinkedHashMap<>();
        for (Map.Entry<Net, Expr> d : m.drivers().entrySet()) {
            graph.put(d.getKey(), combDeps(m, d.getValue()));
        }
        for (ReadPort r : m.readPorts()) {
            if (!r.synchronous()) {
                graph.put(r, combDeps(m, r.address()));
            }
        }
        for (Instance i : m.instances()) {
            for (PortDecl p : i.target().portDecls()) {
                if (p.direction() == Direction.OUT) {
                    List<Object> deps = new ArrayList<>();
                    for (String in : i.target().combinationalInputs(p.name())) {
                        Expr value = i.connections().get(in);
                        if (value != null) {
                            deps.addAll(combDeps(m, value));
                        }
                    }
                    graph.put(i.out(p.name()), deps);
                }
            }
        }
        return graph;
    }

    private static List<Object> combDeps(ModuleDef m, Expr e) {
        Set<Object> deps = new LinkedHashSet<>();
        Exprs.forEachLeaf(e, leaf -> {
            if (leaf instanceof Wire || leaf instanceof Port p && p.direction() == Direction.OUT
                    || leaf instanceof InstOut || leaf instanceof ReadPort r && !r.synchronous()) {
                deps.add(leaf);
            } else if (leaf instanceof Port p && p.direction() == Direction.IN) {
                deps.add(p);
            }
        });
        return new ArrayList<>(deps);
    }

    /** The first combinational loop found, as names around the loop (first name repeated at the end). */
    public static java.util.Optional<List<String>> combLoop(ModuleDef m) {
        Map<Object, List<Object>> graph = combGraph(m);
        Map<Object, Integer> state = new HashMap<>();
        for (Object start : graph.keySet()) {
            List<Object> path = new ArrayList<>();
            List<Object> loop = dfs(start, graph, state, path);
            if (loop != null) {
                return java.util.Optional.of(loop.stream().map(DesignChecks::nodeName).toList());
            }
        }
        return java.util.Optional.empty();
    }

    private static List<Object> dfs(Object node, Map<Object, List<Object>> graph, Map<Object, Integer> state,
                                    List<Object> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return null;
        }
        if (s != null && s == 1) {
            List<Object> loop = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            loop.add(node);
            return loop;
        }
        state.put(node, 1);
        path.add(node);
        for (Object dep : graph.getOrDefault(node, List.of())) {
            List<Object> loop = dfs(dep, graph, state, path);
            if (loop != null) {
                return loop;
            }
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
        return null;
    }

    private static String nodeName(Object node) {
        if (node instanceof Net n) {
            return n.name();
        }
        if (node instanceof InstOut o) {
            return o.instance().name() + "." + o.port();
        }
        return ((ReadPort) node).memory().name() + "." + ((ReadPort) node).name();
    }

    /** For each output port, the input ports it depends on combinationally (the module must be loop-free). */
    public static Map<String, Set<String>> combinationalPaths(ModuleDef m) {
        Map<Object, List<Object>> graph = combGraph(m);
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Port p : m.outputs()) {
            Set<String> inputs = new java.util.TreeSet<>();
            Set<Object> visited = new HashSet<>();
            java.util.ArrayDeque<Object> work = new java.util.ArrayDeque<>();
            work.add(p);
            while (!work.isEmpty()) {
                Object n = work.pop();
                if (!visited.add(n)) {
                    continue;
                }
                if (n instanceof Port q && q.direction() == Direction.IN) {
                    inputs.add(q.name());
                }
                work.addAll(graph.getOrDefault(n, List.of()));
            }
            out.put(p.name(), inputs);
        }
        return out;
    }
}
