package io.bitforge.core.engine;

/**
 * Bytes moved between DRAM and the on-chip buffers for one GEMM: reads of A (ifmap) and B (filter), writes
 * of C (ofmap, partial sums included) and reads of spilled partial sums back into the output buffer.
 */
public record DramTraffic(long ifmapReadBytes, long filterReadBytes, long ofmapWriteBytes,
                          long ofmapReadBytes) {
    public long totalBytes() {
        return ifmapReadBytes + filterReadBytes + ofmapWriteBytes + ofmapReadBytes;
    }

    public DramTraffic plus(DramTraffic other) {
        return new DramTraffic(ifmapReadBytes + other.ifmapReadBytes, filterReadBytes + other.filterReadBytes,
                ofmapWriteBytes + other.ofmapWriteBytes, ofmapReadBytes + other.ofmapReadBytes);
    }
}
