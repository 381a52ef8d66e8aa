package io.bitforge.pe.bitfusion;

import io.bitforge.core.arith.Bits;

/**
 * ANT's operand decoder (Guo et al., MICRO 2022): turns an operand code into the exponent–integer pair its PE
 * multiplies (a narrow integer multiply plus a shift by the summed exponents). Integer codes pass through with
 * exponent 0. Flint codes are decoded by their leading ones, following the rule of
 * clevercool/ANT-Quantization {@code ant_quantization/antquant/quant_modules.py} for an n-bit unsigned flint:
 * <ul>
 *   <li>top bit 0: the code is the integer (exponent 0);</li>
 *   <li>top bit 1 with k leading ones: mantissa bits m = max(0, n−1−k) follow the first 0; the value is
 *       (1.mantissa)·2^(n−2+k), i.e. integer {@code 1mantissa} (m+1 bits) shifted by n−2+k−m.</li>
 * </ul>
 * The signed 4-bit flint is a sign bit plus a 3-bit unsigned flint magnitude ({0,1,2,3,4,6,8,16}); the unsigned
 * 4-bit flint is the rule at n = 4 ({0..7,8,10,12,14,16,24,32,64}). The integers that come out are at most 3
 * (signed flint: sign + 2-bit magnitude) and 7 (uflint4), so they fit ANT's 4-bit multiplier.
 */
public final class AntDecoder {
    private AntDecoder() {
    }

    /** Decodes a {@code bits}-bit code of the given type. */
    public static ExponentInteger decode(int code, OperandType type, int bits) {
        if (code < 0 || code > Bits.mask(bits)) {
            throw new IllegalArgumentException("code must be 0.." + Bits.mask(bits) + ", got " + code);
        }
        return switch (type) {
            case INT -> new ExponentInteger(Bits.signExtend(code, bits), 0);
            case UINT -> new ExponentInteger(code, 0);
            case UFLINT -> unsignedFlint(code, bits);
            case FLINT -> {
                ExponentInteger magnitude = unsignedFlint(code & (int) Bits.mask(bits - 1), bits - 1);
                boolean negative = Bits.bit(code, bits - 1) == 1;
                yield negative ? new ExponentInteger(-magnitude.integer(), magnitude.exponent()) : magnitude;
            }
        };
    }

    /** An n-bit unsigned flint code as (integer, exponent). */
    static ExponentInteger unsignedFlint(int code, int n) {
        if (Bits.bit(code, n - 1) == 0) {
            return new ExponentInteger(code, 0);
        }
        int leadingOnes = 0;
        while (leadingOnes < n && Bits.bit(code, n - 1 - leadingOnes) == 1) {
            leadingOnes++;
        }
        int mantissaBits = Math.max(0, n - 1 - leadingOnes);
        long mantissa = code & ((1L << mantissaBits) - 1);
        long integer = (1L << mantissaBits) | mantissa;
        return new ExponentInteger(integer, n - 2 + leadingOnes - mantissaBits);
    }
}
