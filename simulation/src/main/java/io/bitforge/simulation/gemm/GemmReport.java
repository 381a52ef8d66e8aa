package io.bitforge.simulation.gemm;

import io.bitforge.core.engine.GemmEvaluation;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.spec.HardwareSpec;

import java.util.Map;

/**
 * One GEMM on one design: the op as run (the array's native formats), the engine's evaluation, and the result
 * document {@code bitforge gemm --json} writes (fixed key order; SCALE-Sim's own cycle and memory figures in
 * SCALE-Sim mode).
 */
public record GemmReport(HardwareSpec spec, GemmOp op, GemmEvaluation evaluation, Map<String, Object> asMap) {
    public GemmReport {
        asMap = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(asMap));
    }
}
