package io.bitforge.core.arith;

/**
 * The bit layout of a binary floating-point code: 1 sign, {@code exponentBits} exponent and {@code mantissaBits}
 * stored mantissa bits, a bias, whether the exponent-0 row holds subnormals, and the largest finite magnitude code
 * (which excludes infinity/NaN encodings). IEEE 754-2019 §3.4 fixes FP16 (binary16), FP32 (binary32); BF16 is
 * FP32's top 16 bits (Intel BF16 specification, 2018). Codes are carried in a {@code long}.
 *
 * @param infinities whether the all-ones exponent with mantissa 0 is infinity (IEEE); otherwise overflow saturates
 */
public record FloatLayout(int exponentBits, int mantissaBits, int bias, boolean subnormals, long maxFiniteCode,
                          boolean infinities) {
    /** IEEE 754 binary16. */
    public static final FloatLayout FP16 = ieee(5, 10);
    /** bfloat16: FP32's 8 exponent bits with 7 mantissa bits. */
    public static final FloatLayout BF16 = ieee(8, 7);
    /** IEEE 754 binary32. */
    public static final FloatLayout FP32 = ieee(8, 23);

    public FloatLayout {
        if (exponentBits < 1 || exponentBits > 11 || mantissaBits < 0 || 1 + exponentBits + mantissaBits > 32) {
            throw new IllegalArgumentException("float layout needs 1..11 exponent bits, >= 0 mantissa bits, at most 32"
                    + " bits in all; got e=" + exponentBits + " m=" + mantissaBits);
        }
        if (maxFiniteCode <= 0 || maxFiniteCode >= 1L << (exponentBits + mantissaBits)) {
            throw new IllegalArgumentException("max finite code must be a positive magnitude code, got "
                    + maxFiniteCode);
        }
    }

    /** An IEEE-style layout: bias 2^(e-1)-1, subnormals, infinities and NaN in the all-ones exponent. */
    public static FloatLayout ieee(int exponentBits, int mantissaBits) {
        long maxFinite = (((1L << exponentBits) - 2) << mantissaBits) | ((1L << mantissaBits) - 1);
        return new FloatLayout(exponentBits, mantissaBits, (1 << (exponentBits - 1)) - 1, true, maxFinite, true);
    }

    public int bits() {
        return 1 + exponentBits + mantissaBits;
    }

    public long signBit() {
        return 1L << (exponentBits + mantissaBits);
    }

    public long exponentField(long code) {
        return (code >>> mantissaBits) & ((1L << exponentBits) - 1);
    }

    public long mantissaField(long code) {
        return code & ((1L << mantissaBits) - 1);
    }

    /** The code of +infinity (IEEE layouts). */
    public long infinityCode() {
        return ((1L << exponentBits) - 1) << mantissaBits;
    }

    /** The canonical quiet NaN BitForge's FP blocks return: positive, top mantissa bit set. */
    public long quietNanCode() {
        return infinityCode() | (1L << (mantissaBits - 1));
    }

    /** The exponent of the smallest normal number, 1 - bias. */
    public int minNormalExponent() {
        return 1 - bias;
    }
}
