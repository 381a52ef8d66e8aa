package io.bitforge.pe.bitfusion;

import io.bitforge.core.arith.Rounding;
import io.bitforge.core.format.NumberFormat;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.quant.GroupLayout;
import io.bitforge.core.quant.Granularity;
import io.bitforge.core.quant.QuantizedTensor;
import io.bitforge.core.quant.Quantizer;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AntWeightOnlyTileTest {

    /**
     * By hand: activations 1.5 and -2.0 (FP16) against flint4 weights 16 (code 0111) and 6 (code 0101) with channel
     * scale 0.25: 1.5*16 - 2*6 = 12, times 0.25 = 3, exactly representable in FP16 (0x4200).
     */
    @Test
    void workedExample() {
        QuantizedTensor weights = new QuantizedTensor(NumberFormats.FLINT4, new GroupLayout(Granularity.CHANNEL, 1,
                2, 0), new short[] {0b0111, 0b0101}, new double[] {0.25}, new double[0], new byte[0], 16,
                Rounding.HALF_DOWN_TOWARD_LOWER);
        int[] activations = {NumberFormats.FP16.encode(1.5), NumberFormats.FP16.encode(-2.0)};
        int[] out = new AntWeightOnlyTile(new AntWeightOnlyParams(OperandType.FLINT, 4, 4, 1)).gemm(activations, 1,
                weights);
        assertEquals(0x4200, out[0]);
    }

    /**
     * Random tiles against an independent implementation of the documented reference: each weight's value from the
     * format's own decode (not ANT's exponent-integer decoder), FP16 activations from the FP16 format, products and
     * K-ordered sums in FP32, one FP32 scale multiply, round to FP16.
     */
    @Test
    void randomTilesEqualTheFp16Reference() {
        Random random = new Random(5521);
        AntWeightOnlyParams[] configurations = {new AntWeightOnlyParams(OperandType.INT, 4, 4, 1),
                new AntWeightOnlyParams(OperandType.FLINT, 4, 4, 1), new AntWeightOnlyParams(OperandType.INT, 8, 8, 1)};
        for (AntWeightOnlyParams params : configurations) {
            NumberFormat format = NumberFormats.parse(params.weightFormat());
            for (int trial = 0; trial < 40; trial++) {
                int m = 1 + random.nextInt(4);
                int k = 1 + random.nextInt(96);
                int n = 1 + random.nextInt(4);
                float[] w = new float[n * k];
                for (int i = 0; i < w.length; i++) {
                    w[i] = (float) random.nextGaussian();
                }
                QuantizedTensor weights = Quantizer.builder(format).granularity(Granularity.CHANNEL).build()
                        .quantize(w, n, k);
                int[] activations = new int[m * k];
                for (int i = 0; i < activations.length; i++) {
                    activations[i] = NumberFormats.FP16.encode(random.nextGaussian() * 4);
                }
                int[] out = new AntWeightOnlyTile(params).gemm(activations, m, weights);
                for (int row = 0; row < m; row++) {
                    for (int col = 0; col < n; col++) {
                        float acc = 0f;
                        for (int i = 0; i < k; i++) {
                            float a = (float) NumberFormats.FP16.decode(activations[row * k + i]);
                            float value = (float) ((io.bitforge.core.format.ElementFormat) format)
                                    .decode(weights.code(col * k + i));
                            acc += a * value;
                        }
                        int expected = NumberFormats.FP16.encode(acc * (float) weights.scales()[col]);
                        assertEquals(expected, out[row * n + col], params.weightFormat() + " trial " + trial);
                    }
                }
            }
        }
    }
}
