package io.bitforge.core.format;

import java.util.List;

/**
 * ANT's per-tensor choice of a 4-bit type (Guo et al., MICRO 2022; clevercool/ANT-Quantization,
 * ant_quantization/antquant/quant_modules.py, search_adaptive_numeric_type): the whole tensor is quantised with each
 * candidate type and the one of least summed per-group mean squared error is kept. The candidates are ANT's 4-bit
 * int, flint and PoT; its 4-bit "float" type (3 exponent bits, no mantissa) has exactly the values of PoT-4, so it
 * is not a separate candidate. The chosen type is a per-tensor property: a quantised tensor holds the chosen format.
 */
public record AntTypeChoice(int bits) implements NumberFormat {
    public AntTypeChoice {
        if (bits != 4) {
            throw new IllegalArgumentException("ANT's type choice is defined here at 4 bits, got " + bits);
        }
    }

    @Override
    public String id() {
        return "ant" + bits;
    }

    @Override
    public String description() {
        return "ANT per-tensor choice among int4, flint4 and pot4 by least summed per-group squared error";
    }

    @Override
    public String source() {
        return "ANT (Guo et al., MICRO 2022), clevercool/ANT-Quantization ant_quantization/antquant/quant_modules.py "
                + "(search_adaptive_numeric_type)";
    }

    /** The candidates in the order ANT reads its mode string (-int, -flint, -pot); a tie keeps the earlier one. */
    public List<ElementFormat> candidates() {
        return List.of((ElementFormat) NumberFormats.parse("int4"), NumberFormats.FLINT4, NumberFormats.POT4);
    }
}
