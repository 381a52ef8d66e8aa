package io.bitforge.verilog.hdl;

/** A one-operand operation; build it with the fluent methods of {@link Expr}. */
public record Unary(UnaryOp op, Expr operand, Shape shape) implements Expr {
    public static Unary of(UnaryOp op, Expr operand) {
        Shape a = operand.shape();
        Shape shape = switch (op) {
            case NOT -> a;
            case NEG -> Shape.s(Shape.checked(a.width() + 1));
            case ANY, ALL, PARITY -> Shape.bool();
            case AS_SIGNED -> Shape.s(a.width());
            case AS_UNSIGNED -> Shape.u(a.width());
        };
        return new Unary(op, operand, shape);
    }
}
