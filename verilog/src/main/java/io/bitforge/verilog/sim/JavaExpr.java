package io.bitforge.verilog.sim;

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
 * Writes an expression as Java over the value array {@code v}, operator for operator the arithmetic of
 * {@link ExprCompiler}, so the compiled simulator computes exactly what the interpreter does. A value of at
 * most 64 bits is one {@code long} expression (canonical longs, a wrap to each result shape). A value wider
 * than 64 bits is computed into words ({@link WideStore}'s layout) by calls to {@link WideWords}: wide nets
 * live in the bound array {@code w}, registers' pending words in {@code wp}, intermediate values in scratch
 * arrays ({@link KernelFields}); those statements go to {@link #takePrelude()}, to be placed before the
 * statement that uses the returned expression.
 */
final class JavaExpr {
    /** Operator nodes a wide operation counts for: a call with a dozen arguments and a short loop. */
    private static final int WIDE_NODES = 8;
    private final ToIntFunction<Expr> leafSlot;
    private final KernelFields fields;
    private final WideStore store;
    private final StringBuilder prelude = new StringBuilder();
    private int nodes;

    JavaExpr(ToIntFunction<Expr> leafSlot, KernelFields fields, WideStore store) {
        this.leafSlot = leafSlot;
        this.fields = fields;
        this.store = store;
    }

    /** The statements written so far for wide intermediate values, and a fresh start. */
    String takePrelude() {
        String out = prelude.toString();
        prelude.setLength(0);
        return out;
    }

    /** Operator nodes written so far (a measure of the bytecode a method will hold). */
    int nodes() {
        return nodes;
    }

    /** A {@code long} expression for a value of at most 64 bits. */
    String write(Expr e) {
        nodes++;
        int w = e.shape().width();
        boolean s = e.shape().signed();
        if (e.shape().wide()) {
            throw new IllegalStateException("a " + e.shape() + " value needs words");
        }
        if (hasWideChild(e)) {
            return narrowOfWide(e, w, s);
        }
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

    /** Where a value's words are: an array, an offset, a word count and the signedness that extends them. */
    record Words(String array, int offset, int count, boolean signed) {
        String operand() {
            return array + ", " + offset + ", " + count + ", " + signed;
        }

        String target() {
            return array + ", " + offset + ", " + count;
        }
    }

    /** Whether a direct operand of {@code e} is wider than a long. */
    static boolean hasWideChild(Expr e) {
        if (e instanceof Unary u) {
            return u.operand().shape().wide();
        }
        if (e instanceof Binary b) {
            return b.left().shape().wide() || b.right().shape().wide();
        }
        if (e instanceof Mux m) {
            return m.select().shape().wide() || m.whenTrue().shape().wide() || m.whenFalse().shape().wide();
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

    private void statement(String call) {
        prelude.append("WideWords.").append(call).append(";\n        ");
        nodes += WIDE_NODES;
    }

    /** A narrow value computed from wide operands: a reduction, a comparison, a slice or a truncation. */
    private String narrowOfWide(Expr e, int w, boolean s) {
        if (e instanceof Unary u && (u.op() == io.bitforge.verilog.hdl.UnaryOp.ANY
                || u.op() == io.bitforge.verilog.hdl.UnaryOp.ALL || u.op() == io.bitforge.verilog.hdl.UnaryOp.PARITY)) {
            Words a = operand(u.operand());
            nodes += WIDE_NODES;
            return switch (u.op()) {
                case ANY -> "(WideWords.isZero(" + a.array + ", " + a.offset + ", " + a.count + ") ? 0L : 1L)";
                case ALL -> "(WideWords.allOnes(" + a.array + ", " + a.offset + ", " + u.operand().width()
                        + ") ? 1L : 0L)";
                default -> "WideWords.parity(" + a.array + ", " + a.offset + ", " + u.operand().width() + ")";
            };
        }
        if (e instanceof Binary b && isComparison(b)) {
            Words x = operand(b.left());
            Words y = operand(b.right());
            nodes += WIDE_NODES;
            String c = "WideWords.compare(" + x.operand() + ", " + y.operand() + ")";
            return bool(c + switch (b.op()) {
                case EQ -> " == 0";
                case NE -> " != 0";
                case LT -> " < 0";
                case LE -> " <= 0";
                case GT -> " > 0";
                default -> " >= 0";
            });
        }
        if (e instanceof Slice sl) {
            Words a = operand(sl.source());
            nodes += WIDE_NODES;
            return "(WideWords.bits64(" + a.operand() + ", " + sl.lo() + "L) & " + literal(mask(w)) + ")";
        }
        if (e instanceof Resize r) {
            Words a = operand(r.source());
            nodes += WIDE_NODES;
            return wrap("WideWords.bits64(" + a.operand() + ", 0L)", w, s);
        }
        if (e instanceof Binary b && b.op() == io.bitforge.verilog.hdl.BinaryOp.SHR) {
            Words a = operand(b.left());
            nodes += WIDE_NODES;
            return wrap("WideWords.bits64(" + a.operand() + ", " + b.amount() + "L)", w, s);
        }
        // anything else: computed in as many words as its widest operand, then its low word
        int count = WideStore.wordCount(w);
        for (Expr child : children(e)) {
            count = Math.max(count, WideStore.wordCount(child.width()));
        }
        Words t = new Words(fields.scratch(count), 0, count, s);
        compute(t, e);
        return t.array + "[0]";
    }

    private static boolean isComparison(Binary b) {
        return switch (b.op()) {
            case EQ, NE, LT, LE, GT, GE -> true;
            default -> false;
        };
    }

    private static java.util.List<Expr> children(Expr e) {
        if (e instanceof Unary u) {
            return java.util.List.of(u.operand());
        }
        if (e instanceof Binary b) {
            return java.util.List.of(b.left(), b.right());
        }
        if (e instanceof Mux m) {
            return java.util.List.of(m.whenTrue(), m.whenFalse());
        }
        if (e instanceof Slice sl) {
            return java.util.List.of(sl.source());
        }
        if (e instanceof Resize r) {
            return java.util.List.of(r.source());
        }
        if (e instanceof Concat c) {
            return c.partsMsbFirst();
        }
        return java.util.List.of();
    }

    /** Where the words of {@code e} can be read: a wide net's own words, or a scratch array computed now. */
    Words operand(Expr e) {
        Shape shape = e.shape();
        if (!shape.wide()) {
            String value = write(e);
            Words t = new Words(fields.scratch(1), 0, 1, shape.signed());
            prelude.append(t.array).append("[0] = ").append(value).append(";\n        ");
            nodes++;
            return t;
        }
        if (isLeaf(e)) {
            int slot = leafSlot.applyAsInt(e);
            return new Words("w", store.offset(slot), WideStore.wordCount(shape.width()), shape.signed());
        }
        Words t = new Words(fields.scratch(WideStore.wordCount(shape.width())), 0,
                WideStore.wordCount(shape.width()), shape.signed());
        compute(t, e);
        return t;
    }

    private static boolean isLeaf(Expr e) {
        return !(e instanceof Const || e instanceof Unary || e instanceof Binary || e instanceof Mux
                || e instanceof Slice || e instanceof Resize || e instanceof Concat);
    }

    /**
     * Writes the statements that put the value of {@code e} into {@code d}'s words (at least as many as the
     * value needs), extended by the value's signedness: what {@link ExprCompiler#compileWide} returns.
     */
    void compute(Words d, Expr e) {
        Shape shape = e.shape();
        int w = shape.width();
        boolean s = shape.signed();
        String target = d.target();
        String wrap = "wrap(" + target + ", " + w + ", " + s + ")";
        if (!shape.wide() && !hasWideChild(e)) {
            String value = write(e);
            statement("fromLong(" + target + ", " + value + ", " + s + ")");
            return;
        }
        if (e instanceof Const c) {
            long[] words = new long[WideStore.wordCount(w)];
            WideWords.fromBigInteger(c.value().toBigInteger(), words, 0, words.length);
            String k = fields.constant(words);
            statement("copy(" + target + ", " + k + ", 0, " + words.length + ", " + s + ")");
            return;
        }
        if (e instanceof Unary u) {
            Words a = operand(u.operand());
            switch (u.op()) {
                case NOT -> statement("not(" + target + ", " + a.operand() + ")");
                case NEG -> statement("neg(" + target + ", " + a.operand() + ")");
                case AS_SIGNED, AS_UNSIGNED -> statement("copy(" + target + ", " + a.operand() + ")");
                default -> {
                    // a one-bit reduction asked for in words (only as part of a wider computation)
                    prelude.append(d.array).append("[").append(d.offset).append("] = ")
                            .append(narrowOfWide(e, w, s)).append(";\n        ");
                    statement("wrap(" + target + ", " + w + ", " + s + ")");
                    return;
                }
            }
            statement(wrap);
            return;
        }
        if (e instanceof Binary b) {
            computeBinary(d, b, wrap);
            return;
        }
        if (e instanceof Mux m) {
            String select = write(m.select());
            Words t = operand(m.whenTrue());
            Words f = operand(m.whenFalse());
            prelude.append("if (").append(select).append(" != 0L) {\n            WideWords.copy(").append(target)
                    .append(", ").append(t.operand()).append(");\n        } else {\n            WideWords.copy(")
                    .append(target).append(", ").append(f.operand()).append(");\n        }\n        ");
            nodes += 2 * WIDE_NODES;
            return;
        }
        if (e instanceof Slice sl) {
            Words a = operand(sl.source());
            statement("shift(" + target + ", " + a.operand() + ", " + sl.lo() + "L)");
            statement(wrap);
            return;
        }
        if (e instanceof Resize r) {
            Words a = operand(r.source());
            statement("copy(" + target + ", " + a.operand() + ")");
            statement(wrap);
            return;
        }
        if (e instanceof Concat c) {
            statement("zero(" + target + ")");
            java.util.List<Expr> parts = c.partsMsbFirst();
            int pos = 0;
            for (int i = parts.size() - 1; i >= 0; i--) {
                Expr part = parts.get(i);
                if (part.shape().wide()) {
                    Words p = operand(part);
                    statement("deposit(" + target + ", " + p.operand() + ", " + part.width() + ", " + pos + ")");
                } else {
                    statement("depositLong(" + target + ", " + write(part) + ", " + part.width() + ", " + pos + ")");
                }
                pos += part.width();
            }
            return;
        }
        Words leaf = operand(e);
        statement("copy(" + target + ", " + leaf.operand() + ")");
    }

    private void computeBinary(Words d, Binary b, String wrap) {
        String target = d.target();
        if (isComparison(b)) {
            statement("fromLong(" + target + ", " + narrowOfWide(b, 1, false) + ", false)");
            return;
        }
        Words x = operand(b.left());
        switch (b.op()) {
            case SHL -> statement("shift(" + target + ", " + x.operand() + ", " + (-(long) b.amount()) + "L)");
            case SHR -> statement("shift(" + target + ", " + x.operand() + ", " + b.amount() + "L)");
            case DSHL, DSHR -> {
                String amount;
                if (b.right().shape().wide()) {
                    Words y = operand(b.right());
                    amount = "WideWords.amount(" + y.array + ", " + y.offset + ", " + y.count + ")";
                } else {
                    amount = write(b.right());
                }
                statement("shiftBy(" + target + ", " + x.operand() + ", " + amount + ", "
                        + (b.op() == io.bitforge.verilog.hdl.BinaryOp.DSHL) + ")");
            }
            default -> {
                Words y = operand(b.right());
                String op = switch (b.op()) {
                    case ADD, ADD_WRAP -> "add";
                    case SUB -> "sub";
                    case MUL -> "mul";
                    case AND -> "and";
                    case OR -> "or";
                    default -> "xor";
                };
                statement(op + "(" + target + ", " + x.operand() + ", " + y.operand() + ")");
            }
        }
        statement(wrap);
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
