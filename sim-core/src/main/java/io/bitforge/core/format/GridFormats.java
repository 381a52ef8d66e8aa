package io.bitforge.core.format;

/** Builders of the published value-grid formats and their code assignments. */
final class GridFormats {
    private static final String ANT_SOURCE = "ANT (Guo et al., MICRO 2022), clevercool/ANT-Quantization "
            + "ant_quantization/antquant/quant_modules.py; same grid as FLINT4 in yc2367/BitMoD-HPCA-25 "
            + "bitmod_quant/quant_utils/quant_weight.py";
    private static final String ANT_POT_SOURCE = "ANT (Guo et al., MICRO 2022), clevercool/ANT-Quantization "
            + "ant_quantization/antquant/quant_modules.py (pot_value)";
    private static final String BITMOD_SOURCE = "BitMoD (Chen et al., HPCA 2025), yc2367/BitMoD-HPCA-25 "
            + "bitmod_quant/quant_utils/quant_weight.py (value sets); the special value sits on the negative-zero "
            + "code (paper's description; this code assignment is ours)";

    /** ANT flint magnitudes for a 3-bit magnitude code 000..111. */
    static final double[] FLINT_MAGNITUDES = {0, 1, 2, 3, 4, 6, 8, 16};
    /** BitMoD FP3 magnitudes (E2M0) for codes 00..11. */
    static final double[] FP3_MAGNITUDES = {0, 1, 2, 4};
    /** BitMoD FP4 magnitudes (E2M1 ×2) for codes 000..111. */
    static final double[] FP4_MAGNITUDES = {0, 1, 2, 3, 4, 6, 8, 12};

    private GridFormats() {
    }

    /** Sign (top bit) plus magnitude code; the negative-zero code gets {@code negativeZero}. */
    static double[] signMagnitude(double[] magnitudes, double negativeZero) {
        int half = magnitudes.length;
        double[] table = new double[2 * half];
        for (int c = 0; c < half; c++) {
            table[c] = magnitudes[c];
            table[half + c] = -magnitudes[c];
        }
        table[half] = negativeZero;
        return table;
    }

    static GridFormat flint4() {
        return new GridFormat("flint4", 4, signMagnitude(FLINT_MAGNITUDES, 0.0),
                "ANT signed flint4: sign + 3-bit flint magnitude {0,1,2,3,4,6,8,16} (code 1000 is a second zero)",
                ANT_SOURCE);
    }

    /**
     * ANT unsigned flint4: codes 0000..0111 are the integers 0..7; with the top bit set, k leading ones give
     * exponent 2+k and the bits after the first zero a mantissa: 8,10,12,14,16,24,32,64.
     */
    static GridFormat uflint4() {
        double[] table = new double[16];
        for (int c = 0; c < 16; c++) {
            table[c] = unsignedFlint(c, 4);
        }
        return new GridFormat("uflint4", 4, table,
                "ANT unsigned flint4: 0..7, 8, 10, 12, 14, 16, 24, 32, 64", ANT_SOURCE);
    }

    private static double unsignedFlint(int code, int bits) {
        if ((code >>> (bits - 1)) == 0) {
            return code;
        }
        int leadingOnes = 0;
        while (leadingOnes < bits && ((code >>> (bits - 1 - leadingOnes)) & 1) == 1) {
            leadingOnes++;
        }
        if (leadingOnes == bits) {
            return Math.scalb(1.0, 2 + leadingOnes);
        }
        int mantissaBits = bits - leadingOnes - 1;
        int mantissa = code & ((1 << mantissaBits) - 1);
        return Math.scalb(1.0 + mantissa / (double) (1 << mantissaBits), 2 + leadingOnes);
    }

    /**
     * ANT's power-of-two type (ant_quantization/antquant/quant_modules.py, pot_value): sign + (bits−1)-bit
     * magnitude code c standing for 0 (c = 0) or 2^(c−1), so pot4 is {0, ±1, ±2, …, ±64}; the negative-zero code
     * is a second zero, as ANT's grid holds zero twice. ANT's 4-bit "float" type (3 exponent bits, no mantissa)
     * has exactly these values.
     */
    static GridFormat pot(int bits) {
        double[] magnitudes = new double[1 << (bits - 1)];
        for (int c = 1; c < magnitudes.length; c++) {
            magnitudes[c] = Math.scalb(1.0, c - 1);
        }
        return new GridFormat("pot" + bits, bits, signMagnitude(magnitudes, 0.0),
                "ANT signed power-of-two: 0, ±1, ±2, … ±" + (long) magnitudes[magnitudes.length - 1]
                        + " (code 1" + "0".repeat(bits - 1) + " is a second zero)", ANT_POT_SOURCE);
    }

    static GridFormat bitmod(int bits, BitmodVariant variant) {
        double[] magnitudes = bits == 3 ? FP3_MAGNITUDES : FP4_MAGNITUDES;
        double special = variant.specialValue(bits);
        String base = bits == 3 ? "FP3 {0,±1,±2,±4}" : "FP4 E2M1×2 {0,±1,±2,±3,±4,±6,±8,±12}";
        return new GridFormat("bitmod-fp" + bits + "-" + variant.suffix(), bits, signMagnitude(magnitudes, special),
                "BitMoD " + base + " plus " + (special > 0 ? "+" : "") + (long) special + " on the negative-zero code",
                BITMOD_SOURCE);
    }

    /** Ternary {−1, 0, +1} as a 2-bit two's-complement code; code 10 (−2) is unused. */
    static GridFormat ternary() {
        return new GridFormat("ternary", 2, new double[] {0, 1, Double.NaN, -1},
                "ternary {-1,0,+1}: 2-bit two's-complement code, 10 unused; absmean scale as BitNet b1.58",
                "BitNet b1.58 (Ma et al., arXiv 2402.17764): weights in {-1,0,+1} with an absmean scale");
    }
}
