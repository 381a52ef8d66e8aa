package io.bitforge.core.arith;

/**
 * Bit-exact reference of the floating-point operations BitForge's PE models and FP hardware blocks perform, on
 * codes of {@link FloatLayout}s: products and sums are formed exactly and rounded once by
 * {@link FloatRounding#round} to nearest, ties to even (IEEE 754-2019 §4.3.1, as Java's {@code float} arithmetic
 * does, JLS §15.4). NaN policy: any NaN operand, ∞ × 0 and ∞ − ∞ give the layout's canonical quiet NaN (positive,
 * top mantissa bit set); an exact zero sum of nonzero or mixed-sign operands is +0 (IEEE 754-2019 §6.3).
 */
public final class FloatArith {
    private FloatArith() {
    }

    /** {@code a × b} rounded once into {@code out}. */
    public static long multiply(long a, FloatLayout aLayout, long b, FloatLayout bLayout, FloatLayout out) {
        FloatParts x = FloatParts.of(a, aLayout);
        FloatParts y = FloatParts.of(b, bLayout);
        boolean negative = x.negative() != y.negative();
        long sign = negative ? out.signBit() : 0;
        if (x.isNan() || y.isNan() || (x.isInfinite() && y.isZero()) || (x.isZero() && y.isInfinite())) {
            return out.quietNanCode();
        }
        if (x.isInfinite() || y.isInfinite()) {
            return sign | out.infinityCode();
        }
        if (x.isZero() || y.isZero()) {
            return sign;
        }
        long product = Math.multiplyExact(x.significand(), y.significand());
        return FloatRounding.round(negative, product, x.exponent() + y.exponent(), false, out, Rounding.HALF_EVEN);
    }

    /** {@code a + b} in one layout, rounded once. */
    public static long add(long a, long b, FloatLayout layout) {
        FloatParts x = FloatParts.of(a, layout);
        FloatParts y = FloatParts.of(b, layout);
        if (x.isNan() || y.isNan() || (x.isInfinite() && y.isInfinite() && x.negative() != y.negative())) {
            return layout.quietNanCode();
        }
        if (x.isInfinite()) {
            return a;
        }
        if (y.isInfinite()) {
            return b;
        }
        if (x.isZero() && y.isZero()) {
            return x.negative() && y.negative() ? layout.signBit() : 0;
        }
        if (x.isZero()) {
            return b;
        }
        if (y.isZero()) {
            return a;
        }
        // order by magnitude: a larger exponent means a larger magnitude (normal significands have the hidden bit)
        if (y.exponent() > x.exponent() || (y.exponent() == x.exponent() && y.significand() > x.significand())) {
            FloatParts t = x;
            x = y;
            y = t;
        }
        // headroom below the larger operand's last bit, so that at least two bits are rounded off when the
        // smaller operand collapses into a sticky bit
        int headroom = layout.mantissaBits() + 3;
        long big = x.significand() << headroom;
        int exponent = x.exponent() - headroom;
        int distance = x.exponent() - y.exponent();
        long small;
        boolean sticky;
        if (distance <= headroom) {
            small = y.significand() << (headroom - distance);
            sticky = false;
        } else {
            int out = distance - headroom;
            small = out >= 64 ? 0 : y.significand() >>> out;
            sticky = out >= 64 || (y.significand() & Bits.mask(out)) != 0;
        }
        long magnitude;
        if (x.negative() == y.negative()) {
            magnitude = big + small;
        } else {
            // big − (small + δ) = (big − small − 1) + (1 − δ)
            magnitude = sticky ? big - small - 1 : big - small;
        }
        if (magnitude == 0 && !sticky) {
            return 0; // x − x = +0 under round to nearest
        }
        return FloatRounding.round(x.negative(), magnitude, exponent, sticky, layout, Rounding.HALF_EVEN);
    }

    /** A code of one layout rounded into another. */
    public static long convert(long code, FloatLayout from, FloatLayout to) {
        FloatParts x = FloatParts.of(code, from);
        long sign = x.negative() ? to.signBit() : 0;
        switch (x.kind()) {
            case NAN:
                return to.quietNanCode();
            case INFINITY:
                return sign | (to.infinities() ? to.infinityCode() : to.maxFiniteCode());
            case ZERO:
                return sign;
            default:
                return x.significand() == 0 ? sign : FloatRounding.round(x.negative(), x.significand(), x.exponent(),
                        false, to, Rounding.HALF_EVEN);
        }
    }

    /** The FP32 code of a Java float, NaNs made canonical. */
    public static long fp32(float value) {
        return Float.floatToIntBits(value) & 0xFFFF_FFFFL;
    }

    /** The Java float of an FP32 code. */
    public static float toFloat(long fp32Code) {
        return Float.intBitsToFloat((int) fp32Code);
    }
}
