package io.bitforge.workloads.llm;

import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.op.OpGraph;
import io.bitforge.core.op.VectorOp;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.workloads.quant.QuantParser;

/** Small helpers the graph tests share. */
final class Graphs {
    private Graphs() {
    }

    static Op op(OpGraph graph, String name) {
        return graph.ops().stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no op " + name + " in " + graph.name()));
    }

    static GemmOp gemm(PhaseGraph phase, String name) {
        return (GemmOp) op(phase.graph(), name);
    }

    static VectorOp vector(PhaseGraph phase, String name) {
        return (VectorOp) op(phase.graph(), name);
    }

    static LlmGraphBuilder builder(ModelConfig model, String quant) {
        return new LlmGraphBuilder(model, QuantParser.parse(quant), LlmOptions.defaults());
    }

    static OpFootprint footprint(OpGraph graph) {
        OpFootprint total = OpFootprint.zero();
        for (Op op : graph.ops()) {
            total = total.plus(OpFootprint.of(op));
        }
        return total;
    }
}
