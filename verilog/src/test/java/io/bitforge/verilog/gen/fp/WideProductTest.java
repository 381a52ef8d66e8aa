package io.bitforge.verilog.gen.fp;

import io.bitforge.core.arith.FloatArith;
import io.bitforge.core.arith.FloatLayout;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.verilog.sim.Simulator;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link FpMultiplier} with products wider than 32 bits ({@link WideRounder}): FP32 × FP32 and FP16 × FP32 → FP32 on
 * the Java HDL simulator against the shared reference {@link FloatArith#multiply} and, independently, Java's
 * {@code float} multiplication (IEEE 754 round to nearest even, JLS §15.17.1), on corner values and seeded pairs.
 */
class WideProductTest {
    /** ±0, subnormals (smallest, largest), smallest normal, 1, 1 + ulp, 3, largest finite, ±∞, NaN. */
    private static final int[] FP32_CORNERS = {0x00000000, 0x80000000, 0x00000001, 0x007FFFFF, 0x00800000,
        0x3F800000, 0x3F800001, 0xBFC00000, 0x40400000, 0x7F7FFFFF, 0xFF7FFFFF, 0x7F800000, 0xFF800000, 0x7FC00000,
        0x33800000, 0x4B7FFFFF};

    private static int javaProduct(float a, float b) {
        float p = a * b;
        return Float.isNaN(p) ? (int) FloatLayout.FP32.quietNanCode() : Float.floatToRawIntBits(p);
    }

    private static int randomFp32(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(); // any pattern, NaNs and infinities included
            case 1 -> random.nextInt(0x00800000) | (random.nextBoolean() ? 0x80000000 : 0); // subnormal
            default -> Float.floatToRawIntBits((float) (random.nextGaussian()
                    * Math.scalb(1.0, random.nextInt(80) - 40)));
        };
    }

    @Test
    void fp32TimesFp32() {
        Simulator sim = Simulator.of(FpMultiplier.build(FloatLayout.FP32, FloatLayout.FP32, FloatLayout.FP32));
        Random random = new Random(2630);
        int checked = 0;
        for (int i = 0; i < FP32_CORNERS.length + 3000; i++) {
            int a = i < FP32_CORNERS.length ? FP32_CORNERS[i] : randomFp32(random);
            for (int j = 0; j < (i < FP32_CORNERS.length ? FP32_CORNERS.length : 1); j++) {
                int b = i < FP32_CORNERS.length ? FP32_CORNERS[j] : randomFp32(random);
                sim.poke("a", Integer.toUnsignedLong(a));
                sim.poke("b", Integer.toUnsignedLong(b));
                sim.step();
                long expected = FloatArith.multiply(Integer.toUnsignedLong(a), FloatLayout.FP32,
                        Integer.toUnsignedLong(b), FloatLayout.FP32, FloatLayout.FP32);
                String pair = Integer.toHexString(a) + " x " + Integer.toHexString(b);
                assertEquals(expected, sim.peek("p"), pair);
                assertEquals(javaProduct(Float.intBitsToFloat(a), Float.intBitsToFloat(b)), (int) sim.peek("p"), pair);
                checked++;
            }
        }
        assertEquals(FP32_CORNERS.length * FP32_CORNERS.length + 3000, checked);
    }

    @Test
    void fp16TimesFp32() {
        Simulator sim = Simulator.of(FpMultiplier.build(FloatLayout.FP16, FloatLayout.FP32, FloatLayout.FP32));
        Random random = new Random(2631);
        for (int i = 0; i < 4000; i++) {
            // every FP16 class: random patterns cover subnormals, infinities and NaNs
            int a = i % 2 == 0 ? random.nextInt(0x10000) : (i * 16411) & 0xFFFF;
            int b = randomFp32(random);
            sim.poke("a", a);
            sim.poke("b", Integer.toUnsignedLong(b));
            sim.step();
            long expected = FloatArith.multiply(a, FloatLayout.FP16, Integer.toUnsignedLong(b), FloatLayout.FP32,
                    FloatLayout.FP32);
            float fp16 = (float) NumberFormats.FP16.decode(a);
            String pair = Integer.toHexString(a) + " x " + Integer.toHexString(b);
            assertEquals(expected, sim.peek("p"), pair);
            assertEquals(javaProduct(fp16, Float.intBitsToFloat(b)), (int) sim.peek("p"), pair);
        }
    }
}
