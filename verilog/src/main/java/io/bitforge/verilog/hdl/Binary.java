package io.bitforge.verilog.hdl;

/** A two-operand operation; build it with the fluent methods of {@link Expr}, which apply the width rules. */
public record Binary(BinaryOp op, Expr left, Expr right, Shape shape) implements Expr {
    public static Binary of(BinaryOp op, Expr left, Expr right) {
        return new Binary(op, left, right, shapeOf(op, left, right));
    }

    /** The width rules of {@link Expr}. */
    static Shape shapeOf(BinaryOp op, Expr left, Expr right) {
        Shape a = left.shape();
        Shape b = right.shape();
        return switch (op) {
            case ADD -> {
                Shape u = a.unify(b);
                yield new Shape(Shape.checked(u.width() + 1), u.signed());
            }
            case ADD_WRAP -> a.unify(b);
            case SUB -> Shape.s(Shape.checked(a.unify(b).width() + 1));
            case MUL -> {
                if (!a.signed() && !b.signed()) {
                    yield Shape.u(Shape.checked(a.width() + b.width()));
                }
                int wa = a.signed() ? a.width() : a.width() + 1;
                int wb = b.signed() ? b.width() : b.width() + 1;
                yield Shape.s(Shape.checked(wa + wb));
            }
            case AND, OR, XOR -> a.unify(b);
            case EQ, NE, LT, LE, GT, GE -> {
                a.unify(b); // operands must be comparable within Shape.MAX_WIDTH bits
                yield Shape.bool();
            }
            case SHL -> new Shape(Shape.checked(a.width() + (int) constantAmount(right)), a.signed());
            case SHR -> new Shape(Math.max(1, a.width() - (int) Math.min(Shape.MAX_WIDTH, constantAmount(right))), a.signed());
            case DSHL -> {
                requireUnsigned(right);
                if (b.width() > 6) {
                    throw new HdlException("shift amount of " + b.width() + " bits is too wide for a left shift");
                }
                yield new Shape(Shape.checked(a.width() + (1 << b.width()) - 1), a.signed());
            }
            case DSHR -> {
                requireUnsigned(right);
                yield a;
            }
        };
    }

    private static long constantAmount(Expr amount) {
        if (!(amount instanceof Const c) || c.toLong() < 0) {
            throw new HdlException("constant shift needs a non-negative constant amount");
        }
        return c.toLong();
    }

    private static void requireUnsigned(Expr amount) {
        if (amount.shape().signed()) {
            throw new HdlException("a shift amount must be unsigned, got " + amount.shape());
        }
    }

    /** The constant shift amount of SHL/SHR. */
    public int amount() {
        return (int) Math.min(Shape.MAX_WIDTH, constantAmount(right));
    }
}
