package io.bitforge.explore.spark;

import io.bitforge.explore.DesignScorer;

import java.io.Serializable;

/**
 * The scorer of one executor JVM, built from its recipe on first use. Shipped as a Spark broadcast variable, which
 * an executor deserializes once and shares between its tasks, so the workloads' op graphs are built once per
 * executor rather than once per task.
 */
final class ExecutorScorer implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ScorerRecipe recipe;
    private transient DesignScorer scorer;

    ExecutorScorer(ScorerRecipe recipe) {
        this.recipe = recipe;
    }

    synchronized DesignScorer scorer() {
        if (scorer == null) {
            scorer = recipe.build();
        }
        return scorer;
    }
}
