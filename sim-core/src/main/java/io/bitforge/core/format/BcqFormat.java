package io.bitforge.core.format;

/**
 * Binary-coding quantisation: a value is Σᵢ αᵢ·bᵢ over q bit-planes with bᵢ ∈ {−1, +1} and per-group scales αᵢ
 * (LUT-GEMM, Park et al., ICLR 2024; ShiftAddLLM, You et al., 2024). The code of an element has one bit per
 * plane, bit i = 1 meaning bᵢ = +1. With {@code powerOfTwoScales} every αᵢ is rounded to a sum of
 * {@code powerOfTwoTerms} signed powers of two so the multiply becomes shifts and adds (GATECH-EIC/ShiftAddLLM,
 * quantizers/bcq_quant/bcq_shift.py, 3 terms by default). The scales are per-group metadata held by the
 * quantised tensor, so the format has no fixed value grid.
 */
public record BcqFormat(int planes, boolean powerOfTwoScales, int powerOfTwoTerms) implements NumberFormat {
    public static final int MAX_PLANES = 8;
    /** ShiftAddLLM's default number of power-of-two terms per scale (bcq_shift.py, quantize_shift). */
    public static final int DEFAULT_POWER_OF_TWO_TERMS = 3;

    public BcqFormat {
        if (planes < 1 || planes > MAX_PLANES) {
            throw new IllegalArgumentException("bcq planes must be 1.." + MAX_PLANES + ", got " + planes);
        }
        if (powerOfTwoTerms < 1) {
            throw new IllegalArgumentException("power-of-two terms must be >= 1, got " + powerOfTwoTerms);
        }
    }

    public static BcqFormat of(int planes, boolean powerOfTwoScales) {
        return new BcqFormat(planes, powerOfTwoScales, DEFAULT_POWER_OF_TWO_TERMS);
    }

    @Override
    public String id() {
        return "bcq" + planes + (powerOfTwoScales ? "-pot" : "");
    }

    @Override
    public int bits() {
        return planes;
    }

    @Override
    public String description() {
        return "binary coding: " + planes + " ±1 bit-plane" + (planes == 1 ? "" : "s") + " with per-group scales"
                + (powerOfTwoScales ? " rounded to sums of " + powerOfTwoTerms + " powers of two" : "");
    }

    @Override
    public String source() {
        return powerOfTwoScales ? "ShiftAddLLM (You et al., arXiv 2406.05981), GATECH-EIC/ShiftAddLLM "
                + "quantizers/bcq_quant/bcq_shift.py" : "LUT-GEMM (Park et al., ICLR 2024) binary-coding quantisation";
    }

    /** The value of a code under the group's scales: Σᵢ (bit i ? +αᵢ : −αᵢ). */
    public double decode(int code, double[] alphas) {
        if (alphas.length != planes) {
            throw new IllegalArgumentException(id() + " needs " + planes + " scales, got " + alphas.length);
        }
        double sum = 0;
        for (int i = 0; i < planes; i++) {
            sum += ((code >>> i) & 1) == 1 ? alphas[i] : -alphas[i];
        }
        return sum;
    }

    /** The 2^q values of one group's scales as a grid whose codes are the plane patterns. */
    public ValueGrid grid(double[] alphas) {
        double[] table = new double[1 << planes];
        for (int c = 0; c < table.length; c++) {
            table[c] = decode(c, alphas);
        }
        return ValueGrid.fromCodeTable(table);
    }
}
