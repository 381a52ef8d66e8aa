package io.bitforge.core.arith;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RoundingTest {
    @Test
    void tiesByRule() {
        assertEquals(2, Rounding.HALF_EVEN.round(2.5));
        assertEquals(4, Rounding.HALF_EVEN.round(3.5));
        assertEquals(-2, Rounding.HALF_EVEN.round(-2.5));
        assertEquals(3, Rounding.HALF_AWAY_FROM_ZERO.round(2.5));
        assertEquals(-3, Rounding.HALF_AWAY_FROM_ZERO.round(-2.5));
        assertEquals(2, Rounding.HALF_DOWN_TOWARD_LOWER.round(2.5));
        assertEquals(-3, Rounding.HALF_DOWN_TOWARD_LOWER.round(-2.5));
        assertEquals(3, Rounding.HALF_UP.round(2.5));
        assertEquals(-2, Rounding.HALF_UP.round(-2.5));
        assertEquals(2, Rounding.TRUNCATE.round(2.9));
        assertEquals(-3, Rounding.TRUNCATE.round(-2.1));
    }

    @Test
    void shiftRightTiesByRule() {
        // 5 / 2 = 2.5, -5 / 2 = -2.5, 7 / 4 = 1.75
        assertEquals(2, Rounding.HALF_EVEN.shiftRight(5, 1));
        assertEquals(-2, Rounding.HALF_EVEN.shiftRight(-5, 1));
        assertEquals(3, Rounding.HALF_AWAY_FROM_ZERO.shiftRight(5, 1));
        assertEquals(-3, Rounding.HALF_AWAY_FROM_ZERO.shiftRight(-5, 1));
        assertEquals(2, Rounding.HALF_DOWN_TOWARD_LOWER.shiftRight(5, 1));
        assertEquals(2, Rounding.HALF_UP.shiftRight(7, 2));
        assertEquals(-3, Rounding.TRUNCATE.shiftRight(-5, 1));
    }

    @Property
    void shiftRightMatchesRealRounding(@ForAll @IntRange(min = -1_000_000, max = 1_000_000) int value,
                                       @ForAll @IntRange(min = 0, max = 12) int shift) {
        double real = value / (double) (1 << shift);
        for (Rounding rule : Rounding.values()) {
            assertEquals(rule.round(real), rule.shiftRight(value, shift), rule + " " + value + ">>" + shift);
        }
    }
}
