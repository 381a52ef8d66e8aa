package io.bitforge.verilog.estimate;

import io.bitforge.verilog.hdl.Binary;
import io.bitforge.verilog.hdl.BinaryOp;
import io.bitforge.verilog.hdl.Concat;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.ExternModuleDef;
import io.bitforge.verilog.hdl.Instance;
import io.bitforge.verilog.hdl.MemWrite;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.ReadPort;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Resize;
import io.bitforge.verilog.hdl.Slice;
import io.bitforge.verilog.hdl.Unary;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How much logic a design holds once its hierarchy is flattened, in "bit operations": every operator node counts
 * its result width, a multiplier the product of its operand widths (an array multiplier's partial-product bits), a
 * variable shifter width × log2(width) (a barrel shifter's stages), a register or memory word its width. Wiring
 * (slices, concatenations, resizes, constants, nets) costs nothing. A node shared by several drivers counts once
 * per module; a module instantiated n times counts n times. This is the size the simulators and the synthesis flow
 * work through, the input of {@link ToolRunEstimate}; it is a proxy, not a gate count.
 *
 * @param bitOps    the flattened design's bit operations
 * @param stateBits register and memory bits of the flattened design
 */
public record DesignSize(long bitOps, long stateBits) {
    public DesignSize {
        if (bitOps < 0 || stateBits < 0) {
            throw new IllegalArgumentException("sizes must be >= 0, got " + bitOps + ", " + stateBits);
        }
    }

    /** The size of {@code top} with every instance flattened. */
    public static DesignSize of(ModuleDef top) {
        return new Walker().module(top);
    }

    /** Per-module sizes, memoised: a module's size does not depend on where it is instantiated. */
    private static final class Walker {
        private final Map<ModuleDef, DesignSize> sizes = new IdentityHashMap<>();

        DesignSize module(ModuleDef m) {
            DesignSize known = sizes.get(m);
            if (known != null) {
                return known;
            }
            Set<Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            long ops = 0;
            long state = 0;
            for (Expr e : m.drivers().values()) {
                ops = Math.addExact(ops, expr(e, seen));
            }
            for (Map.Entry<Reg, Expr> r : m.regNext().entrySet()) {
                state = Math.addExact(state, r.getKey().width());
                ops = Math.addExact(ops, expr(r.getValue(), seen));
            }
            for (var memory : m.memories()) {
                state = Math.addExact(state, Math.multiplyExact((long) memory.word().width(), memory.depth()));
            }
            for (MemWrite w : m.writes()) {
                ops = Math.addExact(ops, expr(w.address(), seen) + expr(w.data(), seen) + expr(w.enable(), seen));
            }
            for (ReadPort p : m.readPorts()) {
                ops = Math.addExact(ops, expr(p, seen));
            }
            Map<ModuleDef, Long> counts = new HashMap<>();
            for (Instance i : m.instances()) {
                for (Expr e : i.connections().values()) {
                    ops = Math.addExact(ops, expr(e, seen));
                }
                if (i.target() instanceof ModuleDef child) {
                    DesignSize c = module(child);
                    ops = Math.addExact(ops, c.bitOps());
                    state = Math.addExact(state, c.stateBits());
                } else if (i.target() instanceof ExternModuleDef extern) {
                    // a vendor primitive (a DSP block, a block RAM): its ports' widths stand for its logic
                    ops = Math.addExact(ops, extern.portDecls().stream().mapToLong(d -> d.shape().width()).sum());
                }
            }
            DesignSize size = new DesignSize(ops, state);
            sizes.put(m, size);
            return size;
        }

        private long expr(Expr e, Set<Expr> seen) {
            if (e == null || !seen.add(e)) {
                return 0;
            }
            // Java 17 has no pattern switch: the sealed family is matched in order
            if (e instanceof Slice s) {
                return expr(s.source(), seen);
            }
            if (e instanceof Resize r) {
                return expr(r.source(), seen);
            }
            if (e instanceof Concat c) {
                return c.partsMsbFirst().stream().mapToLong(p -> expr(p, seen)).sum();
            }
            if (e instanceof Unary u) {
                return u.width() + expr(u.operand(), seen);
            }
            if (e instanceof Mux x) {
                return x.width() + expr(x.select(), seen) + expr(x.whenTrue(), seen) + expr(x.whenFalse(), seen);
            }
            if (e instanceof ReadPort p) {
                return p.width() + expr(p.address(), seen) + expr(p.enable(), seen);
            }
            if (e instanceof Binary b) {
                return node(b) + expr(b.left(), seen) + expr(b.right(), seen);
            }
            return 0; // constants, nets and instance outputs are wiring
        }

        private static long node(Binary b) {
            int w = b.width();
            return switch (b.op()) {
                case MUL -> (long) b.left().width() * b.right().width();
                case DSHL, DSHR -> (long) b.left().width() * (32 - Integer.numberOfLeadingZeros(Math.max(1,
                        b.left().width() - 1)));
                case SHL, SHR -> 0;
                default -> b.op() == BinaryOp.ADD_WRAP || !b.op().isComparison() ? w
                        : Math.max(b.left().width(), b.right().width());
            };
        }
    }
}
