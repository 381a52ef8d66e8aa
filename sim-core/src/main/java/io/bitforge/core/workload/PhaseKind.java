package io.bitforge.core.workload;

/** The phases a workload is evaluated in. */
public enum PhaseKind {
    /** LLM prompt processing: produces the first token. */
    PREFILL,
    /** LLM generation: the graph covers every generated token (attention summed over the growing cache). */
    DECODE,
    /** One denoising step of a diffusion model (its graph is run {@code repeats} times). */
    DENOISE_STEP,
    /** A graph run once per request (text encoder, VAE decoder). */
    ONE_OFF
}
