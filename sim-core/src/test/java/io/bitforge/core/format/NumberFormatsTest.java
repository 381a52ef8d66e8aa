package io.bitforge.core.format;

import io.bitforge.core.io.BadInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NumberFormatsTest {
    @Test
    void everyDesignIdParsesToAFormatWithThatId() {
        // DESIGN.md "Format ids", one of each family and every named id.
        List<String> ids = List.of("int1", "int4", "int8", "int16", "sm-int2", "sm-int4", "uint1", "uint8", "fp16",
                "bf16", "fp8-e4m3", "fp8-e5m2", "fp6-e2m3", "fp6-e3m2", "fp4-e2m1", "flint4", "uflint4",
                "bitmod-fp3-er+", "bitmod-fp3-er-", "bitmod-fp3-ea+", "bitmod-fp3-ea-", "bitmod-fp4-er+",
                "bitmod-fp4-er-", "bitmod-fp4-ea+", "bitmod-fp4-ea-", "bitmod-mix3", "bitmod-mix4", "pot4", "ant4",
                "ovp-int4", "ovp-flint4", "ovp-int8", "bcq1", "bcq3", "bcq8", "bcq2-pot", "ternary");
        for (String id : ids) {
            assertEquals(id, NumberFormats.parse(id).id());
        }
        assertEquals(4, NumberFormats.parse("ovp-int4").bits());
        assertEquals(3, NumberFormats.parse("bcq3-pot").bits());
        assertTrue(((BcqFormat) NumberFormats.parse("bcq3-pot")).powerOfTwoScales());
        for (String id : NumberFormats.allIds()) {
            assertEquals(id, NumberFormats.parse(id).id());
        }
    }

    @Test
    void unknownIdsAreBadInputListingTheAllowedIds() {
        for (String bad : List.of("fp8", "int0", "int17", "int04", "sm-int1", "uint32", "bcq9", "bcq0", "INT4", "",
                "ovp-int2")) {
            BadInputException e = assertThrows(BadInputException.class, () -> NumberFormats.parse("quant.weights", bad));
            assertTrue(e.getMessage().startsWith("quant.weights: unknown number format; allowed: int{N} (N 1-16)"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("fp8-e4m3") && e.getMessage().contains("bcq{q}-pot"), e.getMessage());
            assertTrue(e.getMessage().endsWith("got '" + bad + "'"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
        assertThrows(BadInputException.class, () -> NumberFormats.parse(null));
    }
}
