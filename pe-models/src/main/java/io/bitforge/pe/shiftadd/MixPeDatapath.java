package io.bitforge.pe.shiftadd;

import io.bitforge.core.format.IntFormat;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.quant.Granularity;
import io.bitforge.core.quant.GroupLayout;
import io.bitforge.core.quant.QuantizedTensor;

/**
 * Bit-exact functional model of a MixPE column (Zhang et al., arXiv 2411.16158): one activation row times a
 * group-quantised weight matrix, y_n = Σ_g s_{g,n}·(Σ_{k∈g} q_{k,n}·a_k − z_{g,n}·Σ_{k∈g} a_k).
 *
 * <p><b>Products.</b> A b-bit weight selects shifted copies of the activation, {@code a << i} for every set bit i;
 * for two's-complement weights the copy of the sign bit is subtracted (q·a = −2^(b−1)·q_{b−1}·a + Σ_{i<b−1}
 * q_i·(a << i)). For FP16 activations (W4A16) the shift is an exponent increment.
 *
 * <p><b>Group sums (W4A8).</b> Integer and exact: |q·a| ≤ 2^3·2^7 and a group of G adds log2 G bits, so a
 * 8 + 4 + log2 G bit accumulator suffices (19 bits at G = 128); the model uses 64-bit integers and checks the
 * bound. Σa per group is an integer computed once and shared by every output column.
 *
 * <p><b>Group sums (W4A16), documented order.</b> The FP16 activation is widened to FP32 (exact) and each
 * shifted copy is an exponent increment (exact). The up to four partial products are added in FP32 in bit order
 * i = 0, 1, …, b−2, and the sign-bit copy subtracted last: every intermediate is a multiple of ulp(a) of magnitude
 * below 2^b·|a|, i.e. at most 11 + b significant bits, so each product is exact. Products are then accumulated in
 * an FP32 group accumulator in k order with round-to-nearest-even after every add, starting from +0; Σa likewise.
 * The MixPE paper does not publish its W4A16 accumulation format (research notes §1.4), so this order is BitForge's
 * choice.
 *
 * <p><b>Dequantisation (both).</b> Per group, in FP32 with round-to-nearest-even after every operation: the FP16
 * scale s (the stored metadata is FP16, so the tensor's scale is rounded to FP16 first) and the zero point z (an
 * integer); t = P − z·S, then y = y + s·t, groups in K order, y starting at +0. The result is the FP32 value
 * before write-back (write-back rounding to the output format happens outside the PE).
 */
public final class MixPeDatapath {
    private MixPeDatapath() {
    }

    /** One activation row's results: per-group integer (or FP32) sums and the dequantised outputs. */
    public record Result(double[][] groupSums, double[] activationGroupSums, float[] outputs) {
    }

    /** q·a by shift-and-add: {@code weight} is the b-bit code's value, signed for two's complement. */
    public static long shiftAddProduct(int weight, int bits, boolean twosComplement, long activation) {
        long sum = 0;
        int magnitudeBits = twosComplement ? bits - 1 : bits;
        for (int i = 0; i < magnitudeBits; i++) {
            if (((weight >>> i) & 1) == 1) {
                sum += activation << i;
            }
        }
        if (twosComplement && ((weight >>> (bits - 1)) & 1) == 1) {
            sum -= activation << (bits - 1);
        }
        return sum;
    }

    /** q·a for an FP16 activation (held in a float), by exponent increments, in the documented FP32 order. */
    public static float shiftAddProduct(int weight, int bits, boolean twosComplement, float activation) {
        float sum = 0f;
        int magnitudeBits = twosComplement ? bits - 1 : bits;
        for (int i = 0; i < magnitudeBits; i++) {
            if (((weight >>> i) & 1) == 1) {
                sum += Math.scalb(activation, i);
            }
        }
        if (twosComplement && ((weight >>> (bits - 1)) & 1) == 1) {
            sum -= Math.scalb(activation, bits - 1);
        }
        return sum;
    }

    /** W4A8: INT8 activations (values −128..127) times weights [N rows × K cols] quantised per group along K. */
    public static Result w4a8(int[] activations, QuantizedTensor weights) {
        IntFormat format = intFormat(weights);
        GroupLayout layout = checkedLayout(weights, activations.length);
        int n = layout.rows();
        int groups = layout.groupsPerRow();
        double[] activationSums = new double[groups];
        for (int g = 0; g < groups; g++) {
            long sum = 0;
            for (int k = layout.start(g); k < layout.end(g); k++) {
                if (activations[k] < -128 || activations[k] > 127) {
                    throw new IllegalArgumentException("INT8 activation out of range: " + activations[k]);
                }
                sum += activations[k];
            }
            activationSums[g] = sum;
        }
        long bound = 1L << (8 + format.bits() - 1 + ceilLog2(layout.groupSize()));
        double[][] groupSums = new double[n][groups];
        for (int row = 0; row < n; row++) {
            for (int g = 0; g < groups; g++) {
                long sum = 0;
                int first = layout.start(row * groups + g);
                for (int k = layout.start(g); k < layout.end(g); k++) {
                    int value = (int) format.decode(weights.code(first + k - layout.start(g)));
                    sum += shiftAddProduct(value, format.bits(), signed(format), activations[k]);
                }
                if (Math.abs(sum) > bound) {
                    throw new IllegalStateException("group sum " + sum + " exceeds the accumulator bound " + bound);
                }
                groupSums[row][g] = sum;
            }
        }
        return new Result(groupSums, activationSums, dequantize(weights, groupSums, activationSums));
    }

    /** W4A16: FP16 activations (floats holding FP16 values) times group-quantised integer weights. */
    public static Result w4a16(float[] activations, QuantizedTensor weights) {
        IntFormat format = intFormat(weights);
        GroupLayout layout = checkedLayout(weights, activations.length);
        int n = layout.rows();
        int groups = layout.groupsPerRow();
        double[] activationSums = new double[groups];
        for (int g = 0; g < groups; g++) {
            float sum = 0f;
            for (int k = layout.start(g); k < layout.end(g); k++) {
                if (fp16(activations[k]) != activations[k]) {
                    throw new IllegalArgumentException("activation " + activations[k] + " is not an FP16 value");
                }
                sum += activations[k];
            }
            activationSums[g] = sum;
        }
        double[][] groupSums = new double[n][groups];
        for (int row = 0; row < n; row++) {
            for (int g = 0; g < groups; g++) {
                float sum = 0f;
                int first = layout.start(row * groups + g);
                for (int k = layout.start(g); k < layout.end(g); k++) {
                    int value = (int) format.decode(weights.code(first + k - layout.start(g)));
                    sum += shiftAddProduct(value, format.bits(), signed(format), activations[k]);
                }
                groupSums[row][g] = sum;
            }
        }
        return new Result(groupSums, activationSums, dequantize(weights, groupSums, activationSums));
    }

    /** The dequantisation unit: y_n = Σ_g s·(P − z·S) in FP32, groups in order (see the class comment). */
    static float[] dequantize(QuantizedTensor weights, double[][] groupSums, double[] activationSums) {
        int groups = activationSums.length;
        float[] outputs = new float[groupSums.length];
        for (int row = 0; row < groupSums.length; row++) {
            float y = 0f;
            for (int g = 0; g < groups; g++) {
                int group = row * groups + g;
                float scale = fp16((float) weights.scales()[group]);
                float zero = weights.zeroPoints().length == 0 ? 0f : (float) weights.zeroPoints()[group];
                float t = (float) groupSums[row][g] - zero * (float) activationSums[g];
                y += scale * t;
            }
            outputs[row] = y;
        }
        return outputs;
    }

    /** Rounds to the nearest FP16 value (round-half-to-even), as a float. */
    static float fp16(float value) {
        // the shared FP16 rounding (io.bitforge.core.arith.FloatRounding), round half to even, saturating
        return (float) NumberFormats.FP16.quantize(value);
    }

    private static IntFormat intFormat(QuantizedTensor weights) {
        if (!(weights.format() instanceof IntFormat format)
                || format.encoding() == IntFormat.Encoding.SIGN_MAGNITUDE || format.bits() > 4) {
            throw new IllegalArgumentException("MixPE takes int2..int4 or uint2..uint4 weights, got "
                    + weights.format().id());
        }
        return format;
    }

    private static boolean signed(IntFormat format) {
        return format.encoding() == IntFormat.Encoding.TWOS_COMPLEMENT;
    }

    private static GroupLayout checkedLayout(QuantizedTensor weights, int k) {
        GroupLayout layout = weights.layout();
        if (layout.granularity() != Granularity.GROUP || layout.cols() != k) {
            throw new IllegalArgumentException("weights must be [N x " + k + "] grouped along K, got "
                    + layout.granularity() + " " + layout.rows() + "x" + layout.cols());
        }
        return layout;
    }

    private static int ceilLog2(int value) {
        return 32 - Integer.numberOfLeadingZeros(Math.max(1, value - 1));
    }
}
