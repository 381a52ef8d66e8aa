package io.bitforge.explore;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The front equals the brute-force definition: the points no other point dominates. */
class ParetoFrontProperties {
    @Property(tries = 300)
    void frontIsExactlyTheUndominatedPoints(@ForAll("pointSets") List<double[]> points) {
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            boolean dominated = false;
            for (int j = 0; j < points.size(); j++) {
                if (j != i && bruteDominates(points.get(j), points.get(i))) {
                    dominated = true;
                }
            }
            if (!dominated) {
                expected.add(i);
            }
        }
        assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), ParetoFront.indices(points));
    }

    @Property(tries = 300)
    void incrementalFrontKeepsTheSamePointsInAnyOrder(@ForAll("pointSets") List<double[]> points,
                                                      @ForAll long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new java.util.Random(seed));
        IncrementalParetoFront<Integer> front = new IncrementalParetoFront<>();
        for (int i : order) {
            front.offer(points.get(i), i);
        }
        assertArrayEquals(ParetoFront.indices(points),
                front.members().stream().mapToInt(Integer::intValue).sorted().toArray());
    }

    /** Independent of ParetoFront.dominates: all <= and not all ==. */
    private static boolean bruteDominates(double[] a, double[] b) {
        boolean allNoWorse = true;
        boolean allEqual = true;
        for (int k = 0; k < a.length; k++) {
            allNoWorse &= a[k] <= b[k];
            allEqual &= a[k] == b[k];
        }
        return allNoWorse && !allEqual;
    }

    @Provide
    Arbitrary<List<double[]>> pointSets() {
        return Arbitraries.integers().between(1, 4).flatMap(dims -> {
            // Few distinct values per axis so that ties and duplicates are common; -0.0 and 0.0 both appear.
            Arbitrary<Double> coordinate = Arbitraries.of(-0.0, 0.0, 1.0, 2.5, 3.0, -1.0, 1e300);
            Arbitrary<double[]> point = coordinate.list().ofSize(dims)
                    .map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
            return point.list().ofMinSize(0).ofMaxSize(40);
        });
    }
}
