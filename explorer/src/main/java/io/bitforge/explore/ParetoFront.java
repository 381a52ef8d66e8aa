package io.bitforge.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The non-dominated subset of points, every objective minimised. A point dominates another when it is no worse in
 * every objective and better in at least one; equal points do not dominate each other, so duplicates all stay.
 * Points are visited in lexicographic order: a dominator is lexicographically smaller than what it dominates, so
 * each point need only be checked against the front found so far (Kung, Luccio and Preparata 1975 in its simplest
 * form), which is fast when the front is small relative to the points.
 */
public final class ParetoFront {
    private ParetoFront() {
    }

    /** Indices of the non-dominated points, ascending. */
    public static int[] indices(List<double[]> rawPoints) {
        // -0.0 + 0.0 is 0.0: lexicographic order must agree with the '<' of dominance.
        List<double[]> points = rawPoints.stream().map(p -> Arrays.stream(p).map(x -> x + 0.0).toArray()).toList();
        Integer[] order = new Integer[points.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Comparator<Integer> lexicographic = (a, b) -> Arrays.compare(points.get(a), points.get(b));
        Arrays.sort(order, lexicographic);
        List<Integer> front = new ArrayList<>();
        for (int candidate : order) {
            double[] p = points.get(candidate);
            boolean dominated = false;
            for (int member : front) {
                if (dominates(points.get(member), p)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                front.add(candidate);
            }
        }
        return front.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** True when {@code a} is no worse than {@code b} everywhere and strictly better somewhere. */
    public static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) {
                return false;
            }
            if (a[i] < b[i]) {
                better = true;
            }
        }
        return better;
    }
}
