package io.bitforge.verilog.gen.fp;

import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Shape;

/** A leading-zero counter (priority encoder) of an unsigned value of at most 32 bits, as a 5-bit count. */
public final class LeadingZeros {
    /** Width of the count: 5 bits, enough for 0..31. */
    public static final int COUNT_BITS = 5;

    private LeadingZeros() {
    }

    /** The number of zeros above the highest set bit of {@code x}; {@code width − 1} for x = 0. */
    public static Expr count(Expr x) {
        int w = x.width();
        if (w > 32 || x.shape().signed()) {
            throw new IllegalArgumentException("leading-zero count needs an unsigned value of at most 32 bits, got "
                    + x.shape());
        }
        Shape countShape = Shape.u(COUNT_BITS);
        Expr count = Const.of(countShape, w - 1);
        for (int i = 1; i < w; i++) { // the highest set bit wins: build from the bottom up
            count = Mux.of(x.bit(i), Const.of(countShape, w - 1 - i), count);
        }
        return count;
    }
}
