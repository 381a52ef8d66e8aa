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
import io.bitforge.verilog.hdl.WideBits;

import java.math.BigInteger;

import java.util.function.ToIntFunction;

/**
 * Turns an expression tree into nested lambdas. Every value of at most 64 bits is a canonical long: the number
 * itself for shapes up to 63 bits and for signed 64-bit values, the raw pattern for u64. Because each
 * operator's result shape holds the exact result, plain long arithmetic followed by a wrap to the result shape
 * is exact. Wider values take a separate {@link BigInteger} path ({@link #compileWide}), so designs without
 * them keep the long path's speed; a narrow node with a wide operand (a slice, a comparison, a truncation) is
 * computed on the wide path and read back as a long.
 */
final class ExprCompiler {
    private final ToIntFunction<Expr> leafSlot;
    private final java.util.List<Eval[]> multiplierOperands;
    private final WideStore wide;

    /** {@code leafSlot} maps a leaf (net, read port, instance output) to its slot in the value array. */
    ExprCompiler(ToIntFunction<Expr> leafSlot, java.util.List<Eval[]> multiplierOperands, WideStore wide) {
        this.leafSlot = leafSlot;
        this.multiplierOperands = multiplierOperands;
        this.wide = wide;
    }

    Eval compile(Expr e) {
        if (e.shape().wide()) {
            throw new IllegalStateException("a " + e.shape() + " value needs the wide path");
        }
        if (hasWideChild(e)) {
            WideEval w = compileWide(e);
            return v -> w.eval(v).longValue();
        }
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

    /** Whether a direct operand of {@code e} is wider than a long. */
    private static boolean hasWideChild(Expr e) {
        if (e instanceof Unary u) {
            return u.operand().shape().wide();
        }
        if (e instanceof Binary b) {
            return b.left().shape().wide() || b.right().shape().wide();
        }
        if (e instanceof Mux m) {
            return m.whenTrue().shape().wide() || m.whenFalse().shape().wide();
        }
        if (e instanceof Slice sl) {
            return sl.source().shape().wide();
        }
        if (e instanceof Resize r) {
            return r.source().shape().wide();
        }
        if (e instanceof Concat c) {
            return c.partsMsbFirst().stream().anyMatch(p -> p.shape().wide());
        }
        return false;
    }

    /** An expression of any width as its canonical {@link BigInteger}. */
    WideEval compileWide(Expr e) {
        Shape shape = e.shape();
        if (!shape.wide() && !hasWideChild(e)) {
            Eval n = compile(e);
            if (!shape.signed() && shape.width() == Shape.LONG_WIDTH) {
                return v -> WideBits.fromCanonical(n.eval(v), shape);
            }
            return v -> BigInteger.valueOf(n.eval(v));
        }
        if (e instanceof Const c) {
            BigInteger value = c.value().toBigInteger();
            return v -> value;
        }
        if (e instanceof Unary u) {
            WideEval a = compileWide(u.operand());
            int wa = u.operand().width();
            BigInteger mask = WideBits.mask(wa);
            return switch (u.op()) {
                case NOT -> v -> WideBits.wrap(a.eval(v).not(), shape);
                case NEG -> v -> WideBits.wrap(a.eval(v).negate(), shape);
                case ANY -> v -> a.eval(v).signum() != 0 ? BigInteger.ONE : BigInteger.ZERO;
                case ALL -> v -> a.eval(v).and(mask).equals(mask) ? BigInteger.ONE : BigInteger.ZERO;
                case PARITY -> v -> BigInteger.valueOf(a.eval(v).and(mask).bitCount() & 1);
                case AS_SIGNED, AS_UNSIGNED -> v -> WideBits.wrap(a.eval(v), shape);
            };
        }
        if (e instanceof Binary b) {
            return wideBinary(b, shape);
        }
        if (e instanceof Mux m) {
            Eval sel = compile(m.select());
            WideEval t = compileWide(m.whenTrue());
            WideEval f = compileWide(m.whenFalse());
            return v -> sel.eval(v) != 0 ? t.eval(v) : f.eval(v);
        }
        if (e instanceof Slice sl) {
            WideEval a = compileWide(sl.source());
            int lo = sl.lo();
            BigInteger mask = WideBits.mask(sl.hi() - sl.lo() + 1);
            return v -> a.eval(v).shiftRight(lo).and(mask);
        }
        if (e instanceof Concat c) {
            int n = c.partsMsbFirst().size();
            WideEval[] parts = new WideEval[n];
            int[] widths = new int[n];
            for (int i = 0; i < n; i++) {
                parts[i] = compileWide(c.partsMsbFirst().get(i));
                widths[i] = c.partsMsbFirst().get(i).width();
            }
            return v -> {
                BigInteger acc = BigInteger.ZERO;
                for (int i = 0; i < n; i++) {
                    acc = acc.shiftLeft(widths[i]).or(WideBits.pattern(parts[i].eval(v), widths[i]));
                }
                return acc;
            };
        }
        if (e instanceof Resize r) {
            WideEval a = compileWide(r.source());
            return v -> WideBits.wrap(a.eval(v), shape);
        }
        int slot = leafSlot.applyAsInt(e);
        if (shape.wide()) {
            return v -> wide.get(slot);
        }
        return v -> WideBits.fromCanonical(v[slot], shape);
    }

    private WideEval wideBinary(Binary b, Shape shape) {
        WideEval x = compileWide(b.left());
        WideEval y = compileWide(b.right());
        return switch (b.op()) {
            case ADD, ADD_WRAP -> v -> WideBits.wrap(x.eval(v).add(y.eval(v)), shape);
            case SUB -> v -> WideBits.wrap(x.eval(v).subtract(y.eval(v)), shape);
            case MUL -> v -> WideBits.wrap(x.eval(v).multiply(y.eval(v)), shape);
            // BigInteger's bitwise operators act on infinite two's complement: each operand extended by its sign
            case AND -> v -> WideBits.wrap(x.eval(v).and(y.eval(v)), shape);
            case OR -> v -> WideBits.wrap(x.eval(v).or(y.eval(v)), shape);
            case XOR -> v -> WideBits.wrap(x.eval(v).xor(y.eval(v)), shape);
            case EQ -> v -> bool(x.eval(v).compareTo(y.eval(v)) == 0);
            case NE -> v -> bool(x.eval(v).compareTo(y.eval(v)) != 0);
            case LT -> v -> bool(x.eval(v).compareTo(y.eval(v)) < 0);
            case LE -> v -> bool(x.eval(v).compareTo(y.eval(v)) <= 0);
            case GT -> v -> bool(x.eval(v).compareTo(y.eval(v)) > 0);
            case GE -> v -> bool(x.eval(v).compareTo(y.eval(v)) >= 0);
            case SHL -> {
                int n = b.amount();
                yield v -> WideBits.wrap(x.eval(v).shiftLeft(n), shape);
            }
            // shiftRight of a BigInteger is arithmetic (floor); an unsigned operand is never negative
            case SHR -> {
                int n = b.amount();
                yield v -> WideBits.wrap(x.eval(v).shiftRight(n), shape);
            }
            case DSHL -> v -> WideBits.wrap(x.eval(v).shiftLeft(y.eval(v).intValueExact()), shape);
            case DSHR -> v -> {
                BigInteger n = y.eval(v);
                int amount = n.bitLength() > 31 ? Integer.MAX_VALUE : n.intValue();
                return WideBits.wrap(x.eval(v).shiftRight(Math.min(amount, Shape.MAX_WIDTH + 1)), shape);
            };
        };
    }

    private static BigInteger bool(boolean value) {
        return value ? BigInteger.ONE : BigInteger.ZERO;
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
