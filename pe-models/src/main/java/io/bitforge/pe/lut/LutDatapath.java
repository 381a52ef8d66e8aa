package io.bitforge.pe.lut;

import io.bitforge.core.arith.Rounding;
import io.bitforge.core.format.NumberFormats;

/**
 * Bit-exact functional model of a LUT tensor core's dot product (LUT Tensor Core, Mo et al., arXiv 2408.06003,
 * RTL Hamerlate/lut_tensor_core {@code sv_lut_array/rtl/fp_lut_array_b_cycle_stage1.sv}; T-MAC, microsoft/T-MAC;
 * LUT-GEMM): Σ_k a_k·w_k for n-bit weights held as unsigned-offset codes u = w + 2^(n−1).
 *
 * <p><b>Tables.</b> For every group of g activations, T[idx] = Σ_j s_j·a_j with s_j = +1 when bit j of idx is
 * set, else −1. Symmetrisation: T[~idx] = −T[idx], so only the 2^(g−1) entries with bit 0 clear are stored,
 * H[h] = T[h·2]. <b>Weight reinterpretation</b> (offline): the index of plane b is formed from bit b of the g
 * weights and its bits 1..g−1 are XORed with bit 0; the hardware then reads H[idx' ≫ 1] and negates it when bit 0
 * is set, which equals T[idx] exactly (the RTL's active line; its commented-out line complements in hardware).
 *
 * <p><b>Bit-serial planes and offset.</b> With bit_b = (s_b + 1)/2, u = ½·Σ_b 2^b·s_b + (2^n − 1)/2 and
 * w = u − 2^(n−1) = ½·Σ_b 2^b·s_b − ½, so Σ a·w = ½·(Σ_b 2^b·Σ_groups T_b[idx] + Σ_groups T[0…0]), since
 * T[0…0] = −Σ a over the group. The ½ is an exponent decrement (exact). Ternary weights {−1, 0, +1} are the 2-bit
 * case (two passes).
 *
 * <p><b>Arithmetic.</b> {@link #dotExact}: integer activations, integer tables, exact. {@link #dotFp16} follows
 * the RTL: each entry is computed in FP32 (adds in j order) and rounded once to FP16 (round-to-nearest-even); the
 * plane weight 2^b is an exponent increment (exact); one FP16 accumulator per output adds, for every group in K
 * order and every plane b = 0, 1, … in turn, the shifted entry with FP16 round-to-nearest-even (DesignWare
 * {@code DW_fp_add}, {@code rnd = 000}), then that group's offset entry H[0] the same way (the published RTL has no
 * offset term; BitForge adds it per group so that an array cell needs no per-group storage), and finally halves.
 * FP16 overflow saturates to ±65504 (BitForge's FP16 default; the RTL's adder runs with IEEE compliance off).
 * {@link #dotInt8} follows T-MAC: entries quantised to INT8 per scale group of activations (scale = max |T| over the
 * group's tables / 127, round half to even, saturating), integer sums per scale group, each scaled in FP32.
 */
public final class LutDatapath {
    private LutDatapath() {
    }

    /** The offline reinterpretation of a g-bit plane index: bits 1..g−1 XORed with bit 0. */
    public static int reinterpret(int index, int g) {
        int upper = (1 << g) - 2;
        return (index & 1) == 1 ? index ^ upper : index;
    }

    /** The hardware lookup: H[idx' ≫ 1], negated when bit 0 is set. */
    static long lookup(long[] table, int reinterpreted) {
        long entry = table[reinterpreted >>> 1];
        return (reinterpreted & 1) == 1 ? -entry : entry;
    }

    /** The 2^(g−1) stored entries for activations a[from .. from+g). */
    public static long[] table(long[] a, int from, int g) {
        long[] table = new long[1 << (g - 1)];
        for (int h = 0; h < table.length; h++) {
            int pattern = h << 1;
            long sum = 0;
            for (int j = 0; j < g; j++) {
                sum += ((pattern >>> j) & 1) == 1 ? a[from + j] : -a[from + j];
            }
            table[h] = sum;
        }
        return table;
    }

    /** The reinterpreted plane-b index of weights u[from .. from+g). */
    public static int planeIndex(int[] unsignedCodes, int from, int g, int plane) {
        int index = 0;
        for (int j = 0; j < g; j++) {
            index |= ((unsignedCodes[from + j] >>> plane) & 1) << j;
        }
        return reinterpret(index, g);
    }

    /** Σ a·w through the tables with integer arithmetic; K a multiple of g. */
    public static long dotExact(long[] a, int[] unsignedCodes, int bits, int g) {
        checkShape(a.length, unsignedCodes, bits, g);
        long twice = 0;
        for (int from = 0; from < a.length; from += g) {
            long[] table = table(a, from, g);
            for (int b = 0; b < bits; b++) {
                twice += lookup(table, planeIndex(unsignedCodes, from, g, b)) << b;
            }
            twice += table[0];
        }
        if ((twice & 1) != 0) {
            throw new IllegalStateException("odd doubled sum " + twice);
        }
        return twice / 2;
    }

    /** Σ a·w with FP16 tables and an FP16 accumulator in the documented order; a holds FP16 values. */
    public static float dotFp16(float[] a, int[] unsignedCodes, int bits, int g) {
        checkShape(a.length, unsignedCodes, bits, g);
        int groups = a.length / g;
        float[][] tables = new float[groups][];
        for (int group = 0; group < groups; group++) {
            tables[group] = fp16Table(a, group * g, g);
        }
        float acc = 0f;
        for (int group = 0; group < groups; group++) {
            for (int b = 0; b < bits; b++) {
                int index = planeIndex(unsignedCodes, group * g, g, b);
                float entry = tables[group][index >>> 1];
                acc = fp16(acc + Math.scalb((index & 1) == 1 ? -entry : entry, b));
            }
            // the group's offset entry right after its planes: an array cell adds it in the step's last cycle
            acc = fp16(acc + tables[group][0]);
        }
        return Math.scalb(acc, -1);
    }

    /** The stored FP16 entries (each summed in FP32 in j order, rounded once). */
    public static float[] fp16Table(float[] a, int from, int g) {
        float[] table = new float[1 << (g - 1)];
        for (int h = 0; h < table.length; h++) {
            int pattern = h << 1;
            float sum = 0f;
            for (int j = 0; j < g; j++) {
                sum += ((pattern >>> j) & 1) == 1 ? a[from + j] : -a[from + j];
            }
            table[h] = fp16(sum);
        }
        return table;
    }

    /** T-MAC: INT8 tables with one FP32 scale per {@code scaleGroup} activations (a multiple of g). */
    public static float dotInt8(float[] a, int[] unsignedCodes, int bits, int g, int scaleGroup) {
        checkShape(a.length, unsignedCodes, bits, g);
        if (scaleGroup % g != 0 || a.length % scaleGroup != 0) {
            throw new IllegalArgumentException("scale group " + scaleGroup + " must be a multiple of g = " + g
                    + " dividing K = " + a.length);
        }
        float y = 0f;
        for (int start = 0; start < a.length; start += scaleGroup) {
            float max = 0f;
            float[][] tables = new float[scaleGroup / g][];
            for (int t = 0; t < tables.length; t++) {
                tables[t] = fp32Table(a, start + t * g, g);
                for (float entry : tables[t]) {
                    max = Math.max(max, Math.abs(entry));
                }
            }
            float scale = max == 0f ? 1f : max / 127f;
            long twice = 0;
            for (int t = 0; t < tables.length; t++) {
                long[] quantised = new long[tables[t].length];
                for (int h = 0; h < quantised.length; h++) {
                    quantised[h] = Math.max(-127, Math.min(127, Rounding.HALF_EVEN.round(tables[t][h] / scale)));
                }
                for (int b = 0; b < bits; b++) {
                    twice += lookup(quantised, planeIndex(unsignedCodes, start + t * g, g, b)) << b;
                }
                twice += quantised[0];
            }
            y += scale * Math.scalb((float) twice, -1);
        }
        return y;
    }

    /** Entries in FP32 (adds in j order), before INT8 quantisation. */
    static float[] fp32Table(float[] a, int from, int g) {
        float[] table = new float[1 << (g - 1)];
        for (int h = 0; h < table.length; h++) {
            int pattern = h << 1;
            float sum = 0f;
            for (int j = 0; j < g; j++) {
                sum += ((pattern >>> j) & 1) == 1 ? a[from + j] : -a[from + j];
            }
            table[h] = sum;
        }
        return table;
    }

    /**
     * Ternary weights through a 3^g table (the option to two bit-serial passes): T3[t] = Σ_j w_j·a_j for the
     * pattern t = Σ_j (w_j + 1)·3^j; the negated pattern is 3^g − 1 − t, so the (3^g + 1)/2 entries with
     * t ≥ (3^g − 1)/2 are stored (41 for g = 4) and the rest read negated. One lookup per group.
     */
    public static long dotTernaryBase3(long[] a, int[] ternary, int g) {
        if (a.length != ternary.length || a.length % g != 0) {
            throw new IllegalArgumentException("K must match and be a multiple of g = " + g);
        }
        int patterns = 1;
        for (int j = 0; j < g; j++) {
            patterns *= 3;
        }
        int middle = (patterns - 1) / 2;
        long sum = 0;
        for (int from = 0; from < a.length; from += g) {
            long[] stored = new long[middle + 1];
            for (int t = middle; t < patterns; t++) {
                long entry = 0;
                int rest = t;
                for (int j = 0; j < g; j++) {
                    entry += (rest % 3 - 1) * a[from + j];
                    rest /= 3;
                }
                stored[t - middle] = entry;
            }
            int t = 0;
            int power = 1;
            for (int j = 0; j < g; j++) {
                if (ternary[from + j] < -1 || ternary[from + j] > 1) {
                    throw new IllegalArgumentException("not a ternary weight: " + ternary[from + j]);
                }
                t += (ternary[from + j] + 1) * power;
                power *= 3;
            }
            sum += t >= middle ? stored[t - middle] : -stored[middle - t];
        }
        return sum;
    }

    /** Unsigned-offset codes u = w + 2^(bits−1) of signed weights (ternary weights are the bits = 2 case). */
    public static int[] offsetCodes(int[] weights, int bits) {
        int[] codes = new int[weights.length];
        for (int i = 0; i < weights.length; i++) {
            int u = weights[i] + (1 << (bits - 1));
            if (u < 0 || u >= 1 << bits) {
                throw new IllegalArgumentException("weight " + weights[i] + " does not fit " + bits + " bits");
            }
            codes[i] = u;
        }
        return codes;
    }

    static float fp16(float value) {
        // the shared FP16 rounding (io.bitforge.core.arith.FloatRounding), round half to even, saturating
        return (float) NumberFormats.FP16.quantize(value);
    }

    private static void checkShape(int k, int[] codes, int bits, int g) {
        if (codes.length != k || k % g != 0 || g < 1 || g > 8 || bits < 1 || bits > 8) {
            throw new IllegalArgumentException("need K = " + k + " codes, K a multiple of g = " + g + ", 1..8 bits");
        }
    }
}
