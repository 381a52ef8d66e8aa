package io.bitforge.verilog.pe;

import io.bitforge.verilog.hdl.ModuleDef;

import java.util.Random;

/**
 * A per-column group dequantiser at an output-stationary array's bottom edge (MixPE with {@code dequant: edge}): at
 * every group boundary the column's accumulators hand their group sums P to it, one row per cycle as the skew brings
 * them, and it folds each into that row's FP32 output, y ← y + s·(P − z·Σa). Σa, the group's sum of the row's
 * activations, is formed once per row at the activation edge and shared by every column: two's-complement codes
 * summed exactly, or ({@code floatSums}) FP16 codes widened to FP32 and added in k order from +0, round to nearest
 * even.
 *
 * <p>{@code step} is combinational with ports {@code y_in} u32 (+0 for an output's first group), {@code psum} (the
 * cell's accumulator: an integer, or an FP32 code), {@code asum}, {@code zero} (s({@code zeroBits}), or an FP32 code
 * u32 with {@code floatSums}), {@code scale} u16 (an FP16 code) and {@code y_out} u32.
 *
 * @param groupSize         weights per group along K
 * @param activationSumBits width of Σa (32 with {@code floatSums})
 * @param zeroBits          width of a zero point's code (32 with {@code floatSums})
 * @param zeroReach         seeded zero points lie in ±zeroReach (a b-bit grid's range and one past it)
 * @param reference         the family's functional model: the FP32 outputs (bit patterns, row-major M×N) of A (M×K
 *                          codes) times B (K×N codes) with the group metadata
 */
public record GroupDequantiser(ModuleDef step, int groupSize, int activationSumBits, int zeroBits, boolean floatSums,
                               int zeroReach, Reference reference) {
    /** The functional model of a dequantised tile. */
    @FunctionalInterface
    public interface Reference {
        long[] outputs(long[] a, long[] b, GroupScales scales, int m, int k, int n);
    }

    public GroupDequantiser {
        if (groupSize < 1 || activationSumBits < 2 || activationSumBits > 32 || zeroBits < 1 || zeroBits > 32
                || zeroReach < 0 || floatSums && (activationSumBits != 32 || zeroBits != 32)) {
            throw new IllegalArgumentException("a group dequantiser takes groups of >= 1, Σa of 2..32 and zero points "
                    + "of 1..32 bits (32 and 32 with FP32 sums), got " + groupSize + ", " + activationSumBits + " and "
                    + zeroBits);
        }
    }

    /**
     * Seeded metadata for a K-deep tile of N columns: integer zero points in ±{@code zeroReach} (as FP32 codes with
     * {@code floatSums}) and FP16 scales of either sign with biased exponents 1..19 (2^-14 to 2^4: normal, and the
     * products stay finite in FP32).
     */
    public GroupScales randomScales(Random rnd, int k, int n) {
        int groups = (k + groupSize - 1) / groupSize;
        long[] zeros = new long[groups * n];
        long[] scales = new long[groups * n];
        for (int i = 0; i < zeros.length; i++) {
            int zero = rnd.nextInt(2 * zeroReach + 1) - zeroReach;
            zeros[i] = floatSums ? Integer.toUnsignedLong(Float.floatToRawIntBits(zero)) : zero;
            scales[i] = ((long) rnd.nextInt(2) << 15) | ((long) (1 + rnd.nextInt(19)) << 10) | rnd.nextInt(1024);
        }
        return new GroupScales(groups, n, zeros, scales);
    }

    /** Bits of one column lane's metadata word: the zero point's code above the FP16 scale. */
    public int metadataBits() {
        return zeroBits + 16;
    }
}
