package io.bitforge.roofline;

import io.bitforge.core.op.OpGraph;
import io.bitforge.core.op.Precision;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.core.workload.PhaseKind;
import io.bitforge.core.workload.WorkloadFactory;
import io.bitforge.core.workload.WorkloadSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A whole roofline run on a workload from the zoo: builds the phases the settings ask for, analyses each,
 * and adds the memory footprint (weights of one forward pass, the KV cache at the end of generation) and the
 * generation summary. Parameters outside GEMMs (embedding table, norms) are counted at 16 bits.
 */
public final class RooflineRun {
    private RooflineRun() {
    }

    public static RooflineReport run(WorkloadFactory workload, WorkloadSettings settings, RooflineMachine machine,
                                     RooflineOptions options) {
        RooflineAnalyzer analyzer = new RooflineAnalyzer(machine, options);
        List<PhaseGraph> phases = workload.build(settings);
        List<PhaseRoofline> analysed = analyzer.analyze(phases);
        PhaseRoofline prefill = null;
        PhaseRoofline decode = null;
        for (PhaseRoofline phase : analysed) {
            if (phase.kind() == PhaseKind.PREFILL && prefill == null) {
                prefill = phase;
            } else if (phase.kind() == PhaseKind.DECODE && decode == null) {
                decode = phase;
            }
        }
        GenerationSummary generation = decode == null ? null : GenerationSummary.of(prefill, decode, settings.batch());
        return new RooflineReport(machine.name(), workload.id(), options, analysed,
                footprint(workload, settings, phases), generation);
    }

    /**
     * Weights from a one-pass (prefill) graph; KV cache from the prefill of the tokens cached before decoding
     * (the prompt, or the context when only decode runs) plus every decode graph.
     */
    static MemoryFootprint footprint(WorkloadFactory workload, WorkloadSettings settings, List<PhaseGraph> phases) {
        List<OpGraph> kvGraphs = new ArrayList<>();
        OpGraph onePass = null;
        boolean decodeOnly = phases.stream().noneMatch(p -> p.kind() == PhaseKind.PREFILL);
        for (PhaseGraph phase : phases) {
            if (phase.kind() == PhaseKind.PREFILL && onePass == null) {
                onePass = phase.graph();
            }
            if (phase.kind() == PhaseKind.PREFILL || phase.kind() == PhaseKind.DECODE) {
                kvGraphs.add(phase.graph());
            }
        }
        if (onePass == null) {
            WorkloadSettings prefillOfContext = new WorkloadSettings("prefill", settings.batch(),
                    decodeOnly ? settings.context() : settings.prompt(), settings.context(), settings.generate(),
                    settings.quant(), settings.steps(), settings.resolution(), settings.guidance(), settings.options());
            List<PhaseGraph> prefill = workload.build(prefillOfContext);
            if (!prefill.isEmpty()) {
                onePass = prefill.get(0).graph();
                if (prefill.get(0).kind() == PhaseKind.PREFILL) {
                    kvGraphs.add(0, onePass);
                }
            }
        }
        if (onePass == null) {
            onePass = phases.get(0).graph();
        }
        MemoryFootprint footprint = MemoryFootprint.of(onePass, workload.parameterCount(), Precision.FP16, kvGraphs);
        boolean decodes = phases.stream().anyMatch(p -> p.kind() == PhaseKind.DECODE);
        long cachedTokens = Math.addExact(decodeOnly ? settings.context() : settings.prompt(),
                decodes ? settings.generate() : 0);
        OptionalLong capped = workload.cappedKvCacheBytes(settings, cachedTokens);
        return capped.isPresent()
                ? new MemoryFootprint(footprint.weightBytes(), capped.getAsLong(), footprint.activationBytes())
                : footprint;
    }
}
