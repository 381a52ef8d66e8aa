package io.bitforge.core.workload;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The workload vocabulary of the command line (DESIGN.md): phase, batch, prompt tokens, decode context and
 * generated tokens, quantisation config, and for diffusion the steps, resolution and classifier-free guidance.
 * Fields a workload kind does not use are ignored by it. {@code options} carries builder-specific switches
 * (e.g. {@code causal=true}, {@code svdquantRank=32}) so new options do not change this record.
 *
 * @param phase  {@code prefill}, {@code decode} or {@code both} (LLMs); diffusion ignores it
 * @param quant  a quantisation config such as {@code W4A8KV4g128} or {@code W4:bitmod-fp4,A8:int8}
 */
public record WorkloadSettings(String phase, int batch, int prompt, int context, int generate, String quant,
                               int steps, int resolution, boolean guidance, Map<String, String> options) {
    public WorkloadSettings {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(quant, "quant");
        // Sorted by key: Map.copyOf's iteration order changes from one JVM run to the next, and the options are
        // written into JSON results.
        options = Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(options)));
    }

    /** Defaults: both phases, batch 1, 1024-token prompt, context 1024, 256 generated tokens, W16A16KV16;
     *  diffusion 50 steps at 512 pixels with guidance. */
    public static WorkloadSettings defaults() {
        return new WorkloadSettings("both", 1, 1024, 1024, 256, "W16A16KV16", 50, 512, true, Map.of());
    }

    public WorkloadSettings withPhase(String newPhase) {
        return new WorkloadSettings(newPhase, batch, prompt, context, generate, quant, steps, resolution, guidance,
                options);
    }

    public WorkloadSettings withQuant(String newQuant) {
        return new WorkloadSettings(phase, batch, prompt, context, generate, newQuant, steps, resolution, guidance,
                options);
    }

    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }
}
