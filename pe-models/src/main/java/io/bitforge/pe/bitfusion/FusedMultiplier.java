package io.bitforge.pe.bitfusion;

import io.bitforge.core.arith.Bits;

/**
 * Bit-exact model of a fusible multiplier: a product of two integers composed from narrow {@code p×p}
 * multipliers (Bit Fusion's 2-bit BitBricks, ANT's 4-bit multipliers) and shifts, as Bit Fusion's Fusion Unit
 * does (Sharma et al., ISCA 2018, §III): each operand is cut into p-bit digits, least significant first; every
 * digit is unsigned except the top digit of a signed operand, which is two's complement (the BitBrick's
 * sign-mode input extends each digit to p+1 bits); digit products are shifted by {@code p·(i+j)} and summed.
 * <pre>
 *   a·w = Σ_i Σ_j  brick(a_i, w_j) · 2^(p·(i+j))
 * </pre>
 * A b-bit operand takes {@code ceil(b/p)} digits, so widths are in effect rounded up to a multiple of p.
 */
public final class FusedMultiplier {
    private FusedMultiplier() {
    }

    /** Narrow multipliers one product of these widths occupies: ceil(b_a/p)·ceil(b_w/p). */
    public static int multipliersPerProduct(int activationBits, int weightBits, int narrowBits) {
        return digitCount(activationBits, narrowBits) * digitCount(weightBits, narrowBits);
    }

    /**
     * The product {@code a·w} composed from {@code narrowBits}-bit digit products. {@code a} must be a
     * {@code aBits}-bit value (signed when {@code aSigned}), likewise {@code w}.
     */
    public static long multiply(long a, int aBits, boolean aSigned, long w, int wBits, boolean wSigned,
                                int narrowBits) {
        long[] aDigits = digits(a, aBits, aSigned, narrowBits);
        long[] wDigits = digits(w, wBits, wSigned, narrowBits);
        long product = 0;
        for (int i = 0; i < aDigits.length; i++) {
            for (int j = 0; j < wDigits.length; j++) {
                product += brick(aDigits[i], wDigits[j], narrowBits) << (narrowBits * (i + j));
            }
        }
        return product;
    }

    /**
     * One narrow multiplier: two (p+1)-bit signed digits in, their exact product out (at most 2p+2 bits). The
     * check documents the hardware limit: a digit outside -2^(p-1) .. 2^p-1 cannot reach a BitBrick.
     */
    static long brick(long aDigit, long wDigit, int narrowBits) {
        if (!Bits.fits(aDigit, narrowBits + 1, true) || !Bits.fits(wDigit, narrowBits + 1, true)) {
            throw new IllegalArgumentException("digit out of a " + narrowBits + "-bit multiplier's range: " + aDigit
                    + ", " + wDigit);
        }
        return aDigit * wDigit;
    }

    /** The p-bit digits of a value, least significant first; the top digit of a signed value is signed. */
    static long[] digits(long value, int bits, boolean signed, int narrowBits) {
        if (!Bits.fits(value, bits, signed)) {
            throw new IllegalArgumentException(value + " is not a " + (signed ? "signed " : "unsigned ") + bits
                    + "-bit value");
        }
        int count = digitCount(bits, narrowBits);
        int width = count * narrowBits;
        // The value's pattern in the rounded-up width (sign-extended when signed), then cut into digits.
        long[] digits = Bits.digits(Bits.truncate(value, width), width, narrowBits);
        if (signed) {
            digits[count - 1] = Bits.signExtend(digits[count - 1], narrowBits);
        }
        return digits;
    }

    private static int digitCount(int bits, int narrowBits) {
        return (bits + narrowBits - 1) / narrowBits;
    }
}
