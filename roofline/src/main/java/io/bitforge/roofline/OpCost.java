package io.bitforge.roofline;

import io.bitforge.core.op.OpKind;

import java.util.Objects;

/**
 * The work of one graph op (all {@code count} instances) before it is laid against a roof: operations,
 * DRAM bytes by operand, the roof it computes under, and link bytes for collective communication.
 *
 * @param kind       the op kind, or null for a collective (all-reduce) row
 * @param kindLabel  how reports name the kind: the op kind in lower case, {@code fused-attention}, {@code all-reduce}
 * @param linkBytes  bytes one device sends around the ring (all-reduce rows only)
 * @param linkFactor multiplier on linkBytes for the transfer time: 2·(N−1)/N for a ring all-reduce
 */
public record OpCost(String name, OpKind kind, String kindLabel, long count, double ops, OperandBytes bytes, Peak peak,
                     long linkBytes, double linkFactor) {
    public OpCost {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kindLabel, "kindLabel");
        Objects.requireNonNull(bytes, "bytes");
        if (count < 1 || ops < 0 || linkBytes < 0) {
            throw new IllegalArgumentException(name + ": count must be >= 1, ops and link bytes >= 0");
        }
        if (kind != null) {
            Objects.requireNonNull(peak, "peak");
        }
    }

    /** An op that computes and moves DRAM bytes. */
    public static OpCost compute(String name, OpKind kind, long count, double ops, OperandBytes bytes, Peak peak) {
        return new OpCost(name, kind, label(kind), count, ops, bytes, peak, 0, 0);
    }

    /** A ring all-reduce of {@code linkBytes} per device, {@code linkFactor} = 2·(N−1)/N. */
    public static OpCost allReduce(String name, long count, long linkBytes, double linkFactor) {
        return new OpCost(name, null, "all-reduce", count, 0, OperandBytes.ZERO, null, linkBytes, linkFactor);
    }

    public OpCost withKindLabel(String label) {
        return new OpCost(name, kind, label, count, ops, bytes, peak, linkBytes, linkFactor);
    }

    public OpCost withWork(double newOps, OperandBytes newBytes) {
        return new OpCost(name, kind, kindLabel, count, newOps, newBytes, peak, linkBytes, linkFactor);
    }

    public OpCost withCount(long newCount, double newOps, OperandBytes newBytes) {
        return new OpCost(name, kind, kindLabel, newCount, newOps, newBytes, peak, linkBytes * newCount / count,
                linkFactor);
    }

    static String label(OpKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public boolean isCollective() {
        return kind == null;
    }
}
