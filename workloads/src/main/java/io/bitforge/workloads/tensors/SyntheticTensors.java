package io.bitforge.workloads.tensors;

import org.apache.commons.math3.random.RandomDataGenerator;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

import java.util.Arrays;

/**
 * Seeded synthetic weight matrices [rows = output channels, cols = input channels], generated with Commons Math's
 * Well19937c so the same seed gives the same values on every machine.
 * <ul>
 *   <li>{@code gaussian}: i.i.d. N(0, σ²) with σ = {@value #WEIGHT_STD} (an estimate of a typical LLM linear
 *       layer's weight spread; the error figures in dB do not depend on it).</li>
 *   <li>{@code llm-outliers}: the same, with a fraction of input channels (default 0.5%, about 20 of 4096) scaled
 *       by a ratio (default 20×) — the channel-wise outlier structure LLM.int8() (Dettmers et al., 2022) finds in
 *       activations, which SmoothQuant (Xiao et al., 2023) migrates into the weights' input channels.</li>
 * </ul>
 */
public final class SyntheticTensors {
    /** Standard deviation of the generated weights (estimate). */
    public static final double WEIGHT_STD = 0.02;
    public static final double DEFAULT_OUTLIER_FRACTION = 0.005;
    public static final double DEFAULT_OUTLIER_RATIO = 20.0;

    private SyntheticTensors() {
    }

    /** i.i.d. Gaussian weights, row-major. */
    public static float[] gaussian(int rows, int cols, long seed) {
        checkShape(rows, cols);
        RandomGenerator random = new Well19937c(seed);
        float[] w = new float[rows * cols];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (WEIGHT_STD * random.nextGaussian());
        }
        return w;
    }

    /** Gaussian weights whose {@link #outlierChannels outlier input channels} are scaled by {@code ratio}. */
    public static float[] llmOutliers(int rows, int cols, long seed, double fraction, double ratio) {
        float[] w = gaussian(rows, cols, seed);
        for (int c : outlierChannels(cols, seed, fraction)) {
            for (int r = 0; r < rows; r++) {
                w[r * cols + c] *= (float) ratio;
            }
        }
        return w;
    }

    /**
     * The outlier input channels: round(fraction·cols) of them (at least one when the fraction is positive),
     * drawn without replacement from a generator seeded apart from the values, sorted.
     */
    public static int[] outlierChannels(int cols, long seed, double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("outlier fraction must be 0..1, got " + fraction);
        }
        int count = fraction == 0 ? 0 : (int) Math.max(1, Math.round(fraction * cols));
        if (count == 0) {
            return new int[0];
        }
        RandomDataGenerator random = new RandomDataGenerator(new Well19937c(~seed));
        int[] channels = random.nextPermutation(cols, count);
        Arrays.sort(channels);
        return channels;
    }

    private static void checkShape(int rows, int cols) {
        if (rows < 1 || cols < 1 || (long) rows * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("synthetic tensors need 1 <= rows·cols < 2^31, got " + rows + "x" + cols);
        }
    }
}
