package io.bitforge.core.workload;

import io.bitforge.core.registry.Catalogued;

import java.util.List;
import java.util.OptionalLong;

/**
 * A model in the zoo (an LLM or a diffusion model) that builds op graphs for the requested phases and
 * settings. Parameter counts are computed from the model's structure, never stored.
 */
public interface WorkloadFactory extends Catalogued {
    /** {@code llm} or {@code diffusion}. */
    String kind();

    /** Parameters of the model as its graph defines them (embeddings and heads included). */
    long parameterCount();

    /** The op graphs of the phases the settings ask for, in execution order. */
    List<PhaseGraph> build(WorkloadSettings settings);

    /**
     * Bytes the KV cache holds once each of the settings' sequences has cached {@code tokens} tokens, for models
     * whose cache keeps less than every K/V projection output (sliding-window layers keep only their window);
     * empty when the cache is every K/V output, which a caller can sum from the graphs.
     */
    default OptionalLong cappedKvCacheBytes(WorkloadSettings settings, long tokens) {
        return OptionalLong.empty();
    }
}
