package io.bitforge.explore;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.simulation.SimulationRun;
import io.bitforge.simulation.cost.DramFigures;
import io.bitforge.simulation.cost.DramFloor;
import io.bitforge.workloads.llm.OpFootprint;
import io.bitforge.workloads.quant.QuantConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scores one design on the space's weighted workloads with the {@link Engine} and the same {@link DramFloor} as
 * {@code simulate}: each op takes at least its DRAM bytes over the design's sustained DRAM bandwidth, and its
 * footprint's DRAM energy counts, so a space's {@code dram} field matters. With {@link SpaceMemory#TILED} the
 * engine is {@code simulate}'s own ({@link SimulationRun#engine}), so buffer sizes set DRAM traffic and stalls. The workloads' op graphs and their
 * footprints do not depend on the design (only on the quantisation formats), so they are built once per format
 * set and shared (read-only) by every evaluation; nothing about a design's result is cached. A workload with
 * {@code quant: native} runs each design at its array's native formats, the KV cache at the weight format.
 * Immutable and thread-safe.
 */
public final class DesignEvaluator {
    private static final double PICO = 1e-12;
    private static final double SQUARE_MICROMETRES_PER_SQUARE_MILLIMETRE = 1e6;

    private final Registry registry;
    private final SpaceMemory memory;
    private final List<WorkloadTerm> terms;
    /** Per term: the graphs by quantisation text (one entry, or one per native format pair for "native"). */
    private final List<Map<String, List<Phase>>> graphs;

    /**
     * A phase graph with each op's DRAM footprint in bytes, in op order, without the weights of weight GEMMs
     * ({@code weightGemms[i]} non-null): those are added per design at its stored width, as {@code simulate} does.
     */
    private record Phase(PhaseGraph graph, long[] otherBytes, GemmOp[] weightGemms) {
        static Phase of(PhaseGraph graph) {
            List<Op> ops = graph.graph().ops();
            long[] bytes = new long[ops.size()];
            GemmOp[] weightGemms = new GemmOp[ops.size()];
            for (int i = 0; i < bytes.length; i++) {
                OpFootprint footprint = OpFootprint.of(ops.get(i));
                if (ops.get(i) instanceof GemmOp gemm && gemm.bOperand() == BOperand.WEIGHTS) {
                    weightGemms[i] = gemm;
                    footprint = footprint.withWeightBytes(0);
                }
                bytes[i] = footprint.totalBytes();
            }
            return new Phase(graph, bytes, weightGemms);
        }

        long footprintBytes(int op, Engine engine) {
            GemmOp gemm = weightGemms[op];
            return gemm == null ? otherBytes[op]
                    : otherBytes[op] + OpFootprint.storedWeightBytes(gemm, engine.storedWeightBits(gemm));
        }
    }

    public DesignEvaluator(Registry registry, List<WorkloadTerm> terms) {
        this(registry, terms, SpaceMemory.FLOOR);
    }

    public DesignEvaluator(Registry registry, List<WorkloadTerm> terms, SpaceMemory memory) {
        this.registry = registry;
        this.memory = memory;
        this.terms = List.copyOf(terms);
        List<Map<String, List<Phase>>> built = new ArrayList<>();
        for (WorkloadTerm term : terms) {
            Map<String, List<Phase>> byQuant = new ConcurrentHashMap<>();
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

    private List<Phase> build(WorkloadTerm term, String quant) {
        return registry.workload(term.workload()).orElseThrow(() -> new IllegalArgumentException(
                "no workload " + term.workload())).build(term.settings().withQuant(quant)).stream().map(Phase::of)
                .toList();
    }

    /**
     * The term's graphs for this design: with {@code quant: native} the design's own formats decide them (built
     * once per distinct format pair, since the graph depends only on the formats, not on the design).
     */
    private List<Phase> graphs(int term, Engine engine, HardwareSpec spec) {
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
        Engine engine = memory == SpaceMemory.TILED ? SimulationRun.engine(registry, spec) : Engine.of(spec, registry);
        DramFigures dram = DramFigures.of(spec, registry);
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
            for (Phase scored : graphs(i, engine, spec)) {
                // The op costs summed directly (DramFloor's arithmetic without building a cost report):
                // Engine.evaluate(PhaseGraph) folds them with CostReport.plus, which also merges action counts and
                // cost sources that are not needed here and dominates the time.
                PhaseGraph phase = scored.graph();
                List<Op> ops = phase.graph().ops();
                long phaseCycles = 0;
                double phasePicojoules = 0;
                for (int o = 0; o < ops.size(); o++) {
                    CostReport cost = engine.evaluate(ops.get(o));
                    long engineDramBytes = DramFloor.engineDramBytes(cost);
                    long footprintBytes = engineDramBytes > 0 ? 0 : scored.footprintBytes(o, engine);
                    long dramBytes = engineDramBytes > 0 ? engineDramBytes : footprintBytes;
                    long opCycles = Math.max(cost.totalCycles(), DramFloor.dramCycles(dramBytes, dram));
                    phaseCycles = Math.addExact(phaseCycles, opCycles);
                    phasePicojoules += cost.totalPicojoules();
                    if (engineDramBytes == 0) {
                        phasePicojoules += DramFloor.footprintPicojoules(footprintBytes, dram);
                    }
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
