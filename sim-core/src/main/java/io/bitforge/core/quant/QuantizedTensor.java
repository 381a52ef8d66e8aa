package io.bitforge.core.quant;

import io.bitforge.core.arith.Rounding;
import io.bitforge.core.format.BcqFormat;
import io.bitforge.core.format.BitmodMixture;
import io.bitforge.core.format.ElementFormat;
import io.bitforge.core.format.NumberFormat;
import io.bitforge.core.format.OvpFormat;
import io.bitforge.core.format.ValueGrid;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A quantised [rows, cols] matrix: one code per value (for OVP the element codes of each pair), per-group scales
 * ({@code scalesPerGroup} per group: 1, or q for binary coding), per-group zero points (empty when symmetric)
 * and per-group type choices (BitMoD mixtures; empty otherwise). A value is
 * {@code scale·(decode(code) − zeroPoint)}; for binary coding Σᵢ ±αᵢ. The arrays belong to the tensor: callers
 * must not modify them.
 *
 * @param metadataBitsPerGroup bits of scales, zero point and type selector stored per group
 * @param rounding             the tie rule the codes were chosen with
 */
public record QuantizedTensor(NumberFormat format, GroupLayout layout, short[] codes, double[] scales,
                              double[] zeroPoints, byte[] choices, int metadataBitsPerGroup, Rounding rounding) {
    public QuantizedTensor {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(layout, "layout");
        if (codes.length != layout.size()) {
            throw new IllegalArgumentException("need " + layout.size() + " codes, got " + codes.length);
        }
        if (scales.length % layout.groupCount() != 0) {
            throw new IllegalArgumentException("scales must be a multiple of " + layout.groupCount());
        }
    }

    /** Scales stored per group (q for binary coding, else 1). */
    public int scalesPerGroup() {
        return scales.length / layout.groupCount();
    }

    /** The code of flat index i, 0 .. 2^bits − 1. */
    public int code(int index) {
        return Short.toUnsignedInt(codes[index]);
    }

    /** Stored bits per value including the per-group metadata. */
    public double bitsPerElement() {
        return format.bits() + (double) layout.groupCount() * metadataBitsPerGroup / layout.size();
    }

    /**
     * The reconstructed values, row-major. Codes are decoded through a table of every code's value (every pair's for
     * OVP, every level's per group for binary coding), built once per call from the format's own decode.
     */
    public float[] dequantize() {
        float[] out = new float[layout.size()];
        double[][] tables = decodeTables();
        IntStream.range(0, layout.groupCount()).parallel().forEach(g -> dequantizeGroup(g, out, tables));
        return out;
    }

    /** Per candidate type (one for a plain format), the value of each code; for OVP {even, odd} of each pair code. */
    private double[][] decodeTables() {
        if (format instanceof ElementFormat f) {
            return new double[][] {decodeTable(f)};
        }
        if (format instanceof BitmodMixture m) {
            return m.candidates().stream().map(QuantizedTensor::decodeTable).toArray(double[][]::new);
        }
        if (format instanceof OvpFormat o) {
            double[] pairs = new double[2 << (2 * o.bits())];
            for (int c = 0; c < pairs.length / 2; c++) {
                double[] pair = o.decodePair(c);
                pairs[2 * c] = pair[0];
                pairs[2 * c + 1] = pair[1];
            }
            double[] lone = new double[1 << o.bits()];
            for (int c = 0; c < lone.length; c++) {
                lone[c] = o.decodeNormal(c);
            }
            return new double[][] {pairs, lone};
        }
        return new double[0][];
    }

    private static double[] decodeTable(ElementFormat f) {
        double[] table = new double[f.codeCount()];
        for (int c = 0; c < table.length; c++) {
            table[c] = f.decode(c);
        }
        return table;
    }

    private void dequantizeGroup(int g, float[] out, double[][] tables) {
        int from = layout.start(g);
        int to = layout.end(g);
        if (format instanceof ElementFormat) {
            double[] table = tables[0];
            double s = scales[g];
            double z = zeroPoints.length == 0 ? 0 : zeroPoints[g];
            for (int i = from; i < to; i++) {
                out[i] = (float) (s * (table[code(i)] - z));
            }
        } else if (format instanceof BitmodMixture) {
            double[] table = tables[choices[g]];
            for (int i = from; i < to; i++) {
                out[i] = (float) (scales[g] * table[code(i)]);
            }
        } else if (format instanceof BcqFormat b) {
            double[] alphas = Arrays.copyOfRange(scales, g * b.planes(), (g + 1) * b.planes());
            double[] levels = new double[1 << b.planes()];
            for (int c = 0; c < levels.length; c++) {
                levels[c] = b.decode(c, alphas);
            }
            for (int i = from; i < to; i++) {
                out[i] = (float) levels[code(i)];
            }
        } else if (format instanceof OvpFormat o) {
            double[] pairs = tables[0];
            double s = scales[g];
            int i = from;
            for (; i + 1 < to; i += 2) {
                int pair = code(i) | code(i + 1) << o.bits();
                out[i] = (float) (s * pairs[2 * pair]);
                out[i + 1] = (float) (s * pairs[2 * pair + 1]);
            }
            if (i < to) {
                out[i] = (float) (s * tables[1][code(i)]);
            }
        }
    }

    /**
     * New codes for {@code values} under this tensor's scales, zero points and type choices (nothing refitted):
     * how activations are quantised with calibrated scales, and the check that quantising a dequantised tensor
     * again changes nothing.
     */
    public QuantizedTensor requantize(float[] values) {
        if (values.length != layout.size()) {
            throw new IllegalArgumentException("need " + layout.size() + " values, got " + values.length);
        }
        short[] out = new short[values.length];
        for (int g = 0; g < layout.groupCount(); g++) {
            int from = layout.start(g);
            int to = layout.end(g);
            if (format instanceof OvpFormat o) {
                double s = scales[g];
                int i = from;
                for (; i + 1 < to; i += 2) {
                    int pair = o.encodePair(values[i] / s, values[i + 1] / s, rounding);
                    out[i] = (short) (pair & ((1 << o.bits()) - 1));
                    out[i + 1] = (short) (pair >>> o.bits());
                }
                if (i < to) {
                    out[i] = (short) o.encodeLone(values[i] / s, rounding);
                }
                continue;
            }
            ValueGrid grid;
            double s = 1;
            double z = 0;
            if (format instanceof BcqFormat b) {
                grid = b.grid(Arrays.copyOfRange(scales, g * b.planes(), (g + 1) * b.planes()));
            } else if (format instanceof BitmodMixture m) {
                grid = m.candidates().get(choices[g]).grid();
                s = scales[g];
            } else {
                grid = ((ElementFormat) format).grid();
                s = scales[g];
                z = zeroPoints.length == 0 ? 0 : zeroPoints[g];
            }
            for (int i = from; i < to; i++) {
                out[i] = (short) grid.nearestCode(values[i] / s + z, rounding);
            }
        }
        return new QuantizedTensor(format, layout, out, scales, zeroPoints, choices, metadataBitsPerGroup, rounding);
    }

    /** For OVP: pairs holding an outlier (each has one victim); 0 for other formats. */
    public long outlierPairs() {
        if (!(format instanceof OvpFormat o)) {
            return 0;
        }
        long count = 0;
        for (int g = 0; g < layout.groupCount(); g++) {
            for (int i = layout.start(g); i + 1 < layout.end(g); i += 2) {
                if (code(i) == o.victimMarker() || code(i + 1) == o.victimMarker()) {
                    count++;
                }
            }
        }
        return count;
    }

    /** For BitMoD mixtures: how many groups chose each candidate, in candidate order. */
    public List<Long> choiceCounts() {
        if (!(format instanceof BitmodMixture m)) {
            return List.of();
        }
        long[] counts = new long[m.candidates().size()];
        for (byte c : choices) {
            counts[c]++;
        }
        return Arrays.stream(counts).boxed().toList();
    }
}
