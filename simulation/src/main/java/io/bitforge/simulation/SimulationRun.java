package io.bitforge.simulation;

import io.bitforge.core.engine.CostProvenance;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.engine.Mapping;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.core.workload.WorkloadSettings;
import io.bitforge.simulation.cost.DramFigures;
import io.bitforge.simulation.residency.ResidencyPlanner;
import io.bitforge.simulation.residency.WeightResidency;
import io.bitforge.simulation.timing.DramLatency;
import io.bitforge.simulation.timing.RowBufferDram;
import io.bitforge.simulation.engine.EngineAssembly;
import io.bitforge.simulation.engine.EngineSetup;
import io.bitforge.workloads.llm.Capacity;
import io.bitforge.workloads.llm.LlmOptions;
import io.bitforge.workloads.llm.LlmWorkload;
import io.bitforge.workloads.quant.QuantConfig;
import io.bitforge.workloads.quant.QuantParser;

import java.util.ArrayList;
import java.util.List;

/**
 * One LLM simulation: builds the workload's phase graphs for the quantisation config (the array's native formats
 * when none is given), runs every op through the engine with the DRAM floor, and checks capacity. Reached through
 * the library facade ({@code io.bitforge.api.BitForge#simulate}), which {@code simulate}, the demo and the
 * benchmarks call.
 */
public final class SimulationRun {
    private SimulationRun() {
    }

    /**
     * @param settings the workload settings; its {@code quant} is replaced by the config actually used
     * @param quant    a quantisation config, or null for the array's native formats
     */
    public static SimulationReport run(Registry registry, HardwareSpec spec, LlmWorkload llm,
                                       WorkloadSettings settings, String quant) {
        return run(registry, spec, null, llm, settings, quant);
    }

    /**
     * @param mapping the mapping stage given beside the spec, or null for the spec's own (deprecated) block; the
     *                report shows it in the spec's {@code mapping} block ({@link Mapping#describedIn})
     */
    public static SimulationReport run(Registry registry, HardwareSpec spec, Mapping mapping, LlmWorkload llm,
                                       WorkloadSettings settings, String quant) {
        Engine engine = engine(registry, spec, mapping);
        DramFigures dram = DramFigures.of(spec, registry);
        QuantConfig quantConfig = quant == null ? nativeQuant(engine, spec) : QuantParser.parse(quant);
        WorkloadSettings used = settings.withQuant(quantConfig.text());
        LlmOptions llmOptions = LlmOptions.from(used);
        List<PhaseGraph> graphs = llm.build(used);
        WeightResidency residency = ResidencyPlanner.plan(engine, spec, llm, used, graphs);
        Simulator simulator = new Simulator(engine, dram, DramLatency.cycles(spec, registry), residency,
                RowBufferDram.of(spec, registry).orElse(null));
        List<PhaseResult> results = new ArrayList<>();
        for (PhaseGraph graph : graphs) {
            try {
                results.add(simulator.run(graph));
            } catch (BadInputException e) {
                boolean highPrecisionOp = e.getMessage().startsWith("lm_head") || e.getMessage().startsWith("router");
                if (quantConfig.lmHeadIsHighPrecision() && highPrecisionOp) {
                    throw new BadInputException(e.getMessage() + "; lm_head (and the MoE router) stay in "
                            + quantConfig.highPrecision() + " unless the quant config says lm_head:same", e);
                }
                throw e;
            }
        }
        Capacity.Report capacity = new Capacity(llm.structure(), quantConfig).check(used.phase(), used.batch(),
                used.prompt(), used.context(), used.generate(), dram.capacityBytes());
        SimulationReport report = new SimulationReport(shown(spec, mapping), dram, llm, used, quantConfig, llmOptions,
                results, capacity, residency);
        return results.stream().flatMap(phase -> phase.ops().stream()).filter(r -> r.op() instanceof GemmOp)
                .findFirst().map(r -> report.withProvenance(CostProvenance.of(engine, (GemmOp) r.op(),
                        report.totalCost()))).orElse(report);
    }

    /**
     * The engine simulations use: GEMMs tiled to the spec's SRAMs and stalled on its DRAM's sustained bandwidth;
     * the simulator keeps each op's whole DRAM footprint as a floor for ops the tiled model does not cover.
     */
    public static Engine engine(Registry registry, HardwareSpec spec) {
        return EngineAssembly.simulation(registry, spec);
    }

    /** The same under a mapping given beside the spec (null: the spec's own). */
    public static Engine engine(Registry registry, HardwareSpec spec, Mapping mapping) {
        return EngineAssembly.assemble(registry, spec, EngineSetup.SIMULATE.withMapping(mapping));
    }

    /** The spec as a report shows it: with the mapping given beside it in its {@code mapping} block. */
    static HardwareSpec shown(HardwareSpec spec, Mapping mapping) {
        return mapping == null ? spec : mapping.describedIn(spec);
    }

    /** Without a config: the array's native weight and activation formats, lm_head on the same datapath. */
    private static QuantConfig nativeQuant(Engine engine, HardwareSpec spec) {
        NativePrecisions natives = engine.family().nativePrecisions(spec.pe().params());
        return QuantConfig.nativeTo(natives.weights(), natives.activations());
    }
}
