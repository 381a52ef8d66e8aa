package io.bitforge.core.arith;

import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.format.ValueGrid;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The FP reference against independent implementations: Java's {@code float} arithmetic (IEEE 754 binary32,
 * round to nearest even, JLS §15.4) for FP32 sums and BF16/FP16 products, and a nearest-value search of a value grid
 * for conversions and FP8 products. Exhaustive on a corner set (zeros, subnormals, smallest and largest normals,
 * infinities, NaN) and on all FP8 E5M2 pairs; seeded random FP16 pairs.
 */
class FloatArithTest {
    private static final FloatLayout E5M2 = FloatLayout.ieee(5, 2);

    /** FP16 corners: ±0, subnormals, min/max normal, ±1 neighbourhood, max, ∞, NaN. */
    static List<Long> fp16Corners() {
        long[] magnitudes = {0x0000, 0x0001, 0x0002, 0x0155, 0x03FF, 0x0400, 0x0401, 0x07FF, 0x3BFF, 0x3C00, 0x3C01,
            0x3E00, 0x4000, 0x5640, 0x7000, 0x7BFE, 0x7BFF, 0x7C00, 0x7C01, 0x7E00};
        List<Long> out = new ArrayList<>();
        for (long m : magnitudes) {
            out.add(m);
            out.add(m | 0x8000);
        }
        return out;
    }

    static List<Long> fp32Corners() {
        long[] magnitudes = {0x00000000L, 0x00000001L, 0x007FFFFFL, 0x00800000L, 0x00800001L, 0x33800000L,
            0x3F7FFFFFL, 0x3F800000L, 0x3F800001L, 0x3FC00000L, 0x4B800000L, 0x4B7FFFFFL, 0x7F000000L, 0x7F7FFFFFL,
            0x7F800000L, 0x7FC00000L, 0x7F800001L, 0x34000000L, 0x33FFFFFFL};
        List<Long> out = new ArrayList<>();
        for (long m : magnitudes) {
            out.add(m);
            out.add(m | 0x80000000L);
        }
        return out;
    }

    private static float fp16Float(long code) {
        return (float) NumberFormats.FP16.decode((int) code);
    }

    @Test
    void fp16ProductsAreExactInFp32AsJavaFloatsSay() {
        Random random = new Random(2601);
        List<long[]> pairs = new ArrayList<>();
        for (long a : fp16Corners()) {
            for (long b : fp16Corners()) {
                pairs.add(new long[] {a, b});
            }
        }
        for (int i = 0; i < 200_000; i++) {
            pairs.add(new long[] {random.nextInt(1 << 16), random.nextInt(1 << 16)});
        }
        for (long[] p : pairs) {
            float expected = fp16Float(p[0]) * fp16Float(p[1]);
            long got = FloatArith.multiply(p[0], FloatLayout.FP16, p[1], FloatLayout.FP16, FloatLayout.FP32);
            assertEquals(FloatArith.fp32(expected), got, Long.toHexString(p[0]) + " x " + Long.toHexString(p[1]));
        }
    }

    @Test
    void bf16ProductsRoundOnceIntoFp32IncludingUnderflowAndOverflow() {
        Random random = new Random(2602);
        for (int i = 0; i < 200_000; i++) {
            long a = random.nextInt(1 << 16);
            long b = random.nextInt(1 << 16);
            float fa = Float.intBitsToFloat((int) (a << 16));
            float fb = Float.intBitsToFloat((int) (b << 16));
            // the double product of two 8-bit significands is exact; the cast rounds it once to nearest even
            float expected = (float) ((double) fa * fb);
            long got = FloatArith.multiply(a, FloatLayout.BF16, b, FloatLayout.BF16, FloatLayout.FP32);
            assertEquals(FloatArith.fp32(expected), got, Long.toHexString(a) + " x " + Long.toHexString(b));
        }
    }

    @Test
    void fp32SumsEqualJavaFloatAdditionOnCornersAndRandomPairs() {
        Random random = new Random(2603);
        List<long[]> pairs = new ArrayList<>();
        for (long a : fp32Corners()) {
            for (long b : fp32Corners()) {
                pairs.add(new long[] {a, b});
            }
        }
        for (int i = 0; i < 300_000; i++) {
            long a = random.nextInt() & 0xFFFF_FFFFL;
            // near operands: cancellation and alignment by a few bits
            long b = i % 3 == 0 ? random.nextInt() & 0xFFFF_FFFFL
                    : (a ^ (random.nextInt(1 << 26)) ^ (i % 2 == 0 ? 0x80000000L : 0)) & 0xFFFF_FFFFL;
            pairs.add(new long[] {a, b});
        }
        for (long[] p : pairs) {
            float expected = FloatArith.toFloat(p[0]) + FloatArith.toFloat(p[1]);
            assertEquals(FloatArith.fp32(expected), FloatArith.add(p[0], p[1], FloatLayout.FP32),
                    Long.toHexString(p[0]) + " + " + Long.toHexString(p[1]));
        }
    }

    @Test
    void fp32ToFp16IsTheNearestFp16ValueAndOverflowsToInfinity() {
        ValueGrid grid = NumberFormats.FP16.grid();
        double max = 65504;
        double overflowMidpoint = 65520; // max + half an ulp (ulp 32 at 2^15)
        Random random = new Random(2604);
        List<Long> codes = new ArrayList<>(fp32Corners());
        for (int i = 0; i < 200_000; i++) {
            codes.add(random.nextInt() & 0xFFFF_FFFFL);
            codes.add((0x33000000L + random.nextInt(0x0C000000)) | (random.nextBoolean() ? 0x80000000L : 0));
        }
        for (long c : codes) {
            float x = FloatArith.toFloat(c);
            long expected;
            if (Float.isNaN(x)) {
                expected = 0x7E00;
            } else if (Math.abs(x) >= overflowMidpoint) {
                expected = (x < 0 ? 0x8000 : 0) | 0x7C00; // a tie at the midpoint goes to the even code, infinity
            } else if (Math.abs(x) > max) {
                expected = (x < 0 ? 0x8000 : 0) | 0x7BFF;
            } else {
                int index = grid.nearestIndex(x, Rounding.HALF_EVEN);
                boolean negative = x < 0 || (x == 0 && 1 / x < 0);
                expected = grid.value(index) == 0 && negative ? 0x8000 : grid.code(index);
            }
            assertEquals(expected, FloatArith.convert(c, FloatLayout.FP32, FloatLayout.FP16), Long.toHexString(c));
        }
    }

    @Test
    void everyFp8E5m2ProductRoundsToTheNearestGridValue() {
        ValueGrid grid = NumberFormats.FP8_E5M2.grid();
        double max = 57344; // E5M2 max: 1.75 × 2^15 (OCP OFP8 Table 1)
        double overflowMidpoint = 61440; // max + half an ulp (ulp 2^13)
        for (long a = 0; a < 256; a++) {
            for (long b = 0; b < 256; b++) {
                double x = NumberFormats.FP8_E5M2.decode((int) a) * NumberFormats.FP8_E5M2.decode((int) b);
                long expected;
                boolean negative = ((a ^ b) & 0x80) != 0;
                if (Double.isNaN(x)) {
                    expected = 0x7E;
                } else if (Math.abs(x) >= overflowMidpoint) {
                    expected = (negative ? 0x80 : 0) | 0x7C;
                } else if (Math.abs(x) > max) {
                    expected = (negative ? 0x80 : 0) | 0x7B;
                } else {
                    int index = grid.nearestIndex(x, Rounding.HALF_EVEN);
                    expected = (negative ? 0x80 : 0) | (grid.code(index) & 0x7F);
                }
                assertEquals(expected, FloatArith.multiply(a, E5M2, b, E5M2, E5M2), a + " x " + b);
            }
        }
    }

    @Test
    void handDerivedCases() {
        // 1 + 2^-24 in FP32: a tie between 1 and 1 + 2^-23, to the even 1.0
        assertEquals(0x3F800000L, FloatArith.add(0x3F800000L, 0x33800000L, FloatLayout.FP32));
        // 1 + (2^-24 + 2^-47): above the tie, rounds up to 1 + 2^-23 (the 2^-47 survives only as a sticky bit)
        assertEquals(0x3F800001L, FloatArith.add(0x3F800000L, 0x33800001L, FloatLayout.FP32));
        // FP16 min subnormal squared = 2^-48, exact in FP32: exponent field 127 - 48 = 79
        assertEquals(79L << 23, FloatArith.multiply(1, FloatLayout.FP16, 1, FloatLayout.FP16, FloatLayout.FP32));
        // ∞ × 0 and ∞ − ∞: the canonical quiet NaN
        assertEquals(0x7FC00000L, FloatArith.multiply(0x7C00, FloatLayout.FP16, 0, FloatLayout.FP16,
                FloatLayout.FP32));
        assertEquals(0x7FC00000L, FloatArith.add(0x7F800000L, 0xFF800000L, FloatLayout.FP32));
        // −0 + −0 = −0; x − x = +0
        assertEquals(0x80000000L, FloatArith.add(0x80000000L, 0x80000000L, FloatLayout.FP32));
        assertEquals(0L, FloatArith.add(0x3F800000L, 0xBF800000L, FloatLayout.FP32));
    }
}
