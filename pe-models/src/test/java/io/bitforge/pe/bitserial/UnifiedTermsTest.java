package io.bitforge.pe.bitserial;

import io.bitforge.core.format.ElementFormat;
import io.bitforge.core.format.NumberFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnifiedTermsTest {
    @Test
    void latencyIsCeilOfFloorOfWeightBitsOverTwo() {
        // yc2367/BitMoD-HPCA-25 pe_array.py: ceil(floor(w)/2): w=3 -> ceil(1.5)=2, 4 -> 2, 6 -> 3, 8 -> 4.
        assertEquals(2, UnifiedTerms.cyclesPerWeight(3));
        assertEquals(2, UnifiedTerms.cyclesPerWeight(4));
        assertEquals(3, UnifiedTerms.cyclesPerWeight(6));
        assertEquals(4, UnifiedTerms.cyclesPerWeight(8));
        // Fractional widths carry per-group metadata only: 4.0625 -> floor 4 -> 2; 3.0625 -> 2; 6.0625 -> 3.
        assertEquals(2, UnifiedTerms.cyclesPerWeight(4.0625));
        assertEquals(2, UnifiedTerms.cyclesPerWeight(3.0625));
        assertEquals(3, UnifiedTerms.cyclesPerWeight(6.0625));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bitmod-fp3-er+", "bitmod-fp3-er-", "bitmod-fp3-ea+", "bitmod-fp3-ea-",
            "bitmod-fp4-er+", "bitmod-fp4-er-", "bitmod-fp4-ea+", "bitmod-fp4-ea-", "fp4-e2m1", "int3", "int4",
            "int6", "int8", "flint4"})
    void everyCodeIsItsValueInAtMostCeilHalfWidthTerms(String id) {
        ElementFormat format = (ElementFormat) NumberFormats.parse(id);
        UnifiedTerms decoder = new UnifiedTerms(format);
        int limit = (format.bits() + 1) / 2;
        for (int code = 0; code < 1 << format.bits(); code++) {
            List<Term> terms = decoder.terms(code);
            assertTrue(terms.size() <= limit, id + " code " + code + " uses " + terms.size() + " terms");
            long units = 0;
            for (Term t : terms) {
                units += t.value();
            }
            assertEquals(format.decode(code), Math.scalb((double) units, -decoder.unitShift()), 0.0,
                    id + " code " + code);
        }
    }

    @Test
    void fp4SpecialValuesByHand() {
        // bitmod-fp4-er+ puts +10 on the negative-zero code 1000: 10 = 8 + 2 = 2*4^1 + 2*4^0.
        UnifiedTerms er = new UnifiedTerms((ElementFormat) NumberFormats.parse("bitmod-fp4-er+"));
        assertEquals(List.of(new Term(2, 0), new Term(2, 1)), er.terms(0b1000));
        // bitmod-fp4-ea- puts -16 there: one term, -1 * 4^2.
        UnifiedTerms ea = new UnifiedTerms((ElementFormat) NumberFormats.parse("bitmod-fp4-ea-"));
        assertEquals(List.of(new Term(-1, 2)), ea.terms(0b1000));
        // 12 (code 0111) = 16 - 4 in non-adjacent form: -1*4^1 + 1*4^2.
        assertEquals(List.of(new Term(-1, 1), new Term(1, 2)), ea.terms(0b0111));
        // fp4-e2m1's 0.5 step puts its grid one bit down.
        assertEquals(1, new UnifiedTerms(NumberFormats.FP4_E2M1).unitShift());
    }

    @Test
    void formatsNeedingMoreTermsThanCyclesAreRejected() {
        // uint4's 11 = 16 - 4 - 1 needs three terms but a 4-bit weight gets two cycles.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new UnifiedTerms((ElementFormat) NumberFormats.parse("uint4")));
        assertTrue(e.getMessage().contains("needs 3 radix-4 terms"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new UnifiedTerms(NumberFormats.FP16));
    }
}
