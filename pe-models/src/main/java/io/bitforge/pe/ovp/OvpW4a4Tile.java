package io.bitforge.pe.ovp;

import io.bitforge.core.arith.Bits;
import io.bitforge.core.format.OvpFormat;
import io.bitforge.core.quant.Granularity;
import io.bitforge.core.quant.QuantizedTensor;
import io.bitforge.pe.bitfusion.ExponentInteger;

import java.util.Objects;

/**
 * Functional (bit-exact, untimed) model of an OliVe W4A4 tile: activation and weight pair codes go through the
 * {@link OvpDecoder} at the array edge, each cell multiplies two decoded integers on a b-bit sign-magnitude
 * multiplier and shifts the product by the summed exponents, and a {@link #accumulatorBits(int) wide enough}
 * two's-complement accumulator sums along K. Dequantisation (per-tensor activation scale × per-channel weight
 * scale) is applied once per output.
 *
 * <h2>Accumulator width</h2>
 * A pair holds either two normals or one outlier and a zero, so one pair of activations against one pair of
 * weights contributes at most
 * <pre>
 *   P = max(O_w·O_a, O_w·N_a, N_w·O_a, 2·N_w·N_a)
 * </pre>
 * in magnitude (O the largest outlier, N the largest normal; two outliers in different slots meet a zero). For
 * ovp-int4 × ovp-int4 that is 96·96 = 9216 (the other terms are 672, 672 and 98), so a K-long dot product needs
 * {@code 1 + width(ceil(K/2)·P)} bits: 26 bits at K = 4096 (2048·9216 = 18,874,368 < 2^25), against 19 bits
 * (4096·49 < 2^18) for the same array on plain sign-magnitude int4 — the outliers cost 7 accumulator bits.
 */
public final class OvpW4a4Tile {
    private final OvpFormat weightFormat;
    private final OvpFormat activationFormat;
    private final int multiplierBits;

    public OvpW4a4Tile(OvpParams params) {
        Objects.requireNonNull(params, "params");
        this.weightFormat = params.weightFormat();
        this.activationFormat = params.activationFormat();
        this.multiplierBits = params.multiplierBits();
    }

    /** Largest magnitude one activation pair times one weight pair can contribute (P above). */
    public long maxPairProductMagnitude() {
        long outlierW = (long) weightFormat.outlierGrid().max();
        long outlierA = (long) activationFormat.outlierGrid().max();
        long normalW = (long) weightFormat.normalMax();
        long normalA = (long) activationFormat.normalMax();
        return Math.max(Math.max(outlierW * outlierA, outlierW * normalA),
                Math.max(normalW * outlierA, 2 * normalW * normalA));
    }

    /** Two's-complement accumulator bits that hold any K-long dot product: 1 + width(ceil(K/2)·P). */
    public int accumulatorBits(int k) {
        long pairs = (k + 1L) / 2;
        return 1 + Bits.unsignedWidthOf(Math.multiplyExact(pairs, maxPairProductMagnitude()));
    }

    /** One cell's product: integers on the b-bit sign-magnitude multiplier, then the shift. */
    long multiply(ExponentInteger activation, ExponentInteger weight) {
        long limit = Bits.maxUnsigned(multiplierBits - 1);
        if (Math.abs(activation.integer()) > limit || Math.abs(weight.integer()) > limit) {
            throw new IllegalStateException("decoded integer exceeds the " + multiplierBits + "-bit multiplier");
        }
        return activation.integer() * weight.integer() << (activation.exponent() + weight.exponent());
    }

    /**
     * Integer accumulators C[M×N] = A[M×K]·W[N×K]ᵀ from element codes (row-major; weights as [out, in] like a
     * linear layer's matrix); pairs are (2i, 2i+1) along K, so K must be even.
     */
    public long[] accumulate(int[] activationCodes, int[] weightCodes, int m, int k, int n) {
        if (k % 2 != 0) {
            throw new IllegalArgumentException("OVP pairs run along K, which must be even, got " + k);
        }
        if (activationCodes.length != m * k || weightCodes.length != n * k) {
            throw new IllegalArgumentException("expected " + m * k + " activation and " + n * k
                    + " weight codes, got " + activationCodes.length + " and " + weightCodes.length);
        }
        ExponentInteger[][] a = decodeRows(activationFormat, activationCodes, m, k);
        ExponentInteger[][] w = decodeRows(weightFormat, weightCodes, n, k);
        int accumulatorBits = accumulatorBits(k);
        long[] out = new long[m * n];
        for (int row = 0; row < m; row++) {
            for (int col = 0; col < n; col++) {
                long acc = 0;
                for (int i = 0; i < k; i++) {
                    acc = Bits.wrap(acc + multiply(a[row][i], w[col][i]), accumulatorBits, true);
                }
                out[row * n + col] = acc;
            }
        }
        return out;
    }

    /**
     * The dequantised tile: {@code activations} [M, K] quantised per tensor, {@code weights} [N, K] quantised per
     * output channel, both in this tile's OVP formats; C[m][n] = s_a · s_w[n] · accumulator (in double).
     */
    public double[] gemm(QuantizedTensor activations, QuantizedTensor weights) {
        check(activations, activationFormat, Granularity.TENSOR, "activations");
        check(weights, weightFormat, Granularity.CHANNEL, "weights");
        int m = activations.layout().rows();
        int k = activations.layout().cols();
        int n = weights.layout().rows();
        if (weights.layout().cols() != k) {
            throw new IllegalArgumentException("weights have " + weights.layout().cols() + " inputs, activations "
                    + k);
        }
        long[] acc = accumulate(codes(activations), codes(weights), m, k, n);
        double activationScale = activations.scales()[0];
        double[] out = new double[m * n];
        for (int row = 0; row < m; row++) {
            for (int col = 0; col < n; col++) {
                out[row * n + col] = activationScale * weights.scales()[col] * acc[row * n + col];
            }
        }
        return out;
    }

    private static void check(QuantizedTensor tensor, OvpFormat format, Granularity granularity, String what) {
        if (!tensor.format().id().equals(format.id()) || tensor.layout().granularity() != granularity) {
            throw new IllegalArgumentException(what + " must be " + format.id() + " per "
                    + granularity.name().toLowerCase(java.util.Locale.ROOT) + ", got " + tensor.format().id() + " per "
                    + tensor.layout().granularity().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    static int[] codes(QuantizedTensor tensor) {
        int[] codes = new int[tensor.layout().size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = tensor.code(i);
        }
        return codes;
    }

    /** Decodes each row's pairs at the edge; reserved pairs (never encoded) are an error. */
    static ExponentInteger[][] decodeRows(OvpFormat format, int[] codes, int rows, int k) {
        int b = format.bits();
        ExponentInteger[][] out = new ExponentInteger[rows][k];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < k; i += 2) {
                int pair = codes[r * k + i] | codes[r * k + i + 1] << b;
                OvpDecoder.DecodedPair decoded = OvpDecoder.decode(format, pair);
                if (decoded.reserved()) {
                    throw new IllegalArgumentException(format.id() + ": reserved pair code " + pair + " at row " + r
                            + ", k " + i);
                }
                out[r][i] = decoded.even();
                out[r][i + 1] = decoded.odd();
            }
        }
        return out;
    }
}
