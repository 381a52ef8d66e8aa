package io.bitforge.pe.ovp;

import io.bitforge.core.arith.Bits;
import io.bitforge.core.format.OvpFormat;
import io.bitforge.pe.bitfusion.AntDecoder;
import io.bitforge.pe.bitfusion.ExponentInteger;
import io.bitforge.pe.bitfusion.OperandType;

/**
 * OliVe's pair decoder at the array edge (Guo et al., ISCA 2023, §5; bit-exact code semantics from
 * clevercool/ANT-Quantization {@code olive_quantization/antquant/quant_modules.py}): one b-bit pair code
 * ({@code even | odd << b}) in, two exponent–integer operands out, from the code bits alone:
 * <ul>
 *   <li>a slot holding the victim marker {@code 1 0…0} is the victim: it decodes to zero, and the other slot is
 *       an abfloat outlier — sign, 2-bit exponent e, (b−3)-bit mantissa j, magnitude (1 + j/2^(b−3))·2^(5+e) in
 *       the quantiser's units, i.e. integer {@code 1j} (b−2 bits) shifted by {@code 5 + e − (b−3) − u}, where
 *       2^u is the normal type's unit (int4: u = 2, flint4: u = 1, int8: u = −2); int4 outliers are
 *       {2,3}·2^(2..5) = 12 … 96, int8 outliers 33..63·2^(2..5) = 132 … 2016;</li>
 *   <li>otherwise both slots are normal values: sign-magnitude integers (exponent 0), or flint4 magnitudes
 *       decoded by ANT's leading-ones rule ({@link AntDecoder});</li>
 *   <li>a marker beside magnitude code 0 never comes out of the encoder (it would be the excluded abfloat value
 *       32); the decoder flags it as reserved and outputs zeros.</li>
 * </ul>
 * Every integer that comes out fits the b-bit sign-magnitude multiplier (|integer| ≤ 2^(b−1) − 1).
 */
public final class OvpDecoder {
    private OvpDecoder() {
    }

    /** The two operands of one pair, even slot first. */
    public record DecodedPair(ExponentInteger even, ExponentInteger odd, boolean reserved) {
    }

    private static final DecodedPair RESERVED = new DecodedPair(ExponentInteger.ZERO, ExponentInteger.ZERO, true);

    /** Decodes one pair code of {@code format}. */
    public static DecodedPair decode(OvpFormat format, int pairCode) {
        int b = format.bits();
        if (pairCode < 0 || pairCode > Bits.mask(2 * b)) {
            throw new IllegalArgumentException(format.id() + ": pair code must be 0.." + Bits.mask(2 * b) + ", got "
                    + pairCode);
        }
        int marker = 1 << (b - 1);
        int magnitudeMask = marker - 1;
        int even = (int) Bits.slice(pairCode, 0, b);
        int odd = (int) Bits.slice(pairCode, b, b);
        if (even == marker) {
            return (odd & magnitudeMask) == 0 ? RESERVED
                    : new DecodedPair(ExponentInteger.ZERO, outlier(format.normal(), odd), false);
        }
        if (odd == marker) {
            return (even & magnitudeMask) == 0 ? RESERVED
                    : new DecodedPair(outlier(format.normal(), even), ExponentInteger.ZERO, false);
        }
        return new DecodedPair(normal(format.normal(), even), normal(format.normal(), odd), false);
    }

    /** A normal element code. */
    static ExponentInteger normal(OvpFormat.Normal normal, int code) {
        int b = normal.bits();
        if (normal == OvpFormat.Normal.FLINT4) {
            return AntDecoder.decode(code, OperandType.FLINT, b);
        }
        long magnitude = Bits.slice(code, 0, b - 1);
        return new ExponentInteger(Bits.bit(code, b - 1) == 1 ? -magnitude : magnitude, 0);
    }

    /** An abfloat outlier element code (magnitude code ≥ 1). */
    static ExponentInteger outlier(OvpFormat.Normal normal, int code) {
        int b = normal.bits();
        int mantissaBits = b - 3;
        long mantissa = Bits.slice(code, 0, mantissaBits);
        int exponent = (int) Bits.slice(code, mantissaBits, 2);
        long integer = (1L << mantissaBits) | mantissa;
        int shift = 5 + exponent - mantissaBits - unitExponent(normal);
        return new ExponentInteger(Bits.bit(code, b - 1) == 1 ? -integer : integer, shift);
    }

    /**
     * log2 of normalised units per normal unit: the quantiser maps the end of the normal range, 2^(b−1), to 32,
     * so int4 counts ×4 (2^2), flint4 ×2 (its 16 maps to 32), int8 ×1/4 (2^−2).
     */
    static int unitExponent(OvpFormat.Normal normal) {
        return switch (normal) {
            case INT4 -> 2;
            case FLINT4 -> 1;
            case INT8 -> -2;
        };
    }
}
