package io.bitforge.verilog.pe.ovp;

import io.bitforge.core.arith.Bits;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.format.OvpFormat;
import io.bitforge.pe.ovp.OvpDecoder;

import java.util.Random;
import java.util.stream.IntStream;

/**
 * Element codes of OVP operands laid out as tiles hold them: pairs run along K (elements 2p and 2p + 1 form pair
 * code {@code even | odd << b}), and only pair codes the encoder emits (not reserved) appear.
 */
final class OvpPairs {
    private OvpPairs() {
    }

    /** Every pair code of {@code normal}'s format that is not reserved, ascending. */
    static int[] legal(OvpFormat.Normal normal) {
        OvpFormat format = (OvpFormat) NumberFormats.parse(normal.id());
        return IntStream.rangeClosed(0, (int) Bits.mask(2 * normal.bits()))
                .filter(p -> !OvpDecoder.decode(format, p).reserved()).toArray();
    }

    /**
     * Four pair codes at the decoder's extremes: the largest positive outlier (even slot), the largest negative
     * outlier (odd slot), the largest positive normals and the largest negative normals (by code).
     */
    static int[] extremes(OvpFormat.Normal normal) {
        int b = normal.bits();
        int marker = 1 << (b - 1);
        int largest = marker - 1;
        int negativeLargest = 2 * marker - 1;
        return new int[] {largest | marker << b, marker | negativeLargest << b, largest | largest << b,
            negativeLargest | negativeLargest << b};
    }

    /** Seeded legal pairs for {@code rows} operand vectors of length k (even): codes[row·k + i]. */
    static long[] random(OvpFormat.Normal normal, Random rnd, int rows, int k) {
        int[] legal = legal(normal);
        long[] codes = new long[rows * k];
        for (int i = 0; i < codes.length; i += 2) {
            int pair = legal[rnd.nextInt(legal.length)];
            codes[i] = pair & Bits.mask(normal.bits());
            codes[i + 1] = pair >>> normal.bits();
        }
        return codes;
    }

    /**
     * Vectors of {@code pairsPerVector} consecutive pair codes each (K = 2·pairsPerVector; the last vector padded
     * with pair 0): codes[v·K + 2i] is the even element of pair v·pairsPerVector + i, codes[v·K + 2i + 1] the odd.
     */
    static long[] vectors(OvpFormat.Normal normal, int[] pairs, int pairsPerVector) {
        int count = (pairs.length + pairsPerVector - 1) / pairsPerVector;
        long[] codes = new long[2 * count * pairsPerVector];
        for (int i = 0; i < pairs.length; i++) {
            codes[2 * i] = pairs[i] & Bits.mask(normal.bits());
            codes[2 * i + 1] = pairs[i] >>> normal.bits();
        }
        return codes;
    }

    /** Each pair code repeated {@code times} along K: one vector per pair. */
    static int[] repeated(int[] pairs, int times) {
        int[] out = new int[pairs.length * times];
        for (int i = 0; i < out.length; i++) {
            out[i] = pairs[i / times];
        }
        return out;
    }

    /** Row-major K×N from N vectors of length K ([N][K] row-major), and back: a transpose. */
    static long[] transpose(long[] codes, int rows, int cols) {
        long[] out = new long[codes.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = codes[r * cols + c];
            }
        }
        return out;
    }

    static int[] ints(long[] codes) {
        int[] out = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = Math.toIntExact(codes[i]);
        }
        return out;
    }
}
