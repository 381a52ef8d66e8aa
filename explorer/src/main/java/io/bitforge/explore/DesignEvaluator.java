package io.bitforge.explore;

import io.bitforge.core.engine.Engine;
import io.bitforge.core.engine.Mapping;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.DramSpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.simulation.PhaseFootprints;
import io.bitforge.simulation.PhaseTotals;
import io.bitforge.simulation.Simulator;
import io.bitforge.simulation.timing.DramLatency;
import io.bitforge.simulation.timing.RowBufferDram;
import io.bitforge.simulation.cost.DramFigures;
import io.bitforge.simulation.engine.EngineAssembly;
import io.bitforge.simulation.engine.EngineSetup;
import io.bitforge.simulation.engine.MemorySetup;
import io.bitforge.simulation.residency.ResidencyPlanner;
import io.bitforge.simulation.residency.WeightResidency;
import io.bitforge.core.workload.WorkloadFactory;
import io.bitforge.workloads.quant.QuantConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scores one design on the space's weighted workloads through {@code simulate}'s own path: an engine from
 * {@link EngineAssembly} and {@link Simulator#totals} (the same DRAM floor: each op takes at least its DRAM bytes
 * over the design's sustained DRAM bandwidth, and its footprint's DRAM energy counts, so a space's {@code dram}
 * field matters). With {@link SpaceMemory#TILED} the engine's memory model is {@code simulate}'s too
 * ({@link MemorySetup#SPEC_DRAM}), so buffer sizes set DRAM traffic and stalls; otherwise it counts no DRAM traffic
 * and the floor alone charges DRAM. The workloads' op graphs and their
 * footprints do not depend on the design (only on the quantisation formats), so they are built once per format
 * set and shared (read-only) by every evaluation; nothing about a design's result is cached. A workload with
 * {@code quant: native} runs each design at its array's native formats, the KV cache at the weight format. A
 * family whose weights stay in its array (ReRAM) has them planned over each workload's whole model as
 * {@code simulate} does: resident weights move no DRAM bytes; a design that reprograms pays for it; a design that
 * may not and lacks crossbars is infeasible, its shortfall the violation ({@link DesignMetrics#residencyShortfall}).
 * Immutable and thread-safe.
 */
public final class DesignEvaluator {
    private static final double PICO = 1e-12;
    private static final double SQUARE_MICROMETRES_PER_SQUARE_MILLIMETRE = 1e6;

    private final Registry registry;
    private final EngineSetup setup;
    private final List<WorkloadTerm> terms;
    /** Per term: the graphs by quantisation text (one entry, or one per native format pair for "native"). */
    private final List<Map<String, List<PhaseFootprints>>> graphs;

    /**
     * The DRAM's figures, latency and row-buffer timing by DRAM and clock, the only fields they read: the same for
     * every design of a space that shares them, so built once for all of them.
     */
    private final Map<DramKey, DramSide> dramSides = new ConcurrentHashMap<>();

    private record DramKey(DramSpec dram, double clockMegahertz) {
    }

    private record DramSide(DramFigures figures, long latencyCycles, RowBufferDram rowBuffer) {
    }

    public DesignEvaluator(Registry registry, List<WorkloadTerm> terms) {
        this(registry, terms, SpaceMemory.FLOOR);
    }

    public DesignEvaluator(Registry registry, List<WorkloadTerm> terms, SpaceMemory memory) {
        this(registry, terms, memory, null);
    }

    /**
     * @param mapping the mapping stage every design runs under, or null for each design's own (the tiler's
     *                choice, or a spec's deprecated block)
     */
    public DesignEvaluator(Registry registry, List<WorkloadTerm> terms, SpaceMemory memory, Mapping mapping) {
        this.registry = registry;
        this.setup = EngineSetup.SIMULATE.withMapping(mapping).withMemory(memory == SpaceMemory.TILED
                ? MemorySetup.SPEC_DRAM : MemorySetup.UNLIMITED_BANDWIDTH);
        this.terms = List.copyOf(terms);
        List<Map<String, List<PhaseFootprints>>> built = new ArrayList<>();
        for (WorkloadTerm term : terms) {
            Map<String, List<PhaseFootprints>> byQuant = new ConcurrentHashMap<>();
            if (!isNative(term)) {
                byQuant.put(term.settings().quant(), build(term, term.settings().quant()));
            }
            built.add(byQuant);
        }
        this.graphs = List.copyOf(built);
    }

    private static boolean isNative(WorkloadTerm term) {
        return term.settings().quant().equals(QuantConfig.NATIVE);
    }

    private List<PhaseFootprints> build(WorkloadTerm term, String quant) {
        return factory(term).build(term.settings().withQuant(quant)).stream().map(PhaseFootprints::of).toList();
    }

    private WorkloadFactory factory(WorkloadTerm term) {
        return registry.workload(term.workload()).orElseThrow(() -> new IllegalArgumentException(
                "no workload " + term.workload()));
    }

    /**
     * The term's graphs for this design: with {@code quant: native} the design's own formats decide them (built
     * once per distinct format pair, since the graph depends only on the formats, not on the design).
     */
    private List<PhaseFootprints> graphs(int term, Engine engine, HardwareSpec spec) {
        WorkloadTerm workload = terms.get(term);
        String quant = workload.settings().quant();
        if (isNative(workload)) {
            NativePrecisions natives = engine.family().nativePrecisions(spec.pe().params());
            quant = QuantConfig.nativeWithKvAtWeightsText(natives.weights(), natives.activations());
        }
        String key = quant;
        return graphs.get(term).computeIfAbsent(key, k -> build(workload, k));
    }

    public DesignMetrics evaluate(HardwareSpec spec) {
        Engine engine = EngineAssembly.assemble(registry, spec, setup);
        DramSide side = dramSides.computeIfAbsent(new DramKey(spec.dram(), spec.clockMegahertz()),
                key -> new DramSide(DramFigures.of(spec, registry), DramLatency.cycles(spec, registry),
                        RowBufferDram.of(spec, registry).orElse(null)));
        DramFigures dram = side.figures();
        long dramLatency = side.latencyCycles();
        boolean resident = ResidencyPlanner.store(engine, spec).isPresent();
        RowBufferDram rowBuffer = side.rowBuffer();
        Simulator shared = new Simulator(engine, dram, dramLatency, null, rowBuffer);
        double shortfall = 0;
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
            List<PhaseFootprints> phases = graphs(i, engine, spec);
            Simulator simulator = shared;
            if (resident) {
                // weights resident in the array (ReRAM): planned over the whole model as simulate plans them; a
                // design that may not reprogram and lacks tiles is scored as if reprogramming, and infeasible
                WeightResidency residency = ResidencyPlanner.planAllowingReprogramming(engine, spec, factory(term),
                        term.settings(), phases.stream().map(PhaseFootprints::graph).toList());
                if (residency.refused()) {
                    shortfall = Math.max(shortfall, (double) residency.tilesShort() / residency.capacityTiles());
                }
                simulator = new Simulator(engine, dram, dramLatency, residency, rowBuffer);
            }
            for (PhaseFootprints scored : phases) {
                PhaseTotals totals = simulator.totals(scored);
                cycles = Math.addExact(cycles, totals.cycles());
                picojoules += totals.picojoules();
                areaSquareMicrometres = Math.max(areaSquareMicrometres, totals.areaSquareMicrometres());
                outputItems += scored.graph().outputItems();
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
                items, perWorkload, shortfall);
    }
}
