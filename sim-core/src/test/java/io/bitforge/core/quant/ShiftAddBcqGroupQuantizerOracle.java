package io.bitforge.core.quant;

import io.bitforge.core.format.BcqFormat;

import java.util.Arrays;

/**
 * Binary-coding quantisation of one group as ShiftAddLLM's code does it (GATECH-EIC/ShiftAddLLM,
 * quantizers/bcq_quant/bcq.py quantize and bcq_shift.py quantize_shift), the {@link QuantMethod#PAPER} method:
 * <ol>
 *   <li>greedy start: plane i is the sign of the residual with sign(0) = 0, αᵢ its mean magnitude;</li>
 *   <li>at one plane that is all (the reference refines only when q > 1);</li>
 *   <li>otherwise a fixed number of rounds (5 by default, as ShiftAddLLM's {@code --bcq_round} and BCQuantizer;
 *       its README runs 50) of: least-squares scales for the current planes (the greedy planes,
 *       zeros included, in the first round) by the reference's batch conjugate gradient — q steps from the
 *       previous scales, 1e-6 added to both denominators — then |α| sorted descending, for the -pot formats
 *       rounded to a sum of power-of-two terms (additive_power_of_2), then every element to the nearest of the
 *       2^q values Σ±αᵢ with ties to the upper value (find_B_torch's binary search moves right unless
 *       {@code w < mid}).</li>
 * </ol>
 * Every round runs even when the codes repeat: the 1e-6 guards damp the conjugate gradient, so the scales keep
 * moving from round to round as in the reference. One difference is unavoidable: at one plane an element that is exactly 0 keeps the reference's value 0 only in
 * the reference (b = sign(0) = 0); a one-bit code must be ±α, and it takes +α.
 */
// The quantiser as it was before the speed work of issue 28: the oracle the fast path must equal bit for bit.
final class ShiftAddBcqGroupQuantizerOracle implements GroupQuantizer {
    /** ShiftAddLLM's default rounds ({@code --bcq_round} in model/opt.py and model/llama.py, BCQuantizer). */
    static final int DEFAULT_ROUNDS = 5;
    /** The guard batch_cg_torch adds to both of its denominators. */
    private static final double CG_GUARD = 1e-6;

    private final BcqFormat format;
    private final int rounds;

    /** Ties follow the reference's binary search (to the upper level) whatever rule the quantiser was given. */
    ShiftAddBcqGroupQuantizerOracle(BcqFormat format, int rounds) {
        this.format = format;
        this.rounds = rounds;
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
        double[][] planes = new double[q][n];
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
                planes[p][k] = Math.signum(residual[k]);
                residual[k] -= planes[p][k] * alphas[p];
            }
        }
        int[] codes = new int[n];
        if (q == 1) {
            for (int k = 0; k < n; k++) {
                codes[k] = planes[0][k] >= 0 ? 1 : 0;
            }
        } else {
            for (int round = 0; round < rounds; round++) {
                // The first round fits the greedy planes (zeros included); later ones the ±1 planes of the codes,
                // whose BᵀB and Bᵀx follow from each code's count and sum.
                double[][] gram = new double[q][q];
                double[] rhs = new double[q];
                if (round == 0) {
                    normalEquations(planes, x, from, gram, rhs);
                } else {
                    normalEquations(codes, x, from, gram, rhs);
                }
                alphas = conjugateGradient(gram, rhs, alphas);
                for (int i = 0; i < q; i++) {
                    alphas[i] = Math.abs(alphas[i]);
                }
                Arrays.sort(alphas);
                reverse(alphas);
                if (format.powerOfTwoScales()) {
                    for (int i = 0; i < q; i++) {
                        alphas[i] = PowerOfTwo.roundToSum(alphas[i], format.powerOfTwoTerms());
                    }
                }
                assign(x, from, alphas, codes);
            }
        }
        for (int k = 0; k < n; k++) {
            out.codes()[from + k] = (short) codes[k];
        }
        System.arraycopy(alphas, 0, out.scales(), group * q, q);
    }

    /**
     * find_B_torch: the 2^q sign vectors in the reference's order (list_binary_vecs: row r has plane i = +1 when
     * bit q−1−i of r is 0), stably sorted by their level; a binary search moves right unless x < the midpoint, so a
     * tie goes up, and between equal levels (equal scales, common after power-of-two rounding) the one whose
     * vector comes first in that order below the level and the last one above it.
     */
    private void assign(float[] x, int from, double[] alphas, int[] codes) {
        int q = alphas.length;
        int count = 1 << q;
        double[] levels = new double[count];
        int[] rowCodes = new int[count];
        for (int r = 0; r < count; r++) {
            int code = 0;
            double level = 0;
            for (int i = 0; i < q; i++) {
                boolean plus = ((r >>> (q - 1 - i)) & 1) == 0;
                code |= plus ? 1 << i : 0;
                level += plus ? alphas[i] : -alphas[i];
            }
            levels[r] = level;
            rowCodes[r] = code;
        }
        // Stable insertion sort of the rows by level.
        for (int a = 1; a < count; a++) {
            double level = levels[a];
            int code = rowCodes[a];
            int b = a - 1;
            while (b >= 0 && levels[b] > level) {
                levels[b + 1] = levels[b];
                rowCodes[b + 1] = rowCodes[b];
                b--;
            }
            levels[b + 1] = level;
            rowCodes[b + 1] = code;
        }
        double[] mids = new double[count - 1];
        for (int k = 0; k + 1 < count; k++) {
            mids[k] = (levels[k] + levels[k + 1]) / 2;
        }
        for (int k = 0; k < codes.length; k++) {
            double v = x[from + k];
            int low = 0;
            int high = count - 1;
            while (low < high) {
                int mid = (low + high - 1) >>> 1;
                if (v < mids[mid]) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            codes[k] = rowCodes[low];
        }
    }

    /** BᵀB and Bᵀx for planes given element by element (entries −1, 0 or +1). */
    private static void normalEquations(double[][] planes, float[] x, int from, double[][] gram, double[] rhs) {
        int q = planes.length;
        int n = planes[0].length;
        for (int i = 0; i < q; i++) {
            for (int k = 0; k < n; k++) {
                rhs[i] += planes[i][k] * x[from + k];
            }
            for (int j = 0; j < q; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += planes[i][k] * planes[j][k];
                }
                gram[i][j] = sum;
            }
        }
    }

    /** BᵀB and Bᵀx for ±1 planes given as codes (bit i set = plane i is +1), from each code's count and sum. */
    private static void normalEquations(int[] codes, float[] x, int from, double[][] gram, double[] rhs) {
        int q = gram.length;
        long[] counts = new long[1 << q];
        double[] sums = new double[1 << q];
        for (int k = 0; k < codes.length; k++) {
            counts[codes[k]]++;
            sums[codes[k]] += x[from + k];
        }
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                continue;
            }
            for (int i = 0; i < q; i++) {
                double si = ((c >>> i) & 1) == 1 ? 1 : -1;
                rhs[i] += si * sums[c];
                for (int j = 0; j < q; j++) {
                    gram[i][j] += si * (((c >>> j) & 1) == 1 ? 1 : -1) * counts[c];
                }
            }
        }
    }

    /** batch_cg_torch for one group: q conjugate-gradient steps on BᵀB·α = Bᵀx from the given α. */
    private static double[] conjugateGradient(double[][] gram, double[] rhs, double[] start) {
        int q = rhs.length;
        double[] solution = start.clone();
        double[] r = new double[q];
        double[] ax = times(gram, solution);
        for (int i = 0; i < q; i++) {
            r[i] = rhs[i] - ax[i];
        }
        double[] p = r.clone();
        double rtrNew = dot(r, r);
        for (int step = 0; step < q; step++) {
            double rtr = rtrNew;
            double[] ap = times(gram, p);
            double a = rtr / (dot(p, ap) + CG_GUARD);
            for (int i = 0; i < q; i++) {
                solution[i] += a * p[i];
                r[i] -= a * ap[i];
            }
            rtrNew = dot(r, r);
            double beta = rtrNew / (rtr + CG_GUARD);
            for (int i = 0; i < q; i++) {
                p[i] = r[i] + beta * p[i];
            }
        }
        return solution;
    }

    private static double[] times(double[][] m, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                out[i] += m[i][j] * v[j];
            }
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
