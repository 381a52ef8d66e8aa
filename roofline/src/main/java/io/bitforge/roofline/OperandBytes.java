package io.bitforge.roofline;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DRAM bytes of one op (all its instances), split by operand as LLM-Viewer splits them: static weights (with
 * per-group scale metadata), activations read and written, KV cache read and written.
 */
public record OperandBytes(long weights, long activationsIn, long activationsOut, long kvCacheRead,
                           long kvCacheWrite) {
    public static final OperandBytes ZERO = new OperandBytes(0, 0, 0, 0, 0);

    public OperandBytes {
        if (weights < 0 || activationsIn < 0 || activationsOut < 0 || kvCacheRead < 0 || kvCacheWrite < 0) {
            throw new IllegalArgumentException("byte counts must be >= 0");
        }
    }

    public long total() {
        return Math.addExact(Math.addExact(Math.addExact(weights, activationsIn), Math.addExact(activationsOut,
                kvCacheRead)), kvCacheWrite);
    }

    public OperandBytes plus(OperandBytes other) {
        return new OperandBytes(Math.addExact(weights, other.weights),
                Math.addExact(activationsIn, other.activationsIn), Math.addExact(activationsOut, other.activationsOut),
                Math.addExact(kvCacheRead, other.kvCacheRead), Math.addExact(kvCacheWrite, other.kvCacheWrite));
    }

    public OperandBytes times(long factor) {
        return new OperandBytes(Math.multiplyExact(weights, factor), Math.multiplyExact(activationsIn, factor),
                Math.multiplyExact(activationsOut, factor), Math.multiplyExact(kvCacheRead, factor),
                Math.multiplyExact(kvCacheWrite, factor));
    }

    /** In stable key order, for JSON and CSV. */
    public Map<String, Long> asMap() {
        Map<String, Long> map = new LinkedHashMap<>();
        map.put("weights", weights);
        map.put("activationsIn", activationsIn);
        map.put("activationsOut", activationsOut);
        map.put("kvCacheRead", kvCacheRead);
        map.put("kvCacheWrite", kvCacheWrite);
        return map;
    }
}
