package io.bitforge.core.op;

/**
 * Where a GEMM's second (K × N) operand comes from: static weights (read once per phase), the KV cache
 * (attention in decode), or activations produced at run time (attention in prefill).
 */
public enum BOperand {
    WEIGHTS, KV_CACHE, ACTIVATIONS
}
