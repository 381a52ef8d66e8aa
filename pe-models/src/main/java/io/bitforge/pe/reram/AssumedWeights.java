package io.bitforge.pe.reram;

import io.bitforge.core.tech.TechNode;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

import java.util.OptionalDouble;

/**
 * The comparator cycles per conversion the engine uses for {@code skip} and {@code two-interval} when the spec
 * gives no {@code expectedComparatorCycles}: {@link AdcStudy} run on one crossbar of assumed weights, as
 * {@code bitforge adc-study} runs it on real ones. Zoo models carry no weights, so the assumption is stated: weights
 * drawn from N(0, 1) (seed {@value #SEED}), quantised per output channel to the family's signed width, filling one
 * crossbar ({@code crossbarRows} inputs × the weights a crossbar holds); activations as the study draws them,
 * {@code |N(0,1)|} clipped at 4σ, {@value #TOKENS} vectors. A user's measured figure overrides it.
 */
final class AssumedWeights {
    static final long SEED = 20240325L;
    static final int TOKENS = 8;

    private AssumedWeights() {
    }

    /** One crossbar of assumed weights, {@code w[input][output]}. */
    static int[][] weights(ReramParams p) {
        int inputs = p.crossbarRows();
        int outputs = Math.max(1, p.crossbarCols() / p.columnsPerWeight());
        RandomGenerator random = new Well19937c(SEED);
        float[] values = new float[outputs * inputs];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return AdcStudy.quantiseWeights(p, values, outputs, inputs);
    }

    /** Mean comparator cycles of the params' scheme on the assumed weights; empty for full conversion. */
    static OptionalDouble comparatorCycles(ReramParams p) {
        if (p.adcScheme() == AdcScheme.FULL) {
            return OptionalDouble.empty();
        }
        int[][] weights = weights(p);
        long[][] activations = AdcStudy.activations(p, p.crossbarRows(), TOKENS, SEED);
        AdcStudy.Result result = AdcStudy.run(p, weights, activations, TechNode.N22);
        return result.schemes().stream().filter(s -> s.scheme() == p.adcScheme())
                .mapToDouble(AdcStudy.SchemeResult::meanComparatorCycles).findFirst();
    }
}
