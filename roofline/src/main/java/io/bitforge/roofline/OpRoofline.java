package io.bitforge.roofline;

import java.util.Objects;

/**
 * One op (all {@code count} instances together) laid against the roofs: ops, DRAM bytes by operand,
 * arithmetic intensity (ops per DRAM byte), the roof that applies, attainable ops/s, bound and time.
 * The time is max(ops / peak, bytes / bandwidth), i.e. LLM-Viewer's rule: memory-bound (time = bytes /
 * bandwidth) when the intensity is below peak / bandwidth, else compute-bound (time = ops / peak). A
 * collective row's time is linkFactor × linkBytes / link bandwidth.
 *
 * @param peak null for a collective row
 */
public record OpRoofline(String name, String kind, long count, double ops, OperandBytes bytes, long linkBytes,
                         Peak peak, double arithmeticIntensity, double attainableOpsPerSecond, Bound bound,
                         double seconds) {
    public OpRoofline {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(bound, "bound");
    }

    /** Lays one cost against the machine's roofs. */
    public static OpRoofline of(OpCost cost, double memoryBytesPerSecond, double linkBytesPerSecond) {
        if (cost.isCollective()) {
            double seconds = cost.linkBytes() == 0 ? 0 : cost.linkFactor() * cost.linkBytes() / linkBytesPerSecond;
            return new OpRoofline(cost.name(), cost.kindLabel(), cost.count(), 0, OperandBytes.ZERO,
                    cost.linkBytes(), null, 0, 0, Bound.LINK, seconds);
        }
        long bytes = cost.bytes().total();
        double peak = cost.peak().opsPerSecond();
        double intensity = bytes == 0 ? Double.POSITIVE_INFINITY : cost.ops() / bytes;
        boolean memoryBound = intensity < peak / memoryBytesPerSecond;
        double seconds = memoryBound ? bytes / memoryBytesPerSecond : cost.ops() / peak;
        double attainable = Math.min(peak, intensity * memoryBytesPerSecond);
        return new OpRoofline(cost.name(), cost.kindLabel(), cost.count(), cost.ops(), cost.bytes(), 0, cost.peak(),
                intensity, attainable, memoryBound ? Bound.MEMORY : Bound.COMPUTE, seconds);
    }

    public long totalBytes() {
        return bytes.total();
    }
}
