package io.bitforge.core.quant;

import io.bitforge.core.arith.Rounding;
import io.bitforge.core.format.BcqFormat;
import io.bitforge.core.format.ValueGrid;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

import java.util.Arrays;

/**
 * BitForge's own binary-coding fit of one group ({@link QuantMethod#BITFORGE}; ShiftAddLLM's own procedure is
 * {@link ShiftAddBcqGroupQuantizer}). It differs from GATECH-EIC/ShiftAddLLM quantizers/bcq_quant/bcq_shift.py
 * in four ways: it snaps every value to the nearest level before its first least-squares fit (the reference fits
 * the greedy planes), treats sign(0) as +1, stops after {@value #MAX_ITERATIONS} rounds and sends ties to the
 * lower value. Greedy start (bᵢ = sign of the residual, αᵢ = its mean magnitude), then
 * alternate (1) the least-squares scales for the current bit-planes — the normal equations BᵀB·α = Bᵀx solved with
 * Commons Math — made positive and sorted descending, optionally rounded to sums of powers of two, and (2) the
 * nearest of the 2^q values Σ±αᵢ for every element, until the codes stop changing or {@value #MAX_ITERATIONS}
 * rounds. The codes are always the nearest under the stored scales.
 */
final class BcqGroupQuantizer implements GroupQuantizer {
    static final int MAX_ITERATIONS = 10;

    private final BcqFormat format;
    private final Rounding rounding;

    BcqGroupQuantizer(BcqFormat format, Rounding rounding) {
        this.format = format;
        this.rounding = rounding;
    }

    @Override
    public int scalesPerGroup() {
        return format.planes();
    }

    @Override
    public boolean storesZeroPoint() {
        return false;
    }

    @Override
    public void quantize(float[] x, int from, int to, int group, Output out) {
        GroupStats.of(x, from, to); // rejects non-finite input
        int q = format.planes();
        int n = to - from;
        int[] codes = new int[n];
        double[] alphas = new double[q];
        double[] residual = new double[n];
        for (int k = 0; k < n; k++) {
            residual[k] = x[from + k];
        }
        for (int p = 0; p < q; p++) {
            double magnitude = 0;
            for (int k = 0; k < n; k++) {
                magnitude += Math.abs(residual[k]);
            }
            alphas[p] = magnitude / n;
            for (int k = 0; k < n; k++) {
                boolean plus = residual[k] >= 0;
                codes[k] |= plus ? 1 << p : 0;
                residual[k] -= plus ? alphas[p] : -alphas[p];
            }
        }
        alphas = finish(alphas, codes);
        assign(x, from, alphas, codes);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] fitted = leastSquares(x, from, codes, alphas);
            int[] before = codes.clone();
            alphas = finish(fitted, codes);
            assign(x, from, alphas, codes);
            if (Arrays.equals(before, codes)) {
                break;
            }
        }
        for (int k = 0; k < n; k++) {
            out.codes()[from + k] = (short) codes[k];
        }
        System.arraycopy(alphas, 0, out.scales(), group * q, q);
    }

    /** Least-squares scales for fixed planes; the previous scales when BᵀB is singular (repeated planes). */
    private double[] leastSquares(float[] x, int from, int[] codes, double[] previous) {
        int q = format.planes();
        double[][] gram = new double[q][q];
        double[] rhs = new double[q];
        for (int k = 0; k < codes.length; k++) {
            for (int i = 0; i < q; i++) {
                double bi = ((codes[k] >>> i) & 1) == 1 ? 1 : -1;
                rhs[i] += bi * x[from + k];
                for (int j = 0; j < q; j++) {
                    gram[i][j] += bi * (((codes[k] >>> j) & 1) == 1 ? 1 : -1);
                }
            }
        }
        try {
            RealVector solution = new LUDecomposition(new Array2DRowRealMatrix(gram, false)).getSolver()
                    .solve(new ArrayRealVector(rhs, false));
            return solution.toArray();
        } catch (SingularMatrixException e) {
            return previous.clone();
        }
    }

    /** Makes every scale non-negative (flipping its plane), sorts them descending, rounds to powers of two. */
    private double[] finish(double[] alphas, int[] codes) {
        int q = alphas.length;
        double[] out = alphas.clone();
        for (int i = 0; i < q; i++) {
            if (out[i] < 0) {
                out[i] = -out[i];
                for (int k = 0; k < codes.length; k++) {
                    codes[k] ^= 1 << i;
                }
            }
        }
        Integer[] order = new Integer[q];
        for (int i = 0; i < q; i++) {
            order[i] = i;
        }
        final double[] unsorted = out;
        Arrays.sort(order, (a, b) -> Double.compare(unsorted[b], unsorted[a]));
        double[] sorted = new double[q];
        for (int i = 0; i < q; i++) {
            sorted[i] = unsorted[order[i]];
        }
        for (int k = 0; k < codes.length; k++) {
            int permuted = 0;
            for (int i = 0; i < q; i++) {
                permuted |= ((codes[k] >>> order[i]) & 1) << i;
            }
            codes[k] = permuted;
        }
        if (format.powerOfTwoScales()) {
            for (int i = 0; i < q; i++) {
                sorted[i] = PowerOfTwo.roundToSum(sorted[i], format.powerOfTwoTerms());
            }
        }
        return sorted;
    }

    private void assign(float[] x, int from, double[] alphas, int[] codes) {
        ValueGrid grid = format.grid(alphas);
        for (int k = 0; k < codes.length; k++) {
            codes[k] = grid.nearestCode(x[from + k], rounding);
        }
    }
}
