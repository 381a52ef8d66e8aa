package io.bitforge.pe.ovp;

import io.bitforge.core.arith.Rounding;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.format.OvpFormat;
import io.bitforge.core.quant.GroupLayout;
import io.bitforge.core.quant.Granularity;
import io.bitforge.core.quant.QuantizedTensor;
import io.bitforge.core.quant.Quantizer;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OvpWeightOnlyTest {

    /**
     * By hand: activations 1.5 and 2.0 (FP16) against one weight pair {96, victim 0} (codes 0111, 1000) with
     * channel scale 0.5: 1.5*96 + 2*0 = 144, times 0.5 = 72, exactly representable in FP16 (0x5480).
     */
    @Test
    void workedExample() {
        QuantizedTensor weights = new QuantizedTensor(NumberFormats.OVP_INT4, new GroupLayout(Granularity.CHANNEL,
                1, 2, 0), new short[] {0b0111, 0b1000}, new double[] {0.5}, new double[0], new byte[0], 16,
                Rounding.HALF_DOWN_TOWARD_LOWER);
        int[] activations = {NumberFormats.FP16.encode(1.5), NumberFormats.FP16.encode(2.0)};
        int[] out = tile(OvpFormat.Normal.INT4).gemm(activations, 1, weights);
        assertEquals(0x5480, out[0]);
        assertEquals(72.0, NumberFormats.FP16.decode(out[0]));
    }

    /**
     * Random tiles against an independent implementation of the documented FP16 reference: weights from the
     * format's own pair decode, FP16 activations from the FP16 format, products and K-ordered sums in FP32,
     * one FP32 scale multiply, round to FP16.
     */
    @Test
    void randomTilesEqualTheFp16Reference() {
        Random random = new Random(20260);
        for (OvpFormat.Normal normal : OvpFormat.Normal.values()) {
            OvpFormat format = (OvpFormat) NumberFormats.parse(normal.id());
            for (int trial = 0; trial < 40; trial++) {
                int m = 1 + random.nextInt(4);
                int k = 2 * (1 + random.nextInt(64));
                int n = 1 + random.nextInt(4);
                float[] w = new float[n * k];
                for (int i = 0; i < w.length; i++) {
                    w[i] = (float) (random.nextGaussian() * (random.nextInt(32) == 0 ? 12 : 1));
                }
                QuantizedTensor weights = Quantizer.builder(format).granularity(Granularity.CHANNEL).build()
                        .quantize(w, n, k);
                int[] activations = new int[m * k];
                for (int i = 0; i < activations.length; i++) {
                    activations[i] = NumberFormats.FP16.encode(random.nextGaussian() * 4);
                }
                int[] out = tile(normal).gemm(activations, m, weights);
                for (int row = 0; row < m; row++) {
                    for (int col = 0; col < n; col++) {
                        float acc = 0f;
                        for (int i = 0; i < k; i += 2) {
                            double[] pair = format.decodePair(weights.code(col * k + i)
                                    | weights.code(col * k + i + 1) << format.bits());
                            for (int j = 0; j < 2; j++) {
                                float a = (float) NumberFormats.FP16.decode(activations[row * k + i + j]);
                                acc += a * (float) pair[j];
                            }
                        }
                        int expected = NumberFormats.FP16.encode(acc * (float) weights.scales()[col]);
                        assertEquals(expected, out[row * n + col], normal + " trial " + trial);
                    }
                }
            }
        }
    }

    private static OvpWeightOnlyTile tile(OvpFormat.Normal normal) {
        return new OvpWeightOnlyTile(OvpParams.weightOnly(normal, normal.bits()));
    }
}
