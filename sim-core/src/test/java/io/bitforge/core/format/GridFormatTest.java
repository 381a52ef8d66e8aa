package io.bitforge.core.format;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Published value grids, value by value, and exhaustive round trips of every grid format. */
class GridFormatTest {
    @Test
    void bitmodGridsMatchTheRepository() {
        // yc2367/BitMoD-HPCA-25, bitmod_quant/quant_utils/quant_weight.py: FP3_ER_POS … FP4_EA_NEG, verbatim.
        assertGrid("bitmod-fp3-er+", -4, -2, -1, 0, 1, 2, 3, 4);
        assertGrid("bitmod-fp3-er-", -4, -3, -2, -1, 0, 1, 2, 4);
        assertGrid("bitmod-fp3-ea+", -4, -2, -1, 0, 1, 2, 4, 6);
        assertGrid("bitmod-fp3-ea-", -6, -4, -2, -1, 0, 1, 2, 4);
        assertGrid("bitmod-fp4-er+", -12, -8, -6, -4, -3, -2, -1, 0, 1, 2, 3, 4, 6, 8, 10, 12);
        assertGrid("bitmod-fp4-er-", -12, -10, -8, -6, -4, -3, -2, -1, 0, 1, 2, 3, 4, 6, 8, 12);
        assertGrid("bitmod-fp4-ea+", -12, -8, -6, -4, -3, -2, -1, 0, 1, 2, 3, 4, 6, 8, 12, 16);
        assertGrid("bitmod-fp4-ea-", -16, -12, -8, -6, -4, -3, -2, -1, 0, 1, 2, 3, 4, 6, 8, 12);
    }

    @Test
    void antFlintGridsMatchTheRepository() {
        // FLINT4 in yc2367/BitMoD-HPCA-25 quant_weight.py (ANT's signed flint4).
        assertGrid("flint4", -16, -8, -6, -4, -3, -2, -1, 0, 1, 2, 3, 4, 6, 8, 16);
        // ANT unsigned flint4 code table (clevercool/ANT-Quantization quant_modules.py, research notes §2.4):
        // codes 0000..1111 → 0..7, 8, 10, 12, 14, 16, 24, 32, 64 in code order (monotonic).
        double[] byCode = {0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 24, 32, 64};
        for (int c = 0; c < 16; c++) {
            assertEquals(byCode[c], NumberFormats.UFLINT4.decode(c), "uflint4 code " + c);
        }
        // signed flint4: sign + magnitude code 000..111 → 0,1,2,3,4,6,8,16
        double[] magnitudes = {0, 1, 2, 3, 4, 6, 8, 16};
        for (int c = 0; c < 8; c++) {
            assertEquals(magnitudes[c], NumberFormats.FLINT4.decode(c));
            assertEquals(-magnitudes[c], NumberFormats.FLINT4.decode(8 | c), 0.0);
        }
    }

    @Test
    void ternaryHasThreeValuesAndOneReservedCode() {
        assertGrid("ternary", -1, 0, 1);
        assertTrue(NumberFormats.TERNARY.isReserved(0b10));
        assertEquals(0b11, NumberFormats.TERNARY.encode(-0.9));
    }

    @Test
    void everyCodeOfEveryGridFormatRoundTrips() {
        for (String id : List.of("flint4", "uflint4", "ternary", "bitmod-fp3-er+", "bitmod-fp3-er-", "bitmod-fp3-ea+",
                "bitmod-fp3-ea-", "bitmod-fp4-er+", "bitmod-fp4-er-", "bitmod-fp4-ea+", "bitmod-fp4-ea-")) {
            GridFormat f = (GridFormat) NumberFormats.parse(id);
            for (int code = 0; code < f.codeCount(); code++) {
                double v = f.decode(code);
                if (f.isReserved(code)) {
                    continue;
                }
                assertTrue(f.grid().contains(v), id + " code " + code);
                assertEquals(v, f.decode(f.encode(v)), 0.0, id + " code " + code);
            }
        }
    }

    @Test
    void bitmodTiesGoToTheLowerValue() {
        // quant_weight.py: x <= midpoint takes the lower value. 9 is midway between 8 and 10 in fp4 er+.
        ElementFormat f = (ElementFormat) NumberFormats.parse("bitmod-fp4-er+");
        assertEquals(8.0, f.quantize(9.0));
        assertEquals(10.0, f.quantize(9.01));
        assertEquals(-1.0, f.quantize(-0.5), "−0.5 is midway between −1 and 0: the lower is −1");
    }

    private static void assertGrid(String id, double... expected) {
        ElementFormat f = (ElementFormat) NumberFormats.parse(id);
        assertArrayEquals(expected, f.grid().values(), id);
    }
}
