package io.bitforge.explore;

import io.bitforge.core.engine.Mapping;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;

import java.util.function.Predicate;

/**
 * Scores one design of a space: its spec from the choice vector, its id, and (unless stored) its metrics from
 * {@link DesignEvaluator} with the space's constraints checked. The one scoring path of every engine (the
 * in-process thread pool and the Spark job), so the same choice gives the same stored line wherever it runs.
 * Thread-safe.
 */
public final class DesignScorer {
    private final DesignSpace space;
    private final PointSpecs specs;
    private final DesignEvaluator evaluator;

    /** @param mapping the mapping stage every design runs under, or null for each design's own */
    public DesignScorer(Registry registry, DesignSpace space, Mapping mapping) {
        this.space = space;
        this.specs = new PointSpecs(space, new HardwareSpecLoader(registry));
        this.evaluator = new DesignEvaluator(registry, space.workloads(), space.memory(), mapping);
    }

    public DesignSpace space() {
        return space;
    }

    /**
     * The outcome known without evaluating: a rejection when the spec refuses the choices, the stored id when
     * {@code stored} holds the design; null when the design must be evaluated.
     */
    public DesignOutcome screen(int[] choice, Predicate<String> stored) {
        Object specOrOutcome = spec(choice, stored);
        return specOrOutcome instanceof DesignOutcome outcome ? outcome : null;
    }

    /** Scores a choice vector, skipping the evaluation of a design {@code stored} already holds. */
    public DesignOutcome score(int[] choice, Predicate<String> stored) {
        Object specOrOutcome = spec(choice, stored);
        if (specOrOutcome instanceof DesignOutcome outcome) {
            return outcome;
        }
        Point point = (Point) specOrOutcome;
        DesignMetrics metrics;
        try {
            metrics = evaluator.evaluate(point.spec());
        } catch (BadInputException | ArithmeticException | IllegalArgumentException e) {
            // One combination the models cannot cost (an overflow, a format a family lacks) must not end a
            // run of thousands; it is counted and its reason kept in the summary.
            return new DesignOutcome(choice, null, null, space.choiceMap(choice) + ": " + e.getMessage());
        }
        Constraints c = space.constraints();
        return new DesignOutcome(choice, new StoredDesign(point.id(), point.spec().asMap(), metrics, c.met(metrics),
                c.missed(metrics)), null, null);
    }

    /** A design to evaluate: its spec and its id (hashed once). */
    private record Point(HardwareSpec spec, String id) {
    }

    /** The design's spec, or the outcome (rejected, stored) that makes evaluating it needless. */
    private Object spec(int[] choice, Predicate<String> stored) {
        HardwareSpec spec;
        try {
            spec = specs.spec(choice);
        } catch (BadInputException e) {
            return new DesignOutcome(choice, null, null, space.choiceMap(choice) + ": " + e.getMessage());
        }
        String id = spec.designId();
        return stored.test(id) ? new DesignOutcome(choice, null, id, null) : new Point(spec, id);
    }
}
