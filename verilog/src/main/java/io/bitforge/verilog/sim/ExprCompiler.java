package io.bitforge.verilog.sim;

import io.bitforge.core.arith.Bits;
import io.bitforge.verilog.hdl.Binary;
import io.bitforge.verilog.hdl.Concat;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Resize;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.hdl.Slice;
import io.bitforge.verilog.hdl.Unary;

import java.util.function.ToIntFunction;

/**
 * Turns an expression tree into nested lambdas. Every value is a canonical long: the number itself for
 * shapes up to 63 bits and for signed 64-bit values, the raw pattern for u64. Because each operator's result
 * shape holds the exact result, plain long arithmetic followed by a wrap to the result shape is exact.
 */
final class ExprCompiler {
    private final ToIntFunction<Expr> leafSlot;
    private final java.util.List<Eval[]> multiplierOperands;

    /** {@code leafSlot} maps a leaf (net, read port, instance output) to its slot in the value array. */
    ExprCompiler(ToIntFunction<Expr> leafSlot, java.util.List<Eval[]> multiplierOperands) {
        this.leafSlot = leafSlot;
        this.multiplierOperands = multiplierOperands;
    }

    Eval compile(Expr e) {
        Shape shape = e.shape();
        int w = shape.width();
        boolean s = shape.signed();
        if (e instanceof Const c) {
            long value = c.toLong();
            return v -> value;
        }
        if (e instanceof Unary u) {
            Eval a = compile(u.operand());
            long mask = Bits.mask(u.operand().width());
            return switch (u.op()) {
                case NOT -> v -> Bits.wrap(~a.eval(v), w, s);
                case NEG -> v -> Bits.wrap(-a.eval(v), w, s);
                case ANY -> v -> (a.eval(v) & mask) != 0 ? 1 : 0;
                case ALL -> v -> (a.eval(v) & mask) == mask ? 1 : 0;
                case PARITY -> v -> Long.bitCount(a.eval(v) & mask) & 1;
                case AS_SIGNED, AS_UNSIGNED -> v -> Bits.wrap(a.eval(v), w, s);
            };
        }
        if (e instanceof Binary b) {
            return binary(b, w, s);
        }
        if (e instanceof Mux m) {
            Eval sel = compile(m.select());
            Eval t = compile(m.whenTrue());
            Eval f = compile(m.whenFalse());
            return v -> sel.eval(v) != 0 ? t.eval(v) : f.eval(v);
        }
        if (e instanceof Slice sl) {
            Eval a = compile(sl.source());
            int lo = sl.lo();
            long mask = Bits.mask(sl.hi() - sl.lo() + 1);
            return v -> (a.eval(v) >>> lo) & mask;
        }
        if (e instanceof Concat c) {
            int n = c.partsMsbFirst().size();
            Eval[] parts = new Eval[n];
            int[] widths = new int[n];
            long[] masks = new long[n];
            for (int i = 0; i < n; i++) {
                parts[i] = compile(c.partsMsbFirst().get(i));
                widths[i] = c.partsMsbFirst().get(i).width();
                masks[i] = Bits.mask(widths[i]);
            }
            return v -> {
                long acc = 0;
                for (int i = 0; i < n; i++) {
                    acc = (widths[i] == 64 ? 0 : acc << widths[i]) | (parts[i].eval(v) & masks[i]);
                }
                return acc;
            };
        }
        if (e instanceof Resize r) {
            Eval a = compile(r.source());
            return v -> Bits.wrap(a.eval(v), w, s);
        }
        int slot = leafSlot.applyAsInt(e);
        return v -> v[slot];
    }

    private Eval binary(Binary b, int w, boolean s) {
        Eval x = compile(b.left());
        Eval y = compile(b.right());
        // comparisons: both values fit a signed long unless the operands unify to an unsigned shape
        boolean unsignedCompare = !b.left().shape().unify(b.right().shape()).signed();
        return switch (b.op()) {
            case ADD, ADD_WRAP -> v -> Bits.wrap(x.eval(v) + y.eval(v), w, s);
            case SUB -> v -> Bits.wrap(x.eval(v) - y.eval(v), w, s);
            case MUL -> {
                if (multiplierOperands != null) {
                    multiplierOperands.add(new Eval[] {x, y});
                }
                yield v -> Bits.wrap(x.eval(v) * y.eval(v), w, s);
            }
            case AND -> v -> Bits.wrap(x.eval(v) & y.eval(v), w, s);
            case OR -> v -> Bits.wrap(x.eval(v) | y.eval(v), w, s);
            case XOR -> v -> Bits.wrap(x.eval(v) ^ y.eval(v), w, s);
            case EQ -> v -> x.eval(v) == y.eval(v) ? 1 : 0;
            case NE -> v -> x.eval(v) != y.eval(v) ? 1 : 0;
            case LT -> unsignedCompare ? v -> Long.compareUnsigned(x.eval(v), y.eval(v)) < 0 ? 1 : 0
                    : v -> x.eval(v) < y.eval(v) ? 1 : 0;
            case LE -> unsignedCompare ? v -> Long.compareUnsigned(x.eval(v), y.eval(v)) <= 0 ? 1 : 0
                    : v -> x.eval(v) <= y.eval(v) ? 1 : 0;
            case GT -> unsignedCompare ? v -> Long.compareUnsigned(x.eval(v), y.eval(v)) > 0 ? 1 : 0
                    : v -> x.eval(v) > y.eval(v) ? 1 : 0;
            case GE -> unsignedCompare ? v -> Long.compareUnsigned(x.eval(v), y.eval(v)) >= 0 ? 1 : 0
                    : v -> x.eval(v) >= y.eval(v) ? 1 : 0;
            case SHL -> {
                int n = b.amount();
                yield v -> Bits.wrap(n >= 64 ? 0 : x.eval(v) << n, w, s);
            }
            case SHR -> {
                int n = b.amount();
                boolean signed = b.left().shape().signed();
                yield v -> Bits.wrap(shiftRight(x.eval(v), n, signed), w, s);
            }
            case DSHL -> v -> {
                long n = y.eval(v);
                return Bits.wrap(n >= 64 ? 0 : x.eval(v) << n, w, s);
            };
            case DSHR -> {
                boolean signed = b.left().shape().signed();
                yield v -> Bits.wrap(shiftRight(x.eval(v), y.eval(v), signed), w, s);
            }
        };
    }

    private static long shiftRight(long value, long amount, boolean signed) {
        if (amount < 0 || amount >= 64) {
            return signed && value < 0 ? -1 : 0;
        }
        return signed ? value >> amount : value >>> amount;
    }
}
