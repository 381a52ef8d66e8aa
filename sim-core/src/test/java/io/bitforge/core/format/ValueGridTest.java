package io.bitforge.core.format;

import io.bitforge.core.arith.Rounding;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ValueGridTest {
    // Codes 0..4 → values −4, −1, 0, 2, 3 (code 3 → 2 is odd, code 4 → 3 is even).
    private final ValueGrid grid = ValueGrid.fromCodeTable(new double[] {-4, -1, 0, 2, 3});

    @Test
    void eachTieRuleAtAMidpoint() {
        // 2.5 lies midway between 2 (code 3) and 3 (code 4); −2.5 midway between −4 (code 0) and −1 (code 1).
        assertEquals(2.0, grid.nearestValue(2.5, Rounding.HALF_DOWN_TOWARD_LOWER));
        assertEquals(3.0, grid.nearestValue(2.5, Rounding.HALF_UP));
        assertEquals(3.0, grid.nearestValue(2.5, Rounding.HALF_EVEN), "code 4 is the even one");
        assertEquals(3.0, grid.nearestValue(2.5, Rounding.HALF_AWAY_FROM_ZERO));
        assertEquals(-4.0, grid.nearestValue(-2.5, Rounding.HALF_DOWN_TOWARD_LOWER));
        assertEquals(-1.0, grid.nearestValue(-2.5, Rounding.HALF_UP));
        assertEquals(-4.0, grid.nearestValue(-2.5, Rounding.HALF_EVEN), "code 0 is the even one");
        assertEquals(-4.0, grid.nearestValue(-2.5, Rounding.HALF_AWAY_FROM_ZERO));
        assertEquals(2.0, grid.nearestValue(2.9, Rounding.TRUNCATE), "truncate is the floor on the grid");
    }

    @Test
    void nearestSaturationAndDuplicates() {
        assertEquals(-1.0, grid.nearestValue(-1.4, Rounding.HALF_EVEN));
        assertEquals(3.0, grid.nearestValue(1e30, Rounding.HALF_EVEN));
        assertEquals(-4.0, grid.nearestValue(Double.NEGATIVE_INFINITY, Rounding.HALF_EVEN));
        assertThrows(IllegalArgumentException.class, () -> grid.nearestIndex(Double.NaN, Rounding.HALF_EVEN));
        // ±0 collapse to one value keeping the lowest code; NaN entries are skipped.
        ValueGrid signed = ValueGrid.fromCodeTable(new double[] {0.0, 1, Double.NaN, -0.0, -1});
        assertArrayEquals(new double[] {-1, 0, 1}, signed.values());
        assertEquals(0, signed.nearestCode(-0.0, Rounding.HALF_EVEN));
        assertEquals(4.0, grid.maxAbs(), "|−4| is the largest magnitude");
    }

    @Test
    void theBucketLookupFindsWhatAScanOfEveryValueFinds() {
        // Independent check of the table lookup: the nearest value by scanning the whole grid, for grids of mixed
        // spacing (a few values spread over six decades, as OVP's and fp16's are) and points inside and beyond.
        java.util.Random random = new java.util.Random(11);
        for (int t = 0; t < 2000; t++) {
            double[] v = new double[2 + random.nextInt(40)];
            for (int i = 0; i < v.length; i++) {
                v[i] = random.nextGaussian() * Math.pow(10, random.nextInt(6) - 3);
            }
            ValueGrid g = ValueGrid.ofValues(v);
            double[] sorted = g.values();
            for (int k = 0; k < 200; k++) {
                double x = random.nextGaussian() * Math.pow(10, random.nextInt(6) - 3);
                int scan = 0;
                for (int i = 1; i < sorted.length; i++) {
                    if (Math.abs(x - sorted[i]) <= Math.abs(x - sorted[scan])) {
                        scan = i;
                    }
                }
                assertEquals(Math.abs(x - sorted[scan]), Math.abs(x - g.nearestValue(x, Rounding.HALF_UP)),
                        "x = " + x + " on " + g);
            }
            for (double value : sorted) {
                assertEquals(value, g.nearestValue(value, Rounding.HALF_DOWN_TOWARD_LOWER));
            }
        }
    }

    @Test
    void codeTablesSortAsTheBoxedStableSortDid() {
        // the former construction (a stable sort of boxed codes by value, -0.0 as 0.0, first code of a value kept)
        // as the oracle, on tables with repeats, signed zeros, NaNs and infinities
        java.util.Random random = new java.util.Random(28);
        for (int trial = 0; trial < 200; trial++) {
            double[] table = new double[1 + random.nextInt(300)];
            for (int c = 0; c < table.length; c++) {
                int kind = random.nextInt(10);
                table[c] = kind == 0 ? Double.NaN : kind == 1 ? Double.NEGATIVE_INFINITY : kind == 2 ? -0.0
                        : kind == 3 ? 0.0 : random.nextInt(21) - 10 + (random.nextBoolean() ? 0.5 : 0);
            }
            if (java.util.Arrays.stream(table).noneMatch(Double::isFinite)) {
                table[0] = 1;
            }
            java.util.List<Integer> order = new java.util.ArrayList<>();
            for (int c = 0; c < table.length; c++) {
                if (Double.isFinite(table[c])) {
                    order.add(c);
                }
            }
            order.sort((a, b) -> Double.compare(table[a] + 0.0, table[b] + 0.0));
            java.util.List<Double> values = new java.util.ArrayList<>();
            java.util.List<Integer> codes = new java.util.ArrayList<>();
            for (int c : order) {
                if (values.isEmpty() || values.get(values.size() - 1) != table[c] + 0.0) {
                    values.add(table[c] + 0.0);
                    codes.add(c);
                }
            }
            ValueGrid built = ValueGrid.fromCodeTable(table);
            assertEquals(values.size(), built.size());
            for (int i = 0; i < built.size(); i++) {
                assertEquals(values.get(i), built.value(i));
                assertEquals(codes.get(i), built.code(i));
            }
        }
    }
}
