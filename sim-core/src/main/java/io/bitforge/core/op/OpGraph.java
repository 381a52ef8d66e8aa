package io.bitforge.core.op;

import java.util.List;
import java.util.Objects;

/** The ops of one workload phase (e.g. Llama-2-7B prefill at 1024 tokens), in execution order. */
public record OpGraph(String name, List<Op> ops) {
    public OpGraph {
        Objects.requireNonNull(name, "name");
        ops = List.copyOf(ops);
    }

    public List<GemmOp> gemms() {
        return ops.stream().filter(GemmOp.class::isInstance).map(GemmOp.class::cast).toList();
    }

    public List<VectorOp> vectorOps() {
        return ops.stream().filter(VectorOp.class::isInstance).map(VectorOp.class::cast).toList();
    }

    /** Multiply-accumulates of every GEMM instance. */
    public long totalMacs() {
        return gemms().stream().mapToLong(GemmOp::totalMacs).sum();
    }

    public double totalOps() {
        return ops.stream().mapToDouble(Op::totalOps).sum();
    }
}
