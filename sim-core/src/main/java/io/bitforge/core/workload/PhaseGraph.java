package io.bitforge.core.workload;

import io.bitforge.core.op.OpGraph;

import java.util.Objects;

/**
 * One phase of a workload: its op graph, how many times the graph runs back to back ({@code repeats}: 1 for
 * prefill and decode, whose graphs already hold every token; S for S denoising steps), and how many output
 * items the phase produces in total (tokens for LLMs: batch for prefill, batch × generated for decode;
 * images for diffusion).
 */
public record PhaseGraph(String name, PhaseKind kind, OpGraph graph, long repeats, long outputItems) {
    public PhaseGraph {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(graph, "graph");
        if (repeats < 1 || outputItems < 0) {
            throw new IllegalArgumentException(name + ": repeats must be >= 1 and output items >= 0");
        }
    }
}
