package io.bitforge.core.quant;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The radix sort against {@link Arrays#sort(double[])} of the same values, bit for bit (±0 included). */
class SortedValuesTest {
    @Test
    void sameOrderAsAComparisonSortForShortAndLongGroups() {
        SplittableRandom random = new SplittableRandom(17);
        float[] specials = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE,
                Float.MIN_NORMAL, -Float.MIN_NORMAL, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1f, -1f};
        for (int n : new int[] {1, 2, 127, 128, 1023, 1024, 1025, 4096, 5000}) {
            for (int t = 0; t < 20; t++) {
                float[] x = new float[n + 7];
                for (int i = 0; i < x.length; i++) {
                    x[i] = switch (random.nextInt(5)) {
                        case 0 -> specials[random.nextInt(specials.length)];
                        case 1 -> x[random.nextInt(i + 1)]; // duplicates
                        case 2 -> (float) Math.scalb(random.nextDouble() - 0.5, random.nextInt(-140, 120));
                        default -> (float) (random.nextGaussian() * 0.02);
                    };
                }
                int from = random.nextInt(8);
                int to = Math.min(x.length, from + n);
                double[] expected = new double[to - from];
                for (int k = 0; k < expected.length; k++) {
                    expected[k] = x[from + k];
                }
                Arrays.sort(expected);
                double[] actual = SortedValues.of(x, from, to);
                assertArrayEquals(bits(expected), bits(actual), "n = " + n + ", trial " + t);
            }
        }
    }

    private static long[] bits(double[] v) {
        return Arrays.stream(v).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
