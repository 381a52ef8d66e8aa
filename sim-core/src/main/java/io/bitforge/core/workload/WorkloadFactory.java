package io.bitforge.core.workload;

import io.bitforge.core.registry.Catalogued;

/** A named model in the zoo (an LLM or a diffusion model) that builds op graphs for a phase and settings. */
public interface WorkloadFactory extends Catalogued {
    /** {@code llm} or {@code diffusion}. */
    String kind();
}
