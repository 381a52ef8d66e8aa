package io.bitforge.pe.reram;

import java.util.OptionalDouble;

/** Small parameter sets for the reram tests. */
final class ReramTestParams {
    private ReramTestParams() {
    }

    static ReramParams of(int crossbarRows, int crossbarCols, int cellBits, int weightBits, SignedWeights signed,
                          boolean flip, int dacBits, int inputBits, int parallelRows, int adcBits, AdcScheme scheme) {
        return new ReramParams(crossbarRows, crossbarCols, cellBits, weightBits, signed, flip, dacBits, inputBits,
                parallelRows, 1, adcBits, false, scheme, Math.max(0, adcBits / 2), Math.max(0, adcBits / 2 - 1), false,
                OptionalDouble.empty(), 0.5, 1e5, 1.7e6, 10, 0, 1, 10, 100);
    }
}
