package io.bitforge.verilog.pe;

import io.bitforge.verilog.hdl.ModuleDef;

import java.util.Random;

/**
 * A per-column group dequantiser at an output-stationary array's bottom edge: at every group boundary the column's
 * accumulators hand their group sums P to it, one row per step as the skew brings them, and it folds each into that
 * row's FP32 output. MixPE ({@code dequant: edge}): y ← y + s·(P − z·Σa), with Σa, the group's sum of the row's
 * activations, formed once per row at the activation edge and shared by every column: two's-complement codes summed
 * exactly, or ({@code floatSums}) FP16 codes widened to FP32 and added in k order from +0, round to nearest even.
 * BitMoD ({@code dequant: edge} of the bit-serial family; {@code activationSumBits} 0, no Σa): y ← y + round(P·s·
 * 2^-(f + u)) with the group type's unit shift u in the metadata word's upper field.
 *
 * <p>{@code step} is combinational with ports {@code y_in} u32 (+0 for an output's first group), {@code psum} (the
 * cell's accumulator: an integer, or an FP32 code), {@code scale} u16 (an FP16 code), {@code y_out} u32, and the
 * metadata's upper field: {@code zero} (s({@code zeroBits}), or an FP32 code u32 with {@code floatSums}) and
 * {@code asum}, or {@code unit_shift} u({@code zeroBits}) without Σa.
 *
 * @param groupSize         weights per group along K (a multiple of the cell's K lanes)
 * @param activationSumBits width of Σa (32 with {@code floatSums}); 0: the step takes no Σa
 * @param zeroBits          width of the metadata's upper field: a zero point's code (32 with {@code floatSums}),
 *                          or BitMoD's unit shift
 * @param zeroReach         seeded zero points lie in ±zeroReach (a b-bit grid's range and one past it)
 * @param reference         the family's functional model: the FP32 outputs (bit patterns, row-major M×N) of A (M×K
 *                          codes) times B (K×N codes) with the group metadata
 * @param metadata          draws a tile's metadata from its weights (BitMoD: the unit shift of each group's type);
 *                          null: seeded zero points ({@link #randomScales})
 */
public record GroupDequantiser(ModuleDef step, int groupSize, int activationSumBits, int zeroBits, boolean floatSums,
                               int zeroReach, Reference reference, Metadata metadata) {
    /** The functional model of a dequantised tile. */
    @FunctionalInterface
    public interface Reference {
        long[] outputs(long[] a, long[] b, GroupScales scales, int m, int k, int n);
    }

    /** Seeded metadata for a tile's K×N weight codes. */
    @FunctionalInterface
    public interface Metadata {
        GroupScales draw(Random rnd, long[] b, int k, int n);
    }

    public GroupDequantiser {
        if (groupSize < 1 || activationSumBits != 0 && activationSumBits < 2 || activationSumBits > 32
                || zeroBits < 1 || zeroBits > 32 || zeroReach < 0
                || floatSums && (activationSumBits != 32 || zeroBits != 32)) {
            throw new IllegalArgumentException("a group dequantiser takes groups of >= 1, Σa of 2..32 (or none) and "
                    + "zero points of 1..32 bits (32 and 32 with FP32 sums), got " + groupSize + ", "
                    + activationSumBits + " and " + zeroBits);
        }
    }

    /** MixPE's: seeded zero points. */
    public GroupDequantiser(ModuleDef step, int groupSize, int activationSumBits, int zeroBits, boolean floatSums,
                            int zeroReach, Reference reference) {
        this(step, groupSize, activationSumBits, zeroBits, floatSums, zeroReach, reference, null);
    }

    /** Whether the step takes Σa (MixPE's zero points). */
    public boolean activationSums() {
        return activationSumBits > 0;
    }

    /** The metadata of a K×N tile with weight codes {@code b}: {@link #metadata}, or {@link #randomScales}. */
    public GroupScales scales(Random rnd, long[] b, int k, int n) {
        return metadata == null ? randomScales(rnd, k, n) : metadata.draw(rnd, b, k, n);
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
            scales[i] = randomScale(rnd);
        }
        return new GroupScales(groups, n, zeros, scales);
    }

    /** A seeded FP16 scale code of either sign with a biased exponent of 1..19 (2^-14 to 2^4, normal). */
    public static long randomScale(Random rnd) {
        return ((long) rnd.nextInt(2) << 15) | ((long) (1 + rnd.nextInt(19)) << 10) | rnd.nextInt(1024);
    }

    /** Bits of one column lane's metadata word: the zero point's code above the FP16 scale. */
    public int metadataBits() {
        return zeroBits + 16;
    }
}
