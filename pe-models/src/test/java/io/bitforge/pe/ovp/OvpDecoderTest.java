package io.bitforge.pe.ovp;

import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.format.OvpFormat;
import io.bitforge.pe.bitfusion.ExponentInteger;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OvpDecoderTest {

    /** Every pair code through the bit-level decoder equals the format's table-driven decodePair. */
    private static int checkEveryPair(OvpFormat format) {
        int pairs = 1 << (2 * format.bits());
        long limit = (1L << (format.bits() - 1)) - 1;
        int reserved = 0;
        for (int code = 0; code < pairs; code++) {
            double[] expected = format.decodePair(code);
            OvpDecoder.DecodedPair decoded = OvpDecoder.decode(format, code);
            if (Double.isNaN(expected[0])) {
                assertTrue(decoded.reserved(), format.id() + " pair " + code);
                reserved++;
                continue;
            }
            assertFalse(decoded.reserved(), format.id() + " pair " + code);
            assertEquals(expected[0] + 0.0, (double) decoded.even().value(), format.id() + " even of " + code);
            assertEquals(expected[1] + 0.0, (double) decoded.odd().value(), format.id() + " odd of " + code);
            for (ExponentInteger operand : new ExponentInteger[] {decoded.even(), decoded.odd()}) {
                assertTrue(Math.abs(operand.integer()) <= limit, "fits the sign-magnitude multiplier: " + code);
            }
        }
        return reserved;
    }

    @Test
    void all256FourBitPairCodesMatchTheFormats() {
        // Reserved: a marker (1000) beside magnitude code 0 -> (1000,0000), (1000,1000), (0000,1000).
        assertEquals(3, checkEveryPair(NumberFormats.OVP_INT4));
        assertEquals(3, checkEveryPair(NumberFormats.OVP_FLINT4));
    }

    @Test
    void all65536EightBitPairCodesMatchTheFormat() {
        assertEquals(3, checkEveryPair(NumberFormats.OVP_INT8));
    }

    @Test
    void workedPairs() {
        OvpFormat int4 = NumberFormats.OVP_INT4;
        // even 0111 beside an odd marker 1000: outlier, exponent field 11b = 3, mantissa 1 -> integer 11b = 3,
        // shift 5 + 3 - 1 - 2 = 5: 3 << 5 = 96 (in int4 units: 1.5 * 2^8 / 4); the odd slot is the victim.
        OvpDecoder.DecodedPair outlier = OvpDecoder.decode(int4, 0b0111 | 0b1000 << 4);
        assertEquals(new ExponentInteger(3, 5), outlier.even());
        assertEquals(0, outlier.odd().value());
        // normal pair (0011, 1010): 3 and -2 (sign-magnitude).
        OvpDecoder.DecodedPair normal = OvpDecoder.decode(int4, 0b0011 | 0b1010 << 4);
        assertEquals(3, normal.even().value());
        assertEquals(-2, normal.odd().value());
        // flint4 outlier 1001 in the odd slot: sign 1, exponent 0, mantissa 1 -> -(3 << (5 + 0 - 1 - 1)) = -24.
        assertEquals(-24, OvpDecoder.decode(NumberFormats.OVP_FLINT4, 0b1000 | 0b1001 << 4).odd().value());
        // int8 outlier magnitude code 0000001 (e = 0, j = 1): (32 + 1) << (5 + 0 - 5 + 2) = 132.
        assertEquals(132, OvpDecoder.decode(NumberFormats.OVP_INT8, 0b00000001 | 0b10000000 << 8).even().value());
    }
}
