package io.bitforge.explore;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.op.Op;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.workload.PhaseGraph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores one design on the space's weighted workloads with the {@link Engine}. The workloads' op graphs do not
 * depend on the design, so they are built once here and shared (read-only) by every evaluation; nothing about a
 * design's result is cached. Immutable and thread-safe.
 */
public final class DesignEvaluator {
    private static final double PICO = 1e-12;
    private static final double SQUARE_MICROMETRES_PER_SQUARE_MILLIMETRE = 1e6;

    private final Registry registry;
    private final List<WorkloadTerm> terms;
    private final List<List<PhaseGraph>> graphs;

    public DesignEvaluator(Registry registry, List<WorkloadTerm> terms) {
        this.registry = registry;
        this.terms = List.copyOf(terms);
        List<List<PhaseGraph>> built = new ArrayList<>();
        for (WorkloadTerm term : terms) {
            built.add(List.copyOf(registry.workload(term.workload()).orElseThrow(() -> new IllegalArgumentException(
                    "no workload " + term.workload())).build(term.settings())));
        }
        this.graphs = List.copyOf(built);
    }

    public DesignMetrics evaluate(HardwareSpec spec) {
        Engine engine = Engine.of(spec, registry);
        double latency = 0;
        double energy = 0;
        double items = 0;
        double areaSquareMicrometres = 0;
        Map<String, Map<String, Object>> perWorkload = new LinkedHashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            WorkloadTerm term = terms.get(i);
            long cycles = 0;
            double picojoules = 0;
            long outputItems = 0;
            for (PhaseGraph phase : graphs.get(i)) {
                // The op costs summed directly: Engine.evaluate(PhaseGraph) folds them with CostReport.plus, which
                // also merges action counts and cost sources that are not needed here and dominates the time.
                long phaseCycles = 0;
                double phasePicojoules = 0;
                for (Op op : phase.graph().ops()) {
                    CostReport cost = engine.evaluate(op);
                    phaseCycles = Math.addExact(phaseCycles, cost.totalCycles());
                    phasePicojoules += cost.totalPicojoules();
                    areaSquareMicrometres = Math.max(areaSquareMicrometres, cost.totalAreaSquareMicrometres());
                }
                cycles = Math.addExact(cycles, Math.multiplyExact(phaseCycles, phase.repeats()));
                picojoules += phasePicojoules * phase.repeats();
                outputItems += phase.outputItems();
            }
            double seconds = cycles / spec.clockHertz();
            double joules = picojoules * PICO;
            latency += term.weight() * seconds;
            energy += term.weight() * joules;
            items += term.weight() * outputItems;
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("cycles", cycles);
            figures.put("latencySeconds", seconds);
            figures.put("energyJoules", joules);
            figures.put("outputItems", outputItems);
            perWorkload.put(term.label(), figures);
        }
        return new DesignMetrics(latency, energy, areaSquareMicrometres / SQUARE_MICROMETRES_PER_SQUARE_MILLIMETRE,
                items, perWorkload);
    }
}
