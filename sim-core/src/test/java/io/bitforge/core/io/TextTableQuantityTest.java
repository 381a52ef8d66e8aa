package io.bitforge.core.io;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A quantity column shows one SI prefix for all its rows, named in its header (expected text by hand). */
class TextTableQuantityTest {
    @Test
    void aQuantityColumnHasOnePrefixAndThreeSignificantDigits() {
        TextTable table = new TextTable(List.of("design", "TTFT", "area")).quantity(1, "s").fixedQuantity(2, "mm²");
        table.row(List.of("a", 0.0503, 1.234));
        table.row(List.of("b", 0.00207, 26.4));
        table.row(List.of("c", "", 0.5));
        // Largest TTFT 50.3 ms: the column is in ms; 2.07 ms keeps three digits. Area: 26.4 has one decimal,
        // 1.234 shows 1.23 (three significant digits), 0.5 shows 0.500.
        assertEquals("""
                design  TTFT (ms)  area (mm²)
                ------  ---------  ----------
                a            50.3        1.23
                b            2.07        26.4
                c                       0.500
                """, table.toString());
    }

    @Test
    void aWrappedColumnContinuesUnderItself() {
        TextTable table = new TextTable(List.of("id", "description")).wrap(1, 12);
        table.row(List.of("x", "one two three four"));
        assertEquals("""
                id  description
                --  -----------
                x   one two
                    three four
                """, table.toString());
    }
}
