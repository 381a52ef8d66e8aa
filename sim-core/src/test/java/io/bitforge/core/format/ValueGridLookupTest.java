package io.bitforge.core.format;

import io.bitforge.core.arith.Rounding;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The lookup table of {@link ValueGrid} against {@link ValueGridOracle} (a binary search over every value): the same
 * index for every tie rule on every format's grid and on random grids, at grid values, exact midpoints, the
 * neighbours of both (one ulp off), zeros, values beyond either end and random points of every magnitude.
 */
class ValueGridLookupTest {
    @Test
    void everyFormatsGridFindsWhatTheOracleFinds() {
        List<ValueGrid> grids = new ArrayList<>();
        for (String id : NumberFormats.allIds()) {
            NumberFormat f = NumberFormats.parse(id);
            if (f instanceof ElementFormat e) {
                grids.add(e.grid());
            } else if (f instanceof OvpFormat o) {
                grids.add(o.elementGrid());
                grids.add(o.normalGrid());
                grids.add(o.outlierGrid());
            } else if (f instanceof BitmodMixture m) {
                m.candidates().forEach(c -> grids.add(c.grid()));
            }
        }
        grids.add(new IntFormat(IntFormat.Encoding.TWOS_COMPLEMENT, 8).grid());
        grids.add(new IntFormat(IntFormat.Encoding.SIGN_MAGNITUDE, 12).grid());
        SplittableRandom random = new SplittableRandom(28);
        for (ValueGrid grid : grids) {
            check(grid, random, 1_000);
        }
    }

    @Test
    void randomGridsOfMixedSpacingFindWhatTheOracleFinds() {
        SplittableRandom random = new SplittableRandom(5);
        for (int t = 0; t < 150; t++) {
            double[] v = new double[1 + random.nextInt(300)];
            for (int i = 0; i < v.length; i++) {
                double magnitude = Math.scalb(1 + random.nextDouble(), random.nextInt(-40, 40));
                v[i] = random.nextInt(8) == 0 ? 0 : random.nextBoolean() ? magnitude : -magnitude;
                if (random.nextInt(4) == 0) {
                    v[i] = Math.rint(v[i] * 4) / 4; // short mantissas: exact midpoints, as the formats have
                }
            }
            check(ValueGrid.ofValues(v), random, 300);
        }
        // One-sided grids, a single value, and values far from zero only.
        check(ValueGrid.ofValues(0, 1, 2, 3, 15), random, 500);
        check(ValueGrid.ofValues(-7), random, 50);
        check(ValueGrid.ofValues(1e-300, 1e300), random, 500);
        check(ValueGrid.ofValues(-1e6, -1e6 + 1, -1e6 + 2), random, 500);
        check(ValueGrid.ofValues(Double.MIN_VALUE, 0, -Double.MIN_VALUE, Double.MAX_VALUE), random, 500);
    }

    private static void check(ValueGrid grid, SplittableRandom random, int randomPoints) {
        ValueGridOracle oracle = new ValueGridOracle(grid);
        List<Double> points = new ArrayList<>(List.of(0.0, -0.0, Double.MAX_VALUE, -Double.MAX_VALUE,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE));
        for (int i = 0; i < grid.size(); i++) {
            double v = grid.value(i);
            points.add(v);
            points.add(Math.nextUp(v));
            points.add(Math.nextDown(v));
            if (i + 1 < grid.size()) {
                double mid = v + (grid.value(i + 1) - v) / 2;
                points.add(mid);
                points.add(Math.nextUp(mid));
                points.add(Math.nextDown(mid));
            }
        }
        double span = Math.max(grid.maxAbs(), Double.MIN_NORMAL);
        for (int k = 0; k < randomPoints; k++) {
            double x = switch (k % 3) {
                case 0 -> (random.nextDouble() * 2.4 - 1.2) * span;
                case 1 -> Math.scalb(random.nextDouble(), random.nextInt(-60, 60)) * (random.nextBoolean() ? 1 : -1);
                default -> grid.value(random.nextInt(grid.size())) * (1 + (random.nextDouble() - 0.5) * 1e-3);
            };
            points.add(x);
        }
        for (double x : points) {
            for (Rounding r : Rounding.values()) {
                assertEquals(oracle.nearestIndex(x, r), grid.nearestIndex(x, r), () -> "x = " + x + " (" + r
                        + ") on a grid of " + grid.size() + " values from " + grid.min() + " to " + grid.max());
            }
        }
    }
}
