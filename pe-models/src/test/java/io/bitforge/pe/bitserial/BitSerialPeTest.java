package io.bitforge.pe.bitserial;

import io.bitforge.core.arith.Rounding;
import io.bitforge.core.format.BitmodMixture;
import io.bitforge.core.format.ElementFormat;
import io.bitforge.core.format.NumberFormat;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.quant.QuantizedTensor;
import io.bitforge.core.quant.Quantizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PE against the dequantised reference: value = scale · decode(code) (QuantizedTensor's definition), summed
 * exactly in BigDecimal per group and rounded to FP32 by this test's own nearest-even rounding, then the groups
 * added in FP32 in K order — the order BitSerialPe documents — and, loosely, against a plain double dot product
 * of the dequantised tensor.
 */
class BitSerialPeTest {
    private static final int ROWS = 4;
    private static final int GROUP = 128;

    @ParameterizedTest
    @ValueSource(strings = {"bitmod-fp3-er+", "bitmod-fp3-er-", "bitmod-fp3-ea+", "bitmod-fp3-ea-",
            "bitmod-fp4-er+", "bitmod-fp4-er-", "bitmod-fp4-ea+", "bitmod-fp4-ea-", "bitmod-mix3", "bitmod-mix4",
            "int4", "int6", "int8"})
    void randomGroupsEqualTheDequantisedReference(String id) {
        NumberFormat format = NumberFormats.parse(id);
        for (int k : new int[] {GROUP, 3 * GROUP, 2 * GROUP + 40}) {
            Random random = new Random(id.hashCode() * 31L + k);
            float[] weights = new float[ROWS * k];
            for (int i = 0; i < weights.length; i++) {
                // Heavy tails so that groups differ and mixtures pick different types.
                weights[i] = (float) (random.nextGaussian() * (1 + 4 * random.nextDouble() * random.nextDouble()));
            }
            QuantizedTensor q = Quantizer.builder(format).groupSize(GROUP).build().quantize(weights, ROWS, k);
            int[] activations = randomFp16(random, k);
            BitSerialPe pe = new BitSerialPe(4);
            for (int row = 0; row < ROWS; row++) {
                DotResult result = pe.dot(q, row, activations);
                assertEquals(reference(q, row, activations), result.value(), 0f, id + " K=" + k + " row " + row);
                int groups = (k + GROUP - 1) / GROUP;
                assertEquals(groups, result.groups());
                // Steps of 4 lanes per group, ceil(floor(w)/2) cycles each.
                long steps = 0;
                for (int g = 0; g < groups; g++) {
                    steps += (Math.min(k, (g + 1) * GROUP) - g * GROUP + 3) / 4;
                }
                assertEquals(steps * ((format.bits() + 1) / 2), result.cycles());
                double loose = looseReference(q, row, activations);
                assertTrue(Math.abs(result.value() - loose) <= 1e-5 * magnitude(q, row, activations) + 1e-30,
                        id + ": " + result.value() + " vs " + loose);
            }
        }
    }

    @Test
    void mixtureGroupsUseTheirChosenType() {
        // Two groups of 4 with a type each: with all weights at the special value, the choice decides the sum.
        BitmodMixture mix = NumberFormats.BITMOD_MIX4;
        float[] weights = {10, 10, 10, 10, -16, -16, -16, -16};
        QuantizedTensor q = Quantizer.builder(mix).groupSize(4).build().quantize(weights, 1, 8);
        int one = NumberFormats.FP16.encode(1.0);
        DotResult result = new BitSerialPe(4).dot(q, 0, new int[] {one, one, one, one, one, one, one, one});
        // 4·10 + 4·(-16) = -24 exactly, whatever the scales, since each group's absmax maps onto its grid.
        assertEquals(-24f, result.value(), 1e-5f);
        assertEquals(2 * 2, result.cycles()); // two groups, one step each, two cycles per 4-bit step
    }

    @Test
    void rejectsWhatThePeCannotTake() {
        QuantizedTensor asymmetric = Quantizer.builder(NumberFormats.parse("uint4")).groupSize(4).symmetric(false)
                .build().quantize(new float[] {1, 2, 3, 4}, 1, 4);
        assertThrows(IllegalArgumentException.class, () -> new BitSerialPe(4).dot(asymmetric, 0, new int[4]));
        QuantizedTensor ok = Quantizer.builder(NumberFormats.parse("int4")).groupSize(4).build()
                .quantize(new float[] {1, 2, 3, 4}, 1, 4);
        int infinity = 0x7C00; // FP16 +infinity: exponent all ones, mantissa zero
        assertThrows(IllegalArgumentException.class, () -> new BitSerialPe(4).dot(ok, 0, new int[] {0, 0, 0,
                infinity}));
        assertThrows(IllegalArgumentException.class, () -> new BitSerialPe(4).dot(ok, 0, new int[3]));
    }

    private static int[] randomFp16(Random random, int k) {
        int[] codes = new int[k];
        for (int i = 0; i < k; i++) {
            double a = random.nextGaussian() * Math.pow(2, random.nextInt(9) - 4);
            codes[i] = NumberFormats.FP16.encode(a, Rounding.HALF_EVEN);
        }
        return codes;
    }

    private static double decode(QuantizedTensor q, int index) {
        ElementFormat format = q.format() instanceof BitmodMixture m
                ? m.candidates().get(q.choices()[q.layout().groupOf(index)]) : (ElementFormat) q.format();
        return format.decode(q.code(index));
    }

    /** Per group: exact Σ a·(scale·w) rounded once to FP32; groups summed in FP32 in K order. */
    private static float reference(QuantizedTensor q, int row, int[] activations) {
        int k = q.layout().cols();
        float sum = 0f;
        int i = row * k;
        while (i < (row + 1) * k) {
            int group = q.layout().groupOf(i);
            BigDecimal exact = BigDecimal.ZERO;
            BigDecimal scale = new BigDecimal(q.scales()[group]);
            for (; i < (row + 1) * k && q.layout().groupOf(i) == group; i++) {
                BigDecimal a = new BigDecimal(NumberFormats.FP16.decode(activations[i - row * k]));
                exact = exact.add(a.multiply(scale.multiply(new BigDecimal(decode(q, i)))));
            }
            sum += nearestFloat(exact);
        }
        return sum;
    }

    /** Round to nearest FP32, ties to even, by comparing exact distances to the neighbouring floats. */
    static float nearestFloat(BigDecimal exact) {
        float guess = (float) exact.doubleValue();
        float best = guess;
        for (float candidate : new float[] {Math.nextDown(guess), guess, Math.nextUp(guess)}) {
            int cmp = exact.subtract(new BigDecimal(candidate)).abs()
                    .compareTo(exact.subtract(new BigDecimal(best)).abs());
            if (cmp < 0 || cmp == 0 && (Float.floatToIntBits(candidate) & 1) == 0) {
                best = candidate;
            }
        }
        return best;
    }

    private static double looseReference(QuantizedTensor q, int row, int[] activations) {
        float[] w = q.dequantize();
        int k = q.layout().cols();
        double sum = 0;
        for (int j = 0; j < k; j++) {
            sum += NumberFormats.FP16.decode(activations[j]) * (double) w[row * k + j];
        }
        return sum;
    }

    private static double magnitude(QuantizedTensor q, int row, int[] activations) {
        float[] w = q.dequantize();
        int k = q.layout().cols();
        double sum = 0;
        for (int j = 0; j < k; j++) {
            sum += Math.abs(NumberFormats.FP16.decode(activations[j]) * (double) w[row * k + j]);
        }
        return sum;
    }
}
