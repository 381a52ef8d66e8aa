package io.bitforge.verilog.sim;

import io.bitforge.verilog.hdl.Binary;
import io.bitforge.verilog.hdl.Concat;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Resize;
import io.bitforge.verilog.hdl.Slice;
import io.bitforge.verilog.hdl.Unary;

import java.util.function.ToIntFunction;

/**
 * Writes an expression of at most 64 bits as one Java {@code long} expression over the value array {@code v},
 * operator for operator the arithmetic of {@link ExprCompiler#compile} (canonical longs, a wrap to each result
 * shape), so the compiled simulator computes exactly what the interpreter does. Expressions that touch a value
 * wider than 64 bits anywhere are not translated ({@link #translatable}); the kernel calls the interpreter's
 * closure for them.
 */
final class JavaExpr {
    private final ToIntFunction<Expr> leafSlot;
    private int nodes;

    JavaExpr(ToIntFunction<Expr> leafSlot) {
        this.leafSlot = leafSlot;
    }

    /** Whether no node of {@code e} is wider than 64 bits. */
    static boolean translatable(Expr e) {
        if (e.shape().wide()) {
            return false;
        }
        if (e instanceof Unary u) {
            return translatable(u.operand());
        }
        if (e instanceof Binary b) {
            return translatable(b.left()) && translatable(b.right());
        }
        if (e instanceof Mux m) {
            return translatable(m.select()) && translatable(m.whenTrue()) && translatable(m.whenFalse());
        }
        if (e instanceof Slice sl) {
            return translatable(sl.source());
        }
        if (e instanceof Resize r) {
            return translatable(r.source());
        }
        if (e instanceof Concat c) {
            return c.partsMsbFirst().stream().allMatch(JavaExpr::translatable);
        }
        return true;
    }

    /** Operator nodes written so far (a measure of the bytecode a method will hold). */
    int nodes() {
        return nodes;
    }

    String write(Expr e) {
        nodes++;
        int w = e.shape().width();
        boolean s = e.shape().signed();
        if (e instanceof Const c) {
            return literal(c.toLong());
        }
        if (e instanceof Unary u) {
            String a = write(u.operand());
            String mask = literal(mask(u.operand().width()));
            return switch (u.op()) {
                case NOT -> wrap("~" + a, w, s);
                case NEG -> wrap("-" + a, w, s);
                case ANY -> "((" + a + " & " + mask + ") != 0L ? 1L : 0L)";
                case ALL -> "((" + a + " & " + mask + ") == " + mask + " ? 1L : 0L)";
                case PARITY -> "((long) (Long.bitCount(" + a + " & " + mask + ") & 1))";
                case AS_SIGNED, AS_UNSIGNED -> wrap(a, w, s);
            };
        }
        if (e instanceof Binary b) {
            return binary(b, w, s);
        }
        if (e instanceof Mux m) {
            return "(" + write(m.select()) + " != 0L ? " + write(m.whenTrue()) + " : " + write(m.whenFalse()) + ")";
        }
        if (e instanceof Slice sl) {
            return "((" + write(sl.source()) + " >>> " + sl.lo() + ") & " + literal(mask(sl.hi() - sl.lo() + 1)) + ")";
        }
        if (e instanceof Concat c) {
            StringBuilder acc = new StringBuilder("0L");
            for (Expr part : c.partsMsbFirst()) {
                int width = part.width();
                String shifted = width == 64 ? "0L" : "(" + acc + " << " + width + ")";
                acc = new StringBuilder("(" + shifted + " | (" + write(part) + " & " + literal(mask(width)) + "))");
            }
            return acc.toString();
        }
        if (e instanceof Resize r) {
            return wrap(write(r.source()), w, s);
        }
        return "v[" + leafSlot.applyAsInt(e) + "]";
    }

    private String binary(Binary b, int w, boolean s) {
        String x = write(b.left());
        String y = write(b.right());
        // comparisons: both values fit a signed long unless the operands unify to an unsigned shape
        boolean unsignedCompare = !b.left().shape().unify(b.right().shape()).signed();
        boolean leftSigned = b.left().shape().signed();
        return switch (b.op()) {
            case ADD, ADD_WRAP -> wrap(x + " + " + y, w, s);
            case SUB -> wrap(x + " - " + y, w, s);
            case MUL -> wrap(x + " * " + y, w, s);
            case AND -> wrap(x + " & " + y, w, s);
            case OR -> wrap(x + " | " + y, w, s);
            case XOR -> wrap(x + " ^ " + y, w, s);
            case EQ -> bool(x + " == " + y);
            case NE -> bool(x + " != " + y);
            case LT -> bool(compare(x, y, unsignedCompare) + " < 0");
            case LE -> bool(compare(x, y, unsignedCompare) + " <= 0");
            case GT -> bool(compare(x, y, unsignedCompare) + " > 0");
            case GE -> bool(compare(x, y, unsignedCompare) + " >= 0");
            case SHL -> b.amount() >= 64 ? wrap("0L", w, s) : wrap(x + " << " + b.amount(), w, s);
            case SHR -> wrap("shr(" + x + ", " + b.amount() + "L, " + leftSigned + ")", w, s);
            case DSHL -> wrap("dshl(" + x + ", " + y + ")", w, s);
            case DSHR -> wrap("shr(" + x + ", " + y + ", " + leftSigned + ")", w, s);
        };
    }

    private static String compare(String x, String y, boolean unsigned) {
        return unsigned ? "Long.compareUnsigned(" + x + ", " + y + ")" : "Long.compare(" + x + ", " + y + ")";
    }

    private static String bool(String condition) {
        return "(" + condition + " ? 1L : 0L)";
    }

    /** {@code Bits.wrap(value, width, signed)} written out. */
    private static String wrap(String value, int width, boolean signed) {
        if (width == 64) {
            return "(" + value + ")";
        }
        if (signed) {
            int shift = 64 - width;
            return "(((" + value + ") << " + shift + ") >> " + shift + ")";
        }
        return "((" + value + ") & " + literal(mask(width)) + ")";
    }

    private static long mask(int width) {
        return width == 64 ? -1L : (1L << width) - 1;
    }

    /** A long literal that is valid Java for every value, Long.MIN_VALUE included. */
    static String literal(long value) {
        return "0x" + Long.toHexString(value) + "L";
    }
}
