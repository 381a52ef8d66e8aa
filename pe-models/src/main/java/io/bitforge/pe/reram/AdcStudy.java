package io.bitforge.pe.reram;

import io.bitforge.core.tech.TechNode;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

import java.util.ArrayList;
import java.util.List;

/**
 * What the ADC schemes do on one weight matrix: the matrix {@code W[outputs][inputs]} is quantised per output
 * channel to signed {@code weightBits} integers and programmed into crossbars ({@link CrossbarMvm}); seeded
 * activation vectors ({@code |N(0,1)|} clipped at 4σ, quantised to unsigned {@code inputBits}) are multiplied under
 * every scheme. Per scheme: mean comparator cycles per conversion, the ADC energy reduction against full
 * conversion ({@code (N+1)/mean}, NeuroSim's fit having constant power per cycle), and the SQNR of the outputs
 * against the exact integer product (so only the readout's error is measured, not the weights' quantisation).
 */
public final class AdcStudy {
    /** Activations are clipped at this many standard deviations before quantisation. */
    static final double CLIP_SIGMAS = 4.0;

    private AdcStudy() {
    }

    /** Result of one scheme. */
    public record SchemeResult(AdcScheme scheme, double meanComparatorCycles, double energyReduction,
                               double sqnrDecibels, double maxAbsError, double picojoulesPerConversion) {
    }

    /** Result of a study. */
    public record Result(int requiredAdcBits, int adcBits, long conversions, double offlineSkipCycles,
                         List<SchemeResult> schemes) {
    }

    /** Quantises {@code W[n][k]} (row-major, {@code outputs × inputs}) per output row to stored integers w[k][n]. */
    public static int[][] quantiseWeights(ReramParams p, float[] values, int outputs, int inputs) {
        int limit = (1 << (p.weightBits() - 1)) - 1;
        int[][] w = new int[inputs][outputs];
        for (int n = 0; n < outputs; n++) {
            double max = 0;
            for (int k = 0; k < inputs; k++) {
                max = Math.max(max, Math.abs(values[n * inputs + k]));
            }
            double scale = max == 0 ? 1 : max / limit;
            for (int k = 0; k < inputs; k++) {
                long q = Math.round(values[n * inputs + k] / scale);
                w[k][n] = (int) Math.max(-limit, Math.min(limit, q));
            }
        }
        return w;
    }

    /** Seeded unsigned activation vectors. */
    public static long[][] activations(ReramParams p, int inputs, int tokens, long seed) {
        RandomGenerator random = new Well19937c(seed);
        long max = (1L << p.inputBits()) - 1;
        long[][] x = new long[tokens][inputs];
        for (int t = 0; t < tokens; t++) {
            for (int k = 0; k < inputs; k++) {
                double z = Math.abs(random.nextGaussian());
                x[t][k] = Math.min(max, Math.round(z / CLIP_SIGMAS * max));
            }
        }
        return x;
    }

    public static Result run(ReramParams p, int[][] weights, long[][] inputs, TechNode node) {
        List<AdcScheme> schemes = List.of(AdcScheme.FULL, AdcScheme.SKIP, AdcScheme.TWO_INTERVAL);
        CrossbarMvm mvm = new CrossbarMvm(p, weights);
        int outputs = mvm.outputs();
        double[] signal = new double[schemes.size()];
        double[] noise = new double[schemes.size()];
        double[] maxError = new double[schemes.size()];
        long[] cycles = new long[schemes.size()];
        long conversions = 0;
        for (long[] x : inputs) {
            CrossbarMvm.Result r = mvm.run(x, schemes);
            conversions += r.conversions();
            long[] exact = exactProduct(weights, x);
            for (int i = 0; i < schemes.size(); i++) {
                cycles[i] += r.comparatorCycles()[i];
                for (int n = 0; n < outputs; n++) {
                    double e = r.outputs()[i][n] - exact[n];
                    signal[i] += (double) exact[n] * exact[n];
                    noise[i] += e * e;
                    maxError[i] = Math.max(maxError[i], Math.abs(e));
                }
            }
        }
        double gMean = (1 / p.onResistanceOhms() + 1 / p.offResistanceOhms()) / 2;
        double columnOhms = 1.0 / (p.parallelRows() * ReramCost.INPUT_ACTIVITY * gMean);
        List<SchemeResult> out = new ArrayList<>();
        for (int i = 0; i < schemes.size(); i++) {
            double mean = conversions == 0 ? 0 : (double) cycles[i] / conversions;
            double sqnr = noise[i] == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(signal[i] / noise[i]);
            out.add(new SchemeResult(schemes.get(i), mean, mean == 0 ? 0 : p.fullConversionCycles() / mean, sqnr,
                    maxError[i], NeuroSimSarFit.picojoulesPerConversion(node, p.adcBits(), columnOhms,
                    p.readVoltage(), mean)));
        }
        return new Result(p.requiredAdcBits(), p.adcBits(), conversions, offlineSkipCycles(mvm, p), out);
    }

    /**
     * Mean comparator cycles of skipping computed from the stored weights alone: the mean over (partition, cell
     * column) of {@code N_eff + 1}; every input cycle converts each once, so this is what the engine may use.
     */
    public static double offlineSkipCycles(CrossbarMvm mvm, ReramParams p) {
        SarAdc adc = new SarAdc(p);
        int columns = mvm.outputs() * p.columnsPerWeight();
        double sum = 0;
        for (int part = 0; part < mvm.partitions(); part++) {
            for (int c = 0; c < columns; c++) {
                sum += adc.effectiveBits(mvm.codeMax(part, c)) + 1;
            }
        }
        return columns == 0 ? 0 : sum / ((double) columns * mvm.partitions());
    }

    /** The exact integer product {@code y_n = Σ_k x_k·w[k][n]}. */
    public static long[] exactProduct(int[][] weights, long[] x) {
        int outputs = weights.length == 0 ? 0 : weights[0].length;
        long[] y = new long[outputs];
        for (int k = 0; k < weights.length; k++) {
            for (int n = 0; n < outputs; n++) {
                y[n] += x[k] * weights[k][n];
            }
        }
        return y;
    }
}
