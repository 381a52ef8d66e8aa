package io.bitforge.simulation;

import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.op.VectorOp;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What an op is, as every simulation report writes it: name, kind, count, and its shape and formats. */
final class OpDescription {
    private OpDescription() {
    }

    /** {@code name, kind, count}, then {@code m, k, n, activations, weights, outputs, bOperand, macs} for a GEMM
     *  or {@code elements, opsPerElement, precision} for a vector op, in that order. */
    static Map<String, Object> of(Op op) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", op.name());
        map.put("kind", op.kind().name().toLowerCase(Locale.ROOT));
        map.put("count", op.count());
        if (op instanceof GemmOp gemm) {
            map.put("m", gemm.m());
            map.put("k", gemm.k());
            map.put("n", gemm.n());
            map.put("activations", gemm.activations().format());
            map.put("weights", gemm.weights().format());
            map.put("outputs", gemm.outputs().format());
            map.put("bOperand", gemm.bOperand().name().toLowerCase(Locale.ROOT));
            map.put("macs", gemm.totalMacs());
        } else {
            VectorOp vector = (VectorOp) op;
            map.put("elements", vector.elements());
            map.put("opsPerElement", vector.opsPerElement());
            map.put("precision", vector.precision().format());
        }
        return map;
    }
}
