package io.bitforge.pe.ovp;

import io.bitforge.core.format.OvpFormat;
import io.bitforge.core.quant.Granularity;
import io.bitforge.core.quant.QuantizedTensor;
import io.bitforge.core.quant.Quantizer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Random quantised W4A4 tiles equal the exact reference built from the formats' own pair decode. */
class OvpW4a4Properties {

    @Provide
    Arbitrary<OvpFormat.Normal> normals() {
        return Arbitraries.of(OvpFormat.Normal.values());
    }

    @Property(tries = 200)
    void tilesEqualTheExactReference(@ForAll("normals") OvpFormat.Normal weightNormal,
                                     @ForAll("normals") OvpFormat.Normal activationNormal,
                                     @ForAll @IntRange(min = 1, max = 4) int m,
                                     @ForAll @IntRange(min = 1, max = 40) int halfK,
                                     @ForAll @IntRange(min = 1, max = 4) int n, @ForAll long seed) {
        int k = 2 * halfK;
        OvpParams params = OvpParams.w4a4(weightNormal, activationNormal);
        OvpW4a4Tile tile = new OvpW4a4Tile(params);
        Random random = new Random(seed);
        QuantizedTensor activations = Quantizer.builder(params.activationFormat()).granularity(Granularity.TENSOR)
                .build().quantize(heavyTailed(m * k, random), m, k);
        QuantizedTensor weights = Quantizer.builder(params.weightFormat()).granularity(Granularity.CHANNEL).build()
                .quantize(heavyTailed(n * k, random), n, k);
        long[] acc = tile.accumulate(OvpW4a4Tile.codes(activations), OvpW4a4Tile.codes(weights), m, k, n);
        double[] out = tile.gemm(activations, weights);
        float[] aValues = activations.dequantize();
        float[] wValues = weights.dequantize();
        for (int row = 0; row < m; row++) {
            for (int col = 0; col < n; col++) {
                // Reference: the format's table decode of each pair, exact integer products, exact sum.
                long expected = 0;
                double dequantised = 0;
                double magnitude = 0;
                for (int i = 0; i < k; i += 2) {
                    double[] a = params.activationFormat().decodePair(pairCode(activations, row * k + i));
                    double[] w = params.weightFormat().decodePair(pairCode(weights, col * k + i));
                    expected += (long) (a[0] * w[0]) + (long) (a[1] * w[1]);
                }
                for (int i = 0; i < k; i++) {
                    double term = (double) aValues[row * k + i] * wValues[col * k + i];
                    dequantised += term;
                    magnitude += Math.abs(term);
                }
                assertEquals(expected, acc[row * n + col]);
                double scaled = activations.scales()[0] * weights.scales()[col] * expected;
                assertEquals(scaled, out[row * n + col]);
                // The float dequantised tensors agree up to their float rounding.
                assertEquals(dequantised, out[row * n + col], 1e-6 * magnitude + 1e-12);
            }
        }
    }

    private static int pairCode(QuantizedTensor tensor, int index) {
        return tensor.code(index) | tensor.code(index + 1) << tensor.format().bits();
    }

    /** Gaussian values with about 3% spikes of 5-20 sigma, so that outlier pairs occur. */
    static float[] heavyTailed(int count, Random random) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            double v = random.nextGaussian();
            if (random.nextInt(32) == 0) {
                v *= 5 + 15 * random.nextDouble();
            }
            values[i] = (float) v;
        }
        return values;
    }
}
