package io.bitforge.verilog.hdl;

/** Bits {@code hi..lo} of a value, unsigned. */
public record Slice(Expr source, int hi, int lo) implements Expr {
    public static Slice of(Expr source, int hi, int lo) {
        if (lo < 0 || hi < lo || hi >= source.width()) {
            throw new HdlException("slice [" + hi + ":" + lo + "] is outside a " + source.shape() + " value");
        }
        return new Slice(source, hi, lo);
    }

    @Override
    public Shape shape() {
        return Shape.u(hi - lo + 1);
    }
}
