package io.bitforge.simulation;

import io.bitforge.simulation.timing.DramLatency;
import io.bitforge.simulation.timing.RowBufferDram;
import io.bitforge.core.engine.Mapping;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.simulation.cost.DramFigures;
import io.bitforge.workloads.llm.LlmWorkload;
import io.bitforge.workloads.llm.speculative.Speculation;
import io.bitforge.workloads.llm.speculative.SpeculativeStep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A speculative decode step against a plain one on the same design, at one context: step time, tokens per step,
 * tokens per second, energy per accepted token, and the acceptance rate (one for all heads or draft tokens) at
 * which speculation breaks even in time and in energy.
 */
public final class SpeculationReport {
    private final Speculation speculation;
    private final long batch;
    private final long context;
    private final PhaseResult plain;
    private final List<PhaseResult> parts;

    private SpeculationReport(Speculation speculation, long batch, long context, PhaseResult plain,
                              List<PhaseResult> parts) {
        this.speculation = speculation;
        this.batch = batch;
        this.context = context;
        this.plain = plain;
        this.parts = List.copyOf(parts);
    }

    /**
     * The speculative step of {@code llm} on {@code spec} with the quantisation and builder options {@code report}
     * used, at the middle of its decode (context = decode context + generated tokens / 2).
     */
    public static SpeculationReport of(Registry registry, HardwareSpec spec, LlmWorkload llm, SimulationReport report,
                                       Speculation speculation) {
        return of(registry, spec, null, llm, report, speculation);
    }

    /** The same under a mapping given beside the spec (null: the spec's own). */
    public static SpeculationReport of(Registry registry, HardwareSpec spec, Mapping mapping, LlmWorkload llm,
                                       SimulationReport report, Speculation speculation) {
        long batch = report.settings().batch();
        long context = report.decodeContext() + report.settings().generate() / 2;
        SpeculativeStep step = SpeculativeStep.of(llm.model(), report.quant(), report.options(), speculation, batch,
                context);
        Simulator simulator = new Simulator(SimulationRun.engine(registry, spec, mapping),
                DramFigures.of(spec, registry), DramLatency.cycles(spec, registry), null,
                RowBufferDram.of(spec, registry).orElse(null));
        return simulate(simulator, step, batch, context);
    }

    public static SpeculationReport simulate(Simulator simulator, SpeculativeStep step, long batch, long context) {
        List<PhaseResult> parts = new ArrayList<>();
        step.speculative().forEach(graph -> parts.add(simulator.run(graph)));
        return new SpeculationReport(step.speculation(), batch, context, simulator.run(step.plain()), parts);
    }

    public double plainStepSeconds() {
        return plain.latencySeconds();
    }

    public double speculativeStepSeconds() {
        return parts.stream().mapToDouble(PhaseResult::latencySeconds).sum();
    }

    public double plainTokensPerSecond() {
        return batch / plainStepSeconds();
    }

    public double speculativeTokensPerSecond() {
        return batch * speculation.expectedTokensPerStep() / speculativeStepSeconds();
    }

    public double plainPicojoulesPerToken() {
        return plain.cost().totalPicojoules() / batch;
    }

    public double speculativePicojoulesPerToken() {
        double step = parts.stream().mapToDouble(p -> p.cost().totalPicojoules()).sum();
        return step / (batch * speculation.expectedTokensPerStep());
    }

    /** Acceptance at which tokens per second are equal (NaN: never pays). */
    public double breakEvenAcceptanceForTime() {
        return speculation.breakEvenAcceptance(speculativeStepSeconds() / plainStepSeconds());
    }

    public double breakEvenAcceptanceForEnergy() {
        double step = parts.stream().mapToDouble(p -> p.cost().totalPicojoules()).sum();
        return speculation.breakEvenAcceptance(step / plain.cost().totalPicojoules());
    }

    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("scheme", speculation instanceof Speculation.Medusa ? "medusa" : "draft");
        if (speculation instanceof Speculation.Medusa medusa) {
            map.put("heads", medusa.heads());
            map.put("treeTokens", medusa.treeTokens());
            map.put("acceptance", medusa.acceptance());
        } else if (speculation instanceof Speculation.DraftModel draft) {
            map.put("draftModel", draft.draft().id());
            map.put("draftTokens", draft.draftTokens());
            map.put("acceptance", draft.acceptance());
        }
        map.put("context", context);
        map.put("batch", batch);
        map.put("verifyTokens", speculation.verifyTokens());
        map.put("expectedTokensPerStep", speculation.expectedTokensPerStep());
        map.put("plainStepSeconds", plainStepSeconds());
        map.put("speculativeStepSeconds", speculativeStepSeconds());
        Map<String, Object> partSeconds = new LinkedHashMap<>();
        parts.forEach(p -> partSeconds.put(p.phase().name(), p.latencySeconds()));
        map.put("speculativeStepPartsSeconds", partSeconds);
        map.put("plainTokensPerSecond", plainTokensPerSecond());
        map.put("speculativeTokensPerSecond", speculativeTokensPerSecond());
        map.put("speedup", speculativeTokensPerSecond() / plainTokensPerSecond());
        map.put("plainEnergyPerTokenPicojoules", plainPicojoulesPerToken());
        map.put("speculativeEnergyPerAcceptedTokenPicojoules", speculativePicojoulesPerToken());
        map.put("breakEvenAcceptanceTime", finiteOrNull(breakEvenAcceptanceForTime()));
        map.put("breakEvenAcceptanceEnergy", finiteOrNull(breakEvenAcceptanceForEnergy()));
        return map;
    }

    private static Object finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    public String text(HardwareSpec spec) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nspeculative decoding on %s at context %d, batch %d: %s, %d tokens "
                        + "verified per step, %.3f expected tokens per step%n", spec.name(), context, batch,
                describe(), speculation.verifyTokens(), speculation.expectedTokensPerStep()));
        out.append(String.format(Locale.ROOT, "  %-12s %12s %12s %12s %16s%n", "", "step ms", "tokens/step",
                "tokens/s", "uJ per token"));
        out.append(String.format(Locale.ROOT, "  %-12s %12.4f %12.3f %12.2f %16.3f%n", "plain", plainStepSeconds() * 1e3,
                1.0, plainTokensPerSecond(), plainPicojoulesPerToken() / 1e6));
        out.append(String.format(Locale.ROOT, "  %-12s %12.4f %12.3f %12.2f %16.3f%n", "speculative",
                speculativeStepSeconds() * 1e3, speculation.expectedTokensPerStep(), speculativeTokensPerSecond(),
                speculativePicojoulesPerToken() / 1e6));
        out.append(String.format(Locale.ROOT, "  speedup %.3fx; break-even acceptance (one rate for all): %s for "
                        + "time, %s for energy%n", speculativeTokensPerSecond() / plainTokensPerSecond(),
                rate(breakEvenAcceptanceForTime()), rate(breakEvenAcceptanceForEnergy())));
        return out.toString();
    }

    private String describe() {
        if (speculation instanceof Speculation.Medusa medusa) {
            return "Medusa, " + medusa.heads() + " heads, acceptance " + medusa.acceptance();
        }
        Speculation.DraftModel draft = (Speculation.DraftModel) speculation;
        return "draft model " + draft.draft().id() + ", " + draft.draftTokens() + " tokens, acceptance "
                + draft.acceptance();
    }

    private static String rate(double value) {
        return Double.isNaN(value) ? "none (never pays)" : String.format(Locale.ROOT, "%.4f", value);
    }
}
