package io.bitforge.explore;

import java.util.ArrayList;
import java.util.List;

/**
 * The non-dominated subset of a stream of points (every objective minimised), kept as points arrive so that
 * only the front is ever in memory: a new point is dropped when a member dominates it, otherwise it joins and
 * the members it dominates leave. The members at any time are exactly {@link ParetoFront#indices} of the points
 * seen so far (equal points do not dominate each other, so duplicates all stay), whatever the arrival order.
 *
 * @param <T> what each point stands for (a stored design)
 */
final class IncrementalParetoFront<T> {
    private final List<double[]> points = new ArrayList<>();
    private final List<T> members = new ArrayList<>();

    /** Offers a point; returns true when it joined the front. */
    boolean offer(double[] rawPoint, T member) {
        double[] point = rawPoint.clone();
        for (int i = 0; i < point.length; i++) {
            point[i] += 0.0; // -0.0 becomes 0.0, as in ParetoFront
        }
        for (double[] p : points) {
            if (ParetoFront.dominates(p, point)) {
                return false;
            }
        }
        int kept = 0;
        for (int i = 0; i < points.size(); i++) {
            if (!ParetoFront.dominates(point, points.get(i))) {
                points.set(kept, points.get(i));
                members.set(kept, members.get(i));
                kept++;
            }
        }
        points.subList(kept, points.size()).clear();
        members.subList(kept, members.size()).clear();
        points.add(point);
        members.add(member);
        return true;
    }

    /** The members, in the order they joined (minus those that left). */
    List<T> members() {
        return List.copyOf(members);
    }

    int size() {
        return members.size();
    }
}
