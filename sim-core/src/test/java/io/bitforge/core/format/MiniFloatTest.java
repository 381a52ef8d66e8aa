package io.bitforge.core.format;

import io.bitforge.core.arith.Rounding;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Minifloat code tables against the OCP and IEEE figures, exhaustive round trips, ties and overflow. */
class MiniFloatTest {
    private static final List<MiniFloat> SMALL = List.of(NumberFormats.FP8_E4M3, NumberFormats.FP8_E5M2,
            NumberFormats.FP6_E2M3, NumberFormats.FP6_E3M2, NumberFormats.FP4_E2M1);

    @Test
    void fp8E4m3MatchesOcpTable1() {
        // OCP OFP8 rev 1.0, Table 1, E4M3: bias 7, no infinities, NaN S.1111.111, max normal S.1111.110 = ±448,
        // min normal S.0001.000 = 2^-6, max subnormal S.0000.111 = 0.875·2^-6, min subnormal S.0000.001 = 2^-9.
        MiniFloat f = NumberFormats.FP8_E4M3;
        assertEquals(448.0, f.decode(0x7E));
        assertEquals(-448.0, f.decode(0xFE));
        assertTrue(Double.isNaN(f.decode(0x7F)));
        assertTrue(Double.isNaN(f.decode(0xFF)));
        assertEquals(Math.scalb(1.0, -6), f.decode(0x08));
        assertEquals(0.875 * Math.scalb(1.0, -6), f.decode(0x07));
        assertEquals(Math.scalb(1.0, -9), f.decode(0x01));
        assertEquals(0x7E, f.maxFiniteCode());
        assertEquals(2, countReserved(f), "exactly one NaN per sign, no infinities");
        assertEquals(0x7E, f.encode(1e9), "saturates to max by default");
        assertEquals(0x7F, f.encode(Double.NaN));
    }

    @Test
    void fp8E5m2MatchesOcpTable1() {
        // OCP OFP8 rev 1.0, Table 1, E5M2: bias 15, infinities S.11111.00, NaN S.11111.{01,10,11},
        // max normal S.11110.11 = ±57344, min normal 2^-14, min subnormal S.00000.01 = 2^-16.
        MiniFloat f = NumberFormats.FP8_E5M2;
        assertEquals(57344.0, f.decode(0x7B));
        assertEquals(0x7B, f.maxFiniteCode());
        assertEquals(Double.POSITIVE_INFINITY, f.decode(0x7C));
        assertEquals(Double.NEGATIVE_INFINITY, f.decode(0xFC));
        for (int code : new int[] {0x7D, 0x7E, 0x7F, 0xFD, 0xFE, 0xFF}) {
            assertTrue(Double.isNaN(f.decode(code)), Integer.toHexString(code));
        }
        assertEquals(Math.scalb(1.0, -14), f.decode(0x04));
        assertEquals(Math.scalb(1.0, -16), f.decode(0x01));
        assertEquals(8, countReserved(f));
    }

    @Test
    void fp6AndFp4MatchOcpMxFigures() {
        // OCP MX v1.0 §5.3.2 / §5.3.3: E2M3 bias 1 max 7.5, min normal 1.0, min subnormal 0.125;
        // E3M2 bias 3 max 28, min normal 0.25, min subnormal 0.0625; E2M1 bias 1 max 6, min normal 1, min sub 0.5.
        // None of them has Inf or NaN.
        assertEquals(7.5, NumberFormats.FP6_E2M3.decode(0x1F));
        assertEquals(1.0, NumberFormats.FP6_E2M3.decode(0x08));
        assertEquals(0.125, NumberFormats.FP6_E2M3.decode(0x01));
        assertEquals(28.0, NumberFormats.FP6_E3M2.decode(0x1F));
        assertEquals(0.25, NumberFormats.FP6_E3M2.decode(0x04));
        assertEquals(0.0625, NumberFormats.FP6_E3M2.decode(0x01));
        for (MiniFloat f : List.of(NumberFormats.FP6_E2M3, NumberFormats.FP6_E3M2, NumberFormats.FP4_E2M1)) {
            assertEquals(0, countReserved(f), f.id());
            assertThrows(IllegalArgumentException.class, () -> f.encode(Double.NaN));
        }
        // E2M1, codes 0000..0111: 0, 0.5, 1, 1.5, 2, 3, 4, 6 (OCP MX v1.0 Table "FP4 E2M1").
        double[] expected = {0, 0.5, 1, 1.5, 2, 3, 4, 6};
        for (int c = 0; c < 8; c++) {
            assertEquals(expected[c], NumberFormats.FP4_E2M1.decode(c));
            assertEquals(-expected[c], NumberFormats.FP4_E2M1.decode(8 | c));
        }
    }

    @Test
    void everyFiniteCodeOfEverySmallFloatRoundTrips() {
        for (MiniFloat f : SMALL) {
            for (int code = 0; code < f.codeCount(); code++) {
                double v = f.decode(code);
                if (Double.isFinite(v)) {
                    assertEquals(code, f.encode(v), f.id() + " code " + code);
                    assertTrue(f.grid().contains(v));
                } else {
                    assertTrue(f.isReserved(code));
                }
            }
            // the grid holds 2^bits codes minus reserved minus the duplicate −0
            assertEquals(f.codeCount() - countReserved(f) - 1, f.grid().size(), f.id());
        }
    }

    @Test
    void ieeeHalfAgreesWithAnIndependentConversion() {
        MiniFloat half = NumberFormats.FP16.withOverflow(Overflow.NON_SATURATING);
        for (int code = 0; code < 1 << 16; code++) {
            double v = half.decode(code);
            assertEquals(halfBitsToDouble(code), v, 0.0, Integer.toHexString(code));
        }
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            float x = Float.intBitsToFloat(random.nextInt());
            if (Float.isNaN(x)) {
                continue;
            }
            assertEquals(floatToHalfBits(x), half.encode(x), "x=" + x);
        }
    }

    @Test
    void bf16AgreesWithRoundingTheFloatBits() {
        MiniFloat bf = NumberFormats.BF16.withOverflow(Overflow.NON_SATURATING);
        Random random = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            int bits = random.nextInt();
            float x = Float.intBitsToFloat(bits);
            if (Float.isNaN(x)) {
                continue;
            }
            // bf16 = the top 16 bits of a float, rounded to nearest even on the low 16 (overflow carries into inf).
            int expected = (bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16;
            assertEquals(expected & 0xFFFF, bf.encode(x), "x=" + x);
            assertEquals(Float.intBitsToFloat((expected & 0xFFFF) << 16), bf.decode(expected & 0xFFFF), 0.0);
        }
    }

    @Test
    void tiesAndOverflow() {
        MiniFloat fp4 = NumberFormats.FP4_E2M1;
        // 1.25 lies midway between 1.0 (code 2) and 1.5 (code 3): nearest-even keeps code 2.
        assertEquals(1.0, fp4.decode(fp4.encode(1.25)));
        // 1.75 between 1.5 (code 3) and 2.0 (code 4): even is code 4; ties-to-lower gives 1.5.
        assertEquals(2.0, fp4.decode(fp4.encode(1.75)));
        assertEquals(1.5, fp4.decode(fp4.encode(1.75, Rounding.HALF_DOWN_TOWARD_LOWER)));
        // 5 between 4 (code 6) and 6 (code 7): even → 4.
        assertEquals(4.0, fp4.decode(fp4.encode(5.0)));
        assertEquals(6.0, fp4.decode(fp4.encode(1e6)));
        assertEquals(-6.0, fp4.decode(fp4.encode(Double.NEGATIVE_INFINITY)));
        // −0.1 rounds to −0 (sign kept).
        assertEquals(0x8, fp4.encode(-0.1));

        MiniFloat half = NumberFormats.FP16;
        assertEquals(65504.0, half.decode(half.encode(1e9)), "saturates by default");
        MiniFloat ieee = half.withOverflow(Overflow.NON_SATURATING);
        // 65504 + 16 = 65520 is midway to 2^16: max has an odd mantissa, so the tie goes to infinity (even code).
        assertEquals(Double.POSITIVE_INFINITY, ieee.decode(ieee.encode(65520.0)));
        assertEquals(65504.0, ieee.decode(ieee.encode(65519.99)));
        MiniFloat e4m3 = NumberFormats.FP8_E4M3.withOverflow(Overflow.NON_SATURATING);
        // 448 = 1.75·2^8, next step would be 480: midpoint 464; max code 0x7E is even, so the tie stays at 448.
        assertEquals(448.0, e4m3.decode(e4m3.encode(464.0)));
        assertTrue(Double.isNaN(e4m3.decode(e4m3.encode(465.0))), "E4M3 overflows to NaN, it has no infinity");
        assertThrows(IllegalArgumentException.class, () -> NumberFormats.FP4_E2M1.withOverflow(Overflow.NON_SATURATING));
    }

    @Test
    void decodeRejectsCodesOutsideTheWidth() {
        assertThrows(IllegalArgumentException.class, () -> NumberFormats.FP4_E2M1.decode(16));
        assertThrows(IllegalArgumentException.class, () -> NumberFormats.FP4_E2M1.decode(-1));
        assertFalse(NumberFormats.FP4_E2M1.isReserved(15));
    }

    private static int countReserved(ElementFormat f) {
        int n = 0;
        for (int c = 0; c < f.codeCount(); c++) {
            n += f.isReserved(c) ? 1 : 0;
        }
        return n;
    }

    /** Independent IEEE binary16 decode from the bit fields. */
    private static double halfBitsToDouble(int h) {
        int sign = (h >>> 15) & 1;
        int exp = (h >>> 10) & 0x1F;
        int man = h & 0x3FF;
        double v;
        if (exp == 0x1F) {
            v = man == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else if (exp == 0) {
            v = man * Math.pow(2, -24);
        } else {
            v = (1024 + man) * Math.pow(2, exp - 25);
        }
        return sign == 1 ? -v : v;
    }

    /** Independent float → binary16 with round-to-nearest-even and overflow to infinity (bit manipulation). */
    private static int floatToHalfBits(float x) {
        int f = Float.floatToRawIntBits(x);
        int sign = (f >>> 16) & 0x8000;
        int exp = (f >>> 23) & 0xFF;
        int man = f & 0x7FFFFF;
        if (exp == 0xFF) {
            return sign | 0x7C00; // infinity (NaN excluded by the caller)
        }
        int e = exp - 127 + 15;
        if (e >= 0x1F) {
            return sign | 0x7C00;
        }
        if (e <= 0) {
            if (e < -10) {
                return sign; // below half the smallest subnormal
            }
            int m = man | 0x800000;
            int shift = 14 - e;
            int half = m >>> shift;
            int rem = m & ((1 << shift) - 1);
            int mid = 1 << (shift - 1);
            if (rem > mid || (rem == mid && (half & 1) == 1)) {
                half++;
            }
            return sign | half;
        }
        int half = (e << 10) | (man >>> 13);
        int rem = man & 0x1FFF;
        if (rem > 0x1000 || (rem == 0x1000 && (half & 1) == 1)) {
            half++; // may carry into the exponent, up to infinity, as IEEE does
        }
        return sign | half;
    }

    @org.junit.jupiter.api.Test
    void theLargestCodeIsTheGridsLastForEveryLayout() {
        // the largest finite code is found without the value table; the grid (the sorted table) is the oracle
        for (MiniFloat.Specials specials : MiniFloat.Specials.values()) {
            for (int e = 1; e <= 5; e++) {
                for (int m = specials == MiniFloat.Specials.NONE ? 0 : 1; m <= 4; m++) {
                    for (boolean subnormals : new boolean[] {true, false}) {
                        MiniFloat f;
                        try {
                            f = new MiniFloat("t", e, m, (1 << (e - 1)) - 1, subnormals, specials,
                                    Overflow.SATURATE, "test");
                        } catch (IllegalArgumentException degenerate) {
                            continue; // no positive finite value (e.g. E1M1 IEEE without subnormals)
                        }
                        ValueGrid grid = f.grid();
                        org.junit.jupiter.api.Assertions.assertEquals(grid.code(grid.size() - 1), f.maxFiniteCode(),
                                specials + " e" + e + "m" + m + " subnormals " + subnormals);
                    }
                }
            }
        }
    }
}
