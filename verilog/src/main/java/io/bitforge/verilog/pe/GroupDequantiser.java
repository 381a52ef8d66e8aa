package io.bitforge.verilog.pe;

import io.bitforge.verilog.hdl.ModuleDef;

/**
 * A per-column group dequantiser at an output-stationary array's bottom edge (MixPE with {@code dequant: edge}): at
 * every group boundary the column's accumulators hand their group sums P to it, one row per cycle as the skew brings
 * them, and it folds each into that row's FP32 output, y ← y + s·(P − z·Σa). Σa, the group's sum of the row's
 * activation codes (two's complement), is formed once per row at the activation edge and shared by every column.
 *
 * <p>{@code step} is combinational with ports {@code y_in} u32 (+0 for an output's first group), {@code psum}
 * s(the cell's accumulator bits), {@code asum} s({@code activationSumBits}), {@code zero} s({@code zeroBits}),
 * {@code scale} u16 (an FP16 code) and {@code y_out} u32.
 *
 * @param groupSize weights per group along K
 */
public record GroupDequantiser(ModuleDef step, int groupSize, int activationSumBits, int zeroBits) {
    public GroupDequantiser {
        if (groupSize < 1 || activationSumBits < 2 || activationSumBits > 32 || zeroBits < 1 || zeroBits > 16) {
            throw new IllegalArgumentException("a group dequantiser takes groups of >= 1, Σa of 2..32 and zero points "
                    + "of 1..16 bits, got " + groupSize + ", " + activationSumBits + " and " + zeroBits);
        }
    }

    /** Bits of one column lane's metadata: the zero point above the FP16 scale. */
    public int metadataBits() {
        return zeroBits + 16;
    }
}
