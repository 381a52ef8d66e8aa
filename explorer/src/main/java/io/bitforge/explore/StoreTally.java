package io.bitforge.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a run reports about its whole store, gathered design by design as the store reads back and appends
 * ({@link StoreListener}): the feasible count, the Pareto front of the feasible designs, the best design per
 * objective, and per design its minimised objectives followed by its constraint violations (what NSGA-II needs
 * when a generation revisits a stored design). Nothing else of a design stays in memory.
 */
final class StoreTally implements StoreListener {
    /** {@link Constraints#violations}: area, power, throughput, weight residency. */
    private static final int VIOLATIONS = 4;

    private final DesignSpace space;
    private final int objectives;
    private final IncrementalParetoFront<StoredDesign> front = new IncrementalParetoFront<>();
    private final StoredDesign[] best;
    private final double[] bestValue;
    private long feasible;

    StoreTally(DesignSpace space) {
        this.space = space;
        this.objectives = space.objectives().size();
        this.best = new StoredDesign[objectives];
        this.bestValue = new double[objectives];
    }

    /** Numbers kept per design: the objectives, then the violations of area, power and throughput budgets and of weight residency. */
    int vectorLength() {
        return objectives + VIOLATIONS;
    }

    @Override
    public double[] stored(StoredDesign design) {
        double[] vector = new double[vectorLength()];
        for (int i = 0; i < objectives; i++) {
            vector[i] = space.objectives().get(i).minimised(design.metrics());
        }
        double[] violations = space.constraints().violations(design.metrics());
        System.arraycopy(violations, 0, vector, objectives, violations.length);
        if (design.feasible()) {
            feasible++;
            front.offer(java.util.Arrays.copyOf(vector, objectives), design);
            for (int i = 0; i < objectives; i++) {
                // the least value, ties to the smaller id: the same design whatever the store's order
                int order = best[i] == null ? -1 : Double.compare(vector[i], bestValue[i]);
                if (order < 0 || (order == 0 && design.id().compareTo(best[i].id()) < 0)) {
                    best[i] = design;
                    bestValue[i] = vector[i];
                }
            }
        }
        return vector;
    }

    long feasible() {
        return feasible;
    }

    /** The front sorted by the first objective, then by id. */
    List<StoredDesign> front() {
        Objective first = space.objectives().get(0);
        List<StoredDesign> sorted = new ArrayList<>(front.members());
        sorted.sort(Comparator.comparingDouble((StoredDesign d) -> first.minimised(d.metrics()))
                .thenComparing(StoredDesign::id));
        return sorted;
    }

    /** The feasible design with the least value of objective {@code index}, or null when none is feasible. */
    StoredDesign best(int index) {
        return best[index];
    }
}
