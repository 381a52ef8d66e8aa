package io.bitforge.core.format;

import java.util.List;

/**
 * BitMoD's per-group mixture (HPCA 2025): every group of weights picks, by least squared error, one of the four
 * variants ER+, ER−, EA+, EA− of the 3- or 4-bit grid (yc2367/BitMoD-HPCA-25,
 * bitmod_quant/quant_utils/quant_weight.py, search_datatype with "mixed_bitmod"). The choice is 2 bits of
 * metadata per group, held by the quantised tensor.
 */
public record BitmodMixture(int bits) implements NumberFormat {
    public BitmodMixture {
        if (bits != 3 && bits != 4) {
            throw new IllegalArgumentException("BitMoD mixtures are 3- or 4-bit, got " + bits);
        }
    }

    @Override
    public String id() {
        return "bitmod-mix" + bits;
    }

    @Override
    public String description() {
        return "BitMoD per-group choice among the four FP" + bits + " variants (er+, er-, ea+, ea-) by least squared error";
    }

    @Override
    public String source() {
        return "BitMoD (Chen et al., HPCA 2025), yc2367/BitMoD-HPCA-25 bitmod_quant/quant_utils/quant_weight.py "
                + "(search_datatype)";
    }

    /** The candidates in BitMoD's search order (a tie keeps the earlier one). */
    public List<GridFormat> candidates() {
        return List.of(GridFormats.bitmod(bits, BitmodVariant.ER_POS), GridFormats.bitmod(bits, BitmodVariant.ER_NEG),
                GridFormats.bitmod(bits, BitmodVariant.EA_POS), GridFormats.bitmod(bits, BitmodVariant.EA_NEG));
    }

    /** Bits of the per-group type selector: log2 of four candidates. */
    public int selectorBits() {
        return 2;
    }
}
