package io.bitforge.verilog.hdl;

/** {@code select ? whenTrue : whenFalse}; the select is one bit, the result is the unified shape. */
public record Mux(Expr select, Expr whenTrue, Expr whenFalse, Shape shape) implements Expr {
    public static Mux of(Expr select, Expr whenTrue, Expr whenFalse) {
        if (select.width() != 1) {
            throw new HdlException("a mux select must be 1 bit, got " + select.shape());
        }
        return new Mux(select, whenTrue, whenFalse, whenTrue.shape().unify(whenFalse.shape()));
    }
}
