package io.bitforge.verilog.pe.bitfusion;

import io.bitforge.verilog.hdl.Concat;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Shape;

import java.util.List;

/**
 * ANT's flint decoder in hardware (Guo et al., MICRO 2022; the rule of clevercool/ANT-Quantization
 * {@code quant_modules.py}, as pe-models' {@code AntDecoder} states it): an n-bit unsigned flint with top bit 0 is
 * its own integer; with k leading ones it is the integer {@code 1·mantissa} (m = max(0, n−1−k) mantissa bits
 * after the first zero) shifted left by n−2+k−m. Built as a priority mux over k, from the rule.
 */
final class FlintDecoder {
    /** The decoded integer (u(n)) and left shift (u(expBits)). */
    record Decoded(Expr integer, Expr exponent) {
    }

    private FlintDecoder() {
    }

    static int exponentBits(int n) {
        // the largest shift, all ones: n - 2 + n
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(2 * n - 2));
    }

    /** Decodes the n-bit unsigned flint {@code code} (u(n)). */
    static Decoded unsigned(Expr code, int n) {
        Shape intShape = Shape.u(n);
        Shape expShape = Shape.u(exponentBits(n));
        // k = 0: top bit clear, the code is the integer
        Expr integer = code.resize(intShape);
        Expr exponent = Const.of(expShape, 0);
        // the patterns "exactly k leading ones" exclude each other, so the order of the muxes does not matter
        for (int k = 1; k <= n; k++) {
            int m = Math.max(0, n - 1 - k);
            Expr matches = leadingOnes(code, n, k);
            Expr value = m == 0 ? Const.of(intShape, 1)
                    : Concat.of(List.of(Const.of(Shape.u(1), 1), code.slice(m - 1, 0))).resize(intShape);
            integer = Mux.of(matches, value, integer);
            exponent = Mux.of(matches, Const.of(expShape, n - 2 + k - m), exponent);
        }
        return new Decoded(integer, exponent);
    }

    /** Exactly k leading ones: bits n-1 .. n-k set and bit n-k-1 clear (or k = n). */
    private static Expr leadingOnes(Expr code, int n, int k) {
        Expr ones = code.slice(n - 1, n - k).allBits();
        return k == n ? ones : ones.and(code.bit(n - k - 1).not());
    }
}
