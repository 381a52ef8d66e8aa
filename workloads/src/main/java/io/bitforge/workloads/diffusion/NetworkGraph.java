package io.bitforge.workloads.diffusion;

import io.bitforge.core.op.OpGraph;

import java.util.Objects;

/**
 * One network pass as ops, with the parameters its structure declares.
 *
 * @param parameters        parameters of the model itself (weights, biases, norm affines, tables)
 * @param lowRankParameters weights SVDQuant's low-rank branches add (0 without SVDQuant)
 */
public record NetworkGraph(OpGraph graph, long parameters, long lowRankParameters) {
    public NetworkGraph {
        Objects.requireNonNull(graph, "graph");
    }

    static NetworkGraph of(GraphBuilder builder, String name) {
        return new NetworkGraph(builder.graph(name), builder.parameters(), builder.lowRankParameters());
    }
}
