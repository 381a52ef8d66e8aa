package io.bitforge.pe.shiftadd;

import io.bitforge.core.arith.Rounding;
import io.bitforge.core.format.IntFormat;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.quant.Granularity;
import io.bitforge.core.quant.GroupLayout;
import io.bitforge.core.quant.QuantizedTensor;
import io.bitforge.core.quant.Quantizer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MixPeDatapathTest {

    @Test
    void shiftAddEqualsTheProductForEveryWeightAndInt8Activation() {
        for (int bits = 2; bits <= 4; bits++) {
            for (int a = -128; a <= 127; a++) {
                for (int q = -(1 << (bits - 1)); q < (1 << (bits - 1)); q++) {
                    assertEquals((long) q * a, MixPeDatapath.shiftAddProduct(q, bits, true, a), q + "*" + a);
                }
                for (int u = 0; u < (1 << bits); u++) {
                    assertEquals((long) u * a, MixPeDatapath.shiftAddProduct(u, bits, false, a), u + "*" + a);
                }
            }
        }
    }

    @Test
    void w4a8GroupSumsAreExactAndDequantisationFollowsTheDocumentedOrder() {
        Random random = new Random(11);
        int n = 7;
        int k = 256;
        for (int groupSize : new int[] {16, 128}) {
            for (boolean symmetric : new boolean[] {true, false}) {
                QuantizedTensor w = Quantizer.builder(NumberFormats.parse(symmetric ? "int4" : "uint4"))
                        .groupSize(groupSize).symmetric(symmetric).build().quantize(gaussian(random, n * k), n, k);
                int[] a = new int[k];
                for (int i = 0; i < k; i++) {
                    a[i] = random.nextInt(256) - 128;
                }
                MixPeDatapath.Result result = MixPeDatapath.w4a8(a, w);
                int groups = k / groupSize;
                IntFormat format = (IntFormat) w.format();
                for (int row = 0; row < n; row++) {
                    float y = 0f;
                    BigDecimal exact = BigDecimal.ZERO;
                    double magnitude = 0;
                    for (int g = 0; g < groups; g++) {
                        long p = 0;
                        long s = 0;
                        for (int j = 0; j < groupSize; j++) {
                            int col = g * groupSize + j;
                            p += (long) format.decode(w.code(row * k + col)) * a[col];
                            s += a[col];
                        }
                        assertEquals(p, result.groupSums()[row][g], "integer group sum");
                        assertEquals(s, result.activationGroupSums()[g], "shared activation sum");
                        // Reference dequantisation, same order: FP16 scale, exact integer t, FP32 multiply and add.
                        double z = w.zeroPoints().length == 0 ? 0 : w.zeroPoints()[row * groups + g];
                        float scale = fp16(w.scales()[row * groups + g]);
                        long t = p - (long) z * s;
                        y = y + scale * (float) t;
                        exact = exact.add(new BigDecimal(scale).multiply(BigDecimal.valueOf(t)));
                        magnitude += Math.abs((double) scale * t);
                    }
                    assertEquals(y, result.outputs()[row], "row " + row);
                    // Against the exact rational: FP32 rounding of groups products and sums only.
                    double bound = (groups + 1) * Math.ulp(1f) * magnitude;
                    assertTrue(Math.abs(result.outputs()[row] - exact.doubleValue()) <= bound);
                }
            }
        }
    }

    @Test
    void w4a8WithPowerOfTwoScalesEqualsTheExactRationalResult() {
        // Scales 2^-e and integer zero points make every FP32 step exact, so the output is the rational value.
        Random random = new Random(5);
        int n = 4;
        int k = 64;
        int groupSize = 16;
        GroupLayout layout = new GroupLayout(Granularity.GROUP, n, k, groupSize);
        short[] codes = new short[n * k];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (short) random.nextInt(16);
        }
        double[] scales = new double[layout.groupCount()];
        double[] zeros = new double[layout.groupCount()];
        for (int g = 0; g < scales.length; g++) {
            scales[g] = Math.scalb(1.0, -random.nextInt(8));
            zeros[g] = random.nextInt(16);
        }
        QuantizedTensor w = new QuantizedTensor(IntFormat.unsigned(4), layout, codes, scales, zeros, new byte[0], 20,
                Rounding.HALF_EVEN);
        int[] a = new int[k];
        for (int i = 0; i < k; i++) {
            a[i] = random.nextInt(256) - 128;
        }
        float[] y = MixPeDatapath.w4a8(a, w).outputs();
        for (int row = 0; row < n; row++) {
            BigDecimal exact = BigDecimal.ZERO;
            for (int col = 0; col < k; col++) {
                int g = row * (k / groupSize) + col / groupSize;
                BigDecimal weight = new BigDecimal(scales[g]).multiply(BigDecimal.valueOf(codes[row * k + col]
                        - (long) zeros[g]));
                exact = exact.add(weight.multiply(BigDecimal.valueOf(a[col])));
            }
            assertEquals(0, exact.compareTo(new BigDecimal(y[row])), "row " + row + ": " + exact + " vs " + y[row]);
        }
    }

    @Test
    void w4a16FollowsTheDocumentedFp32Order() {
        Random random = new Random(3);
        int n = 6;
        int k = 256;
        int groupSize = 64;
        QuantizedTensor w = Quantizer.builder(NumberFormats.parse("int4")).groupSize(groupSize).symmetric(false)
                .build().quantize(gaussian(random, n * k), n, k);
        float[] a = new float[k];
        for (int i = 0; i < k; i++) {
            a[i] = fp16((float) (random.nextGaussian() * Math.scalb(1.0, random.nextInt(10) - 5)));
        }
        MixPeDatapath.Result result = MixPeDatapath.w4a16(a, w);
        IntFormat format = (IntFormat) w.format();
        int groups = k / groupSize;
        for (int row = 0; row < n; row++) {
            float y = 0f;
            for (int g = 0; g < groups; g++) {
                float p = 0f;
                float s = 0f;
                for (int j = 0; j < groupSize; j++) {
                    int col = g * groupSize + j;
                    int q = (int) format.decode(w.code(row * k + col));
                    // A plain multiply: exact in FP32 (11 + 4 significant bits), unlike the shift-add path's adds.
                    p += q * a[col];
                    s += a[col];
                    assertEquals((double) q * a[col], MixPeDatapath.shiftAddProduct(q, 4, true, a[col]), 0.0); // ±0 alike
                }
                assertEquals(p, (float) result.groupSums()[row][g]);
                assertEquals(s, (float) result.activationGroupSums()[g]);
                float zero = (float) w.zeroPoints()[row * groups + g];
                y += fp16(w.scales()[row * groups + g]) * (p - zero * s);
            }
            assertEquals(y, result.outputs()[row], "row " + row);
        }
    }

    @Test
    void rejectsWhatTheDatapathCannotTake() {
        QuantizedTensor int8 = Quantizer.builder(NumberFormats.parse("int8")).groupSize(8).build()
                .quantize(new float[16], 1, 16);
        assertThrows(IllegalArgumentException.class, () -> MixPeDatapath.w4a8(new int[16], int8));
        QuantizedTensor int4 = Quantizer.builder(NumberFormats.parse("int4")).groupSize(8).build()
                .quantize(new float[16], 1, 16);
        assertThrows(IllegalArgumentException.class, () -> MixPeDatapath.w4a8(new int[] {200, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0}, int4));
        float[] notFp16 = new float[16];
        notFp16[0] = 1.0001f;
        assertThrows(IllegalArgumentException.class, () -> MixPeDatapath.w4a16(notFp16, int4));
    }

    private static float fp16(double value) {
        return (float) NumberFormats.FP16.decode(NumberFormats.FP16.encode(value, Rounding.HALF_EVEN));
    }

    private static float[] gaussian(Random random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
