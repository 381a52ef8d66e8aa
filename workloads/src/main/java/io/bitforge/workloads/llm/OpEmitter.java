package io.bitforge.workloads.llm;

import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.op.VectorOp;

import java.util.ArrayList;
import java.util.List;

/** Collects a graph's ops in order; vector ops run at one (high) precision. */
final class OpEmitter {
    private final List<Op> ops = new ArrayList<>();
    private final Precision vectorPrecision;

    OpEmitter(Precision vectorPrecision) {
        this.vectorPrecision = vectorPrecision;
    }

    void gemm(GemmOp op) {
        ops.add(op);
    }

    void vector(String name, OpKind kind, long elements, double opsPerElement, int inputs, long parameters,
                long count) {
        ops.add(new VectorOp(name, kind, elements, opsPerElement, inputs, parameters, count, vectorPrecision));
    }

    List<Op> ops() {
        return ops;
    }
}
