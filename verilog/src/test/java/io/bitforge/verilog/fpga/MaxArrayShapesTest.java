package io.bitforge.verilog.fpga;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rectangles {@code --max-array} tries after its squares, as a pure function of the bracket. */
class MaxArrayShapesTest {

    private static List<String> shapes(int fits, int fails) {
        return MaxArraySearch.rectangles(fits, fails).stream().map(s -> s[0] + "x" + s[1]).toList();
    }

    @Test
    void oneByNShapesAreTriedBelowTheFailedSquare() {
        // BitMoD FP16 on the HX8K: 1x1 fits, 2x2 (4 PEs) does not; 1x2 and 1x3 have 2 and 3 PEs
        assertEquals(List.of("1x2", "1x3"), shapes(1, 2));
    }

    @Test
    void rectanglesBetweenTheSquaresByPeCountThenSquarerFirst() {
        // 5x5 fits, 6x6 does not: rows 4 or 5, more than 25 and fewer than 36 PEs:
        // 4x7 = 28, 5x6 = 30, 4x8 = 32, 5x7 = 35 (4x9 = 36 and 5x8 = 40 are not below 36)
        assertEquals(List.of("4x7", "5x6", "4x8", "5x7"), shapes(5, 6));
        // 2x2 fits, 3x3 does not: 1x5 (5), 2x3 (6), 1x6 (6), 1x7, 2x4 (8), 1x8
        assertEquals(List.of("1x5", "2x3", "1x6", "1x7", "2x4", "1x8"), shapes(2, 3));
    }

    @Test
    void anOpenBracketStopsBelowTheNextSquareAndNothingFitsNothingIsTried() {
        // the square builds ran out before a failure (fails = 33): the next square, 4x4, bounds the rectangles
        // 2x5 = 10, 3x4 = 12, 2x6 = 12, 2x7 = 14, 3x5 = 15 (2x8 = 16 is not below 16)
        assertEquals(List.of("2x5", "3x4", "2x6", "2x7", "3x5"), shapes(3, MaxArraySearch.MAX_SIDE + 1));
        assertTrue(shapes(0, 1).isEmpty());
        // the columns stop at the array options' bound
        assertTrue(MaxArraySearch.rectangles(32, 33).stream().allMatch(s -> s[1] <= MaxArraySearch.MAX_SIDE));
    }

    @Test
    void theWorstCasePricesTheDistinctSidesNearestTheEstimate() {
        // 5 first, then one further out on each side, the larger first
        assertEquals(List.of(5, 6, 4, 7, 3, 8), MaxArraySearch.nearestSides(5, 6, MaxArraySearch.MAX_SIDE));
        // near the edges the other side makes up the count
        assertEquals(List.of(1, 2, 3, 4, 5, 6), MaxArraySearch.nearestSides(1, 6, MaxArraySearch.MAX_SIDE));
        assertEquals(List.of(32, 31, 30), MaxArraySearch.nearestSides(40, 3, MaxArraySearch.MAX_SIDE));
        // DSP-only with 8 blocks and one per PE: sides up to 3 only
        assertEquals(List.of(2, 3, 1), MaxArraySearch.nearestSides(2, 6, 3));
    }
}
