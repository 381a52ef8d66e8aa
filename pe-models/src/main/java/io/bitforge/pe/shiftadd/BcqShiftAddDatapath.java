package io.bitforge.pe.shiftadd;

import io.bitforge.core.format.BcqFormat;
import io.bitforge.core.quant.Granularity;
import io.bitforge.core.quant.GroupLayout;
import io.bitforge.core.quant.QuantizedTensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Bit-exact functional model of ShiftAddLLM's product (You et al., arXiv 2406.05981; GATECH-EIC/ShiftAddLLM):
 * weights W ≈ Σ_i α_i·b_i with b_i ∈ {−1, +1} ({@code bcq{q}-pot}), every α_i a sum of signed powers of two.
 *
 * <p><b>Tables.</b> For each chunk of 8 activations x_0..x_7 the table holds T[m] = Σ_j s_j·x_j with s_j = +1 when
 * bit j of m is 1, else −1 (research notes §1.4). Only the 128 entries with bit 7 clear are stored; T[m] for
 * bit 7 set is read as −T[~m & 0xFF] (the symmetry T[~m] = −T[m]). Build order, FP32 with round-to-nearest-even:
 * T[0] = −(((x_0 + x_1) + x_2) + … + x_7) and, for m = 1 … 127, T[m] = T[m − h] + 2·x_j where h = 2^j is the
 * highest set bit of m (2·x_j is an exponent increment, exact).
 *
 * <p><b>Products.</b> For output n, group g and plane i the plane's bits of the 8 weights of a chunk index the
 * chunk's table; the lookups of the group's chunks are added in FP32 in chunk order (a per-plane partial sum P_i).
 * The scale is applied by shifts: α_i = Σ_t σ_t·2^(e_t) (its non-adjacent form, which has the fewest terms), and
 * y += σ_t·2^(e_t)·P_i (an exponent add, exact) in plane order i = 0 … q−1, terms by decreasing exponent, groups
 * in K order, each add rounded to FP32.
 */
public final class BcqShiftAddDatapath {
    private BcqShiftAddDatapath() {
    }

    /** The 128 stored entries of the table of 8 activations (FP32, documented build order). */
    public static float[] table(float[] x, int from) {
        float[] table = new float[1 << (ShiftAddParams.TABLE_ACTIVATIONS - 1)];
        float sum = 0f;
        for (int j = 0; j < ShiftAddParams.TABLE_ACTIVATIONS; j++) {
            sum += x[from + j];
        }
        table[0] = -sum;
        for (int m = 1; m < table.length; m++) {
            int high = 31 - Integer.numberOfLeadingZeros(m);
            table[m] = table[m - (1 << high)] + 2f * x[from + high];
        }
        return table;
    }

    /** Entry m (0..255) of a symmetric table: stored for bit 7 clear, negated complement otherwise. */
    public static float lookup(float[] table, int m) {
        return (m & 0x80) == 0 ? table[m] : -table[~m & 0xFF];
    }

    /** A scale as signed powers of two, largest first: {exponent, sign} pairs of its non-adjacent form. */
    public static List<int[]> powerOfTwoTerms(double alpha) {
        List<int[]> terms = new ArrayList<>();
        if (alpha == 0) {
            return terms;
        }
        int exponent = Math.getExponent(alpha) - 52;
        long mantissa = (long) Math.scalb(Math.abs(alpha), -exponent);
        int sign = alpha < 0 ? -1 : 1;
        int position = 0;
        while (mantissa != 0) {
            if ((mantissa & 1) == 1) {
                int digit = 2 - (int) (mantissa & 3);
                mantissa -= digit;
                terms.add(0, new int[] {exponent + position, sign * digit});
            }
            mantissa >>= 1;
            position++;
        }
        return terms;
    }

    /** One activation row x (length K, FP16 values in floats) times BCQ weights [N rows × K cols]. */
    public static float[] multiply(float[] x, QuantizedTensor weights) {
        if (!(weights.format() instanceof BcqFormat format)) {
            throw new IllegalArgumentException("ShiftAddLLM takes bcq{q}-pot weights, got " + weights.format().id());
        }
        if (!format.powerOfTwoScales()) {
            throw new IllegalArgumentException("ShiftAddLLM shifts by power-of-two scales; use bcq" + format.planes()
                    + "-pot, got " + format.id());
        }
        GroupLayout layout = weights.layout();
        int chunk = ShiftAddParams.TABLE_ACTIVATIONS;
        if (layout.granularity() != Granularity.GROUP || layout.cols() != x.length || layout.groupSize() % chunk != 0
                || x.length % chunk != 0) {
            throw new IllegalArgumentException("weights must be [N x " + x.length + "] in groups of a multiple of "
                    + chunk + " along K, got " + layout);
        }
        float[][] tables = new float[x.length / chunk][];
        for (int c = 0; c < tables.length; c++) {
            tables[c] = table(x, c * chunk);
        }
        int planes = format.planes();
        int groups = layout.groupsPerRow();
        float[] y = new float[layout.rows()];
        for (int row = 0; row < layout.rows(); row++) {
            float sum = 0f;
            for (int g = 0; g < groups; g++) {
                int group = row * groups + g;
                int first = layout.start(group);
                int chunks = (layout.end(group) - first) / chunk;
                for (int i = 0; i < planes; i++) {
                    float partial = 0f;
                    for (int c = 0; c < chunks; c++) {
                        int index = 0;
                        for (int j = 0; j < chunk; j++) {
                            index |= ((weights.code(first + c * chunk + j) >>> i) & 1) << j;
                        }
                        partial += lookup(tables[layout.start(g) / chunk + c], index);
                    }
                    double alpha = weights.scales()[group * planes + i];
                    List<int[]> terms = powerOfTwoTerms(alpha);
                    if (terms.size() > format.powerOfTwoTerms()) {
                        throw new IllegalArgumentException("scale " + alpha + " needs " + terms.size()
                                + " powers of two, more than the format's " + format.powerOfTwoTerms());
                    }
                    for (int[] term : terms) {
                        sum += term[1] * Math.scalb(partial, term[0]);
                    }
                }
            }
            y[row] = sum;
        }
        return y;
    }
}
