package io.bitforge.pe.lut;

import io.bitforge.core.arith.Rounding;
import io.bitforge.core.format.NumberFormats;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LutDatapathTest {

    @Test
    void symmetrisedLookupWithReinterpretedIndexEqualsTheFullTable() {
        Random random = new Random(7);
        for (int g : new int[] {2, 4}) {
            long[] a = randomInts(random, g, 1000);
            long[] stored = LutDatapath.table(a, 0, g);
            assertEquals(1 << (g - 1), stored.length);
            for (int index = 0; index < 1 << g; index++) {
                long full = 0;
                for (int j = 0; j < g; j++) {
                    full += ((index >>> j) & 1) == 1 ? a[j] : -a[j];
                }
                assertEquals(full, LutDatapath.lookup(stored, LutDatapath.reinterpret(index, g)), "index " + index);
            }
        }
    }

    @Test
    void everyWeightPatternOfAGroupGivesThePlainDotProduct() {
        // All 2^(4·bits) patterns of one group of four weights, for 1..4-bit weights, against Σ a·w.
        Random random = new Random(8);
        for (int bits = 1; bits <= 4; bits++) {
            long[] a = randomInts(random, 4, 1 << 12);
            float[] small = new float[4];
            for (int j = 0; j < 4; j++) {
                small[j] = random.nextInt(33) - 16;
            }
            int low = -(1 << (bits - 1));
            for (int pattern = 0; pattern < 1 << (4 * bits); pattern++) {
                int[] w = new int[4];
                for (int j = 0; j < 4; j++) {
                    w[j] = ((pattern >>> (j * bits)) & ((1 << bits) - 1)) + low;
                }
                int[] u = LutDatapath.offsetCodes(w, bits);
                long plain = 0;
                float plainSmall = 0;
                for (int j = 0; j < 4; j++) {
                    plain += a[j] * w[j];
                    plainSmall += small[j] * w[j];
                }
                assertEquals(plain, LutDatapath.dotExact(a, u, bits, 4), bits + "-bit pattern " + pattern);
                // Small integer activations keep every FP16 entry and sum exact.
                assertEquals(plainSmall, LutDatapath.dotFp16(small, u, bits, 4), 0.0, "fp16 pattern " + pattern);
            }
        }
    }

    @Test
    void everyTernaryPatternGivesThePlainDotProduct() {
        Random random = new Random(9);
        long[] a = randomInts(random, 4, 1 << 12);
        for (int pattern = 0; pattern < 81; pattern++) {
            int[] w = new int[4];
            int rest = pattern;
            long plain = 0;
            for (int j = 0; j < 4; j++) {
                w[j] = rest % 3 - 1;
                rest /= 3;
                plain += a[j] * w[j];
            }
            assertEquals(plain, LutDatapath.dotExact(a, LutDatapath.offsetCodes(w, 2), 2, 4), "two passes " + pattern);
            assertEquals(plain, LutDatapath.dotTernaryBase3(a, w, 4), "3^g table " + pattern);
        }
    }

    @Test
    void longDotProductsAcrossGroupsAreExact() {
        Random random = new Random(10);
        for (int bits = 1; bits <= 8; bits++) {
            int k = 64;
            long[] a = randomInts(random, k, 1 << 15);
            int[] w = new int[k];
            long plain = 0;
            for (int i = 0; i < k; i++) {
                w[i] = random.nextInt(1 << bits) - (1 << (bits - 1));
                plain += a[i] * w[i];
            }
            assertEquals(plain, LutDatapath.dotExact(a, LutDatapath.offsetCodes(w, bits), bits, 4));
            assertEquals(plain, LutDatapath.dotExact(a, LutDatapath.offsetCodes(w, bits), bits, 2));
        }
    }

    @Test
    void fp16TablesFollowTheDocumentedOrderAndStayWithinItsRounding() {
        Random random = new Random(12);
        int k = 64;
        int bits = 4;
        for (int trial = 0; trial < 50; trial++) {
            float[] a = new float[k];
            int[] w = new int[k];
            double exact = 0;
            for (int i = 0; i < k; i++) {
                a[i] = fp16(random.nextGaussian());
                w[i] = random.nextInt(16) - 8;
                exact += (double) a[i] * w[i];
            }
            int[] u = LutDatapath.offsetCodes(w, bits);
            // Reference in the documented order from the unsymmetrised table (direct index, no reinterpretation).
            float acc = 0f;
            double bound = 0;
            for (int from = 0; from < k; from += 4) {
                for (int b = 0; b < bits; b++) {
                    int index = 0;
                    for (int j = 0; j < 4; j++) {
                        index |= ((u[from + j] >>> b) & 1) << j;
                    }
                    float sum = 0f;
                    for (int j = 0; j < 4; j++) {
                        sum += ((index >>> j) & 1) == 1 ? a[from + j] : -a[from + j];
                    }
                    float entry = fp16(sum);
                    bound += Math.scalb(Math.abs(sum), b - 11);
                    acc = fp16(acc + Math.scalb(entry, b));
                    bound += Math.abs(acc) * 0x1p-11;
                }
                float sum = 0f;
                for (int j = 0; j < 4; j++) {
                    sum -= a[from + j];
                }
                bound += Math.abs(sum) * 0x1p-11;
                acc = fp16(acc + fp16(sum));
                bound += Math.abs(acc) * 0x1p-11;
            }
            float y = LutDatapath.dotFp16(a, u, bits, 4);
            assertEquals(acc / 2, y, 0.0);
            // Each rounding is at most half an FP16 ulp (2^-11 relative); the final halving is exact.
            assertTrue(Math.abs(y - exact) <= bound / 2 + 1e-6, y + " vs " + exact + " bound " + bound / 2);
        }
    }

    @Test
    void int8TablesStayWithinTheirQuantisationError() {
        Random random = new Random(13);
        int k = 128;
        int bits = 2;
        for (int trial = 0; trial < 50; trial++) {
            float[] a = new float[k];
            int[] w = new int[k];
            double exact = 0;
            for (int i = 0; i < k; i++) {
                a[i] = (float) random.nextGaussian();
                w[i] = random.nextInt(4) - 2;
                exact += (double) a[i] * w[i];
            }
            float y = LutDatapath.dotInt8(a, LutDatapath.offsetCodes(w, bits), bits, 4, 64);
            // Per scale group: 16 tables, each read for planes 1 + 2 plus the offset entry, each entry off by at
            // most scale/2; the doubled sum is halved. Scale = max|T| / 127 <= Σ|a| of the group's four / 127.
            double bound = 0;
            for (int start = 0; start < k; start += 64) {
                double max = 0;
                for (int t = start; t < start + 64; t += 4) {
                    max = Math.max(max, Math.abs(a[t]) + Math.abs(a[t + 1]) + Math.abs(a[t + 2]) + Math.abs(a[t + 3]));
                }
                bound += 16 * (1 + 2 + 1) * (max / 127 / 2) / 2;
            }
            assertTrue(Math.abs(y - exact) <= bound * 1.001 + 1e-5, y + " vs " + exact + " bound " + bound);
        }
    }

    private static long[] randomInts(Random random, int size, int limit) {
        long[] values = new long[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextInt(2 * limit + 1) - limit;
        }
        return values;
    }

    private static float fp16(double value) {
        return (float) NumberFormats.FP16.decode(NumberFormats.FP16.encode(value, Rounding.HALF_EVEN));
    }
}
