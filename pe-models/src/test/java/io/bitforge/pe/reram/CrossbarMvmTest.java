package io.bitforge.pe.reram;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrossbarMvmTest {
    private static final List<AdcScheme> ALL = List.of(AdcScheme.FULL, AdcScheme.SKIP, AdcScheme.TWO_INTERVAL);

    /** An integer dot product written independently of the model: y_n = Σ_k x_k·w_kn. */
    private static double[] dot(int[][] w, long[] x) {
        double[] y = new double[w[0].length];
        for (int n = 0; n < y.length; n++) {
            long sum = 0;
            for (int k = 0; k < x.length; k++) {
                sum += x[k] * w[k][n];
            }
            y[n] = sum;
        }
        return y;
    }

    private static int[][] randomWeights(Random random, int rows, int cols, int bits, SignedWeights signed) {
        int max = (1 << (bits - 1)) - 1;
        int min = signed == SignedWeights.OFFSET ? -max - 1 : -max;
        int[][] w = new int[rows][cols];
        for (int k = 0; k < rows; k++) {
            for (int n = 0; n < cols; n++) {
                w[k][n] = min + random.nextInt(max - min + 1);
            }
        }
        return w;
    }

    private static long[] randomInputs(Random random, int rows, int bits) {
        long[] x = new long[rows];
        for (int k = 0; k < rows; k++) {
            x[k] = random.nextInt(1 << bits);
        }
        return x;
    }

    @Test
    void fullConversionAtRequiredBitsEqualsTheIntegerDotProduct() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            SignedWeights signed = random.nextBoolean() ? SignedWeights.POS_NEG : SignedWeights.OFFSET;
            boolean flip = random.nextBoolean();
            int cellBits = 1 + random.nextInt(3);
            int dacBits = 1 + random.nextInt(2);
            int weightBits = 2 + random.nextInt(7);
            int inputBits = 1 + random.nextInt(6);
            int crossbarRows = 1 + random.nextInt(12);
            int parallelRows = 1 + random.nextInt(crossbarRows);
            int rows = 1 + random.nextInt(30);
            int cols = 1 + random.nextInt(5);
            ReramParams probe = ReramTestParams.of(crossbarRows, 64, cellBits, weightBits, signed, flip, dacBits,
                    inputBits, parallelRows, 16, AdcScheme.FULL);
            ReramParams p = ReramTestParams.of(crossbarRows, 64, cellBits, weightBits, signed, flip, dacBits,
                    inputBits, parallelRows, probe.requiredAdcBits(), AdcScheme.FULL);
            int[][] w = randomWeights(random, rows, cols, weightBits, signed);
            long[] x = randomInputs(random, rows, inputBits);
            CrossbarMvm.Result r = new CrossbarMvm(p, w).run(x, ALL);
            String where = "trial " + trial + " " + p;
            assertArrayEquals(dot(w, x), r.outputs()[0], 0.0, where);
            assertArrayEquals(dot(w, x), r.outputs()[1], 0.0, "skip is lossless: " + where);
        }
    }

    @Test
    void skipEqualsFullEvenWhenTheAdcSaturates() {
        Random random = new Random(11);
        for (int trial = 0; trial < 100; trial++) {
            int adcBits = 1 + random.nextInt(6);
            // 16 rows of 2-bit cells with 1-bit inputs need 6 bits; fewer saturate both schemes alike
            ReramParams p = ReramTestParams.of(16, 64, 2, 6, SignedWeights.POS_NEG, random.nextBoolean(), 1, 4, 16,
                    adcBits, AdcScheme.FULL);
            int[][] w = randomWeights(random, 16, 3, 6, SignedWeights.POS_NEG);
            long[] x = randomInputs(random, 16, 4);
            CrossbarMvm.Result r = new CrossbarMvm(p, w).run(x, ALL);
            assertArrayEquals(r.outputs()[0], r.outputs()[1], 0.0);
            assertTrue(r.comparatorCycles()[1] <= r.comparatorCycles()[0]);
        }
    }

    @Test
    void skippingCyclesAndEnergyRatioByHand() {
        // pos-neg, 3-bit weights -> 2 magnitude bits in one 2-bit cell column per array. Four rows, all positive:
        // the positive column holds 1+2+2+0 = 5, the negative column 0. With 1-bit inputs the column maxima are
        // 5 (3 bits -> 3 + 1 = 4 cycles) and 0 (0 bits -> 1 sampling cycle). An 8-bit SAR always spends 9.
        ReramParams p = ReramTestParams.of(4, 8, 2, 3, SignedWeights.POS_NEG, false, 1, 1, 4, 8, AdcScheme.FULL);
        int[][] w = {{1}, {2}, {2}, {0}};
        AdcStudy.Result study = AdcStudy.run(p, w, new long[][] {{1, 1, 0, 1}}, io.bitforge.core.tech.TechNode.N22);
        AdcStudy.SchemeResult full = study.schemes().get(0);
        AdcStudy.SchemeResult skip = study.schemes().get(1);
        assertEquals(9.0, full.meanComparatorCycles(), 0.0);
        assertEquals((4 + 1) / 2.0, skip.meanComparatorCycles(), 0.0);
        // (N+1)/(N_eff+1) averaged: 9 / 2.5 = 3.6, the same ratio in NeuroSim energy (constant power per cycle)
        assertEquals(3.6, skip.energyReduction(), 1e-12);
        assertEquals(3.6, full.picojoulesPerConversion() / skip.picojoulesPerConversion(), 1e-12);
        assertEquals(2.5, study.offlineSkipCycles(), 0.0);
        // inputs 1,1,0,1 -> 1 + 2 + 0 = 3 exactly
        assertEquals(Double.POSITIVE_INFINITY, skip.sqnrDecibels());
    }

    @Test
    void conductanceVariationIsSeededAndPerturbsTheOutput() {
        Random random = new Random(3);
        ReramParams ideal = ReramTestParams.of(32, 64, 2, 8, SignedWeights.OFFSET, false, 1, 4, 32, 8,
                AdcScheme.FULL);
        ReramParams noisy = new ReramParams(32, 64, 2, 8, SignedWeights.OFFSET, false, 1, 4, 32, 1, 8, false,
                AdcScheme.FULL, 4, 3, false, java.util.OptionalDouble.empty(), 0.5, 1e5, 1.7e6, 10, 0.05, 42, 10, 100);
        int[][] w = randomWeights(random, 32, 4, 8, SignedWeights.OFFSET);
        long[] x = randomInputs(random, 32, 4);
        double[] exact = new CrossbarMvm(ideal, w).run(x, ALL).outputs()[0];
        double[] a = new CrossbarMvm(noisy, w).run(x, ALL).outputs()[0];
        double[] b = new CrossbarMvm(noisy, w).run(x, ALL).outputs()[0];
        assertArrayEquals(a, b, 0.0, "same seed, same result");
        assertTrue(!java.util.Arrays.equals(exact, a), "5% variation changes some output");
    }
}
