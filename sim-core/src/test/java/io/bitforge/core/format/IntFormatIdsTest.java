package io.bitforge.core.format;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntFormatIdsTest {
    @Test
    void integerIdsParseAsNumberFormatsParsesThemAndNothingElseDoes() {
        int integers = 0;
        for (String id : NumberFormats.allIds()) {
            Optional<IntFormat> parsed = IntFormatIds.parse(id);
            if (NumberFormats.parse(id) instanceof IntFormat expected) {
                assertEquals(Optional.of(expected), parsed, id);
                integers++;
            } else {
                assertTrue(parsed.isEmpty(), id);
            }
        }
        assertEquals(16 + 15 + 16, integers); // int1-16, sm-int2-16, uint1-16
        for (String bad : List.of("int0", "int17", "int04", "sm-int1", "uint32", "INT4", "int", "")) {
            assertTrue(IntFormatIds.parse(bad).isEmpty(), bad);
        }
    }
}
