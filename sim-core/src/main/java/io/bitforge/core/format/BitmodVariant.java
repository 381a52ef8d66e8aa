package io.bitforge.core.format;

/**
 * BitMoD's four variants of a sign-magnitude FP3/FP4 grid: the redundant negative-zero code is given one extra
 * value — extra resolution inside the range (ER, ±3 for FP3, ±10 for FP4 in the ×2 units) or extra asymmetry
 * beyond the opposite side's maximum (EA, ±6 / ±16). Value sets from yc2367/BitMoD-HPCA-25,
 * bitmod_quant/quant_utils/quant_weight.py (FP3_ER_POS … FP4_EA_NEG).
 */
public enum BitmodVariant {
    ER_POS("er+"), ER_NEG("er-"), EA_POS("ea+"), EA_NEG("ea-");

    private final String suffix;

    BitmodVariant(String suffix) {
        this.suffix = suffix;
    }

    /** The id suffix: er+, er-, ea+, ea-. */
    public String suffix() {
        return suffix;
    }

    /** The extra value this variant puts on the negative-zero code, for a 3- or 4-bit base grid. */
    public double specialValue(int bits) {
        double resolution = bits == 3 ? 3 : 10;
        double asymmetry = bits == 3 ? 6 : 16;
        switch (this) {
            case ER_POS:
                return resolution;
            case ER_NEG:
                return -resolution;
            case EA_POS:
                return asymmetry;
            default:
                return -asymmetry;
        }
    }
}
