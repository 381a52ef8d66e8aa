package io.bitforge.memory.dram;

/**
 * Row hits, row misses and the time of an {@link AccessStream} on a DRAM preset with its {@link RowBufferTiming}:
 * an open-page controller, bursts interleaved over the channels (an address hash spreads them evenly), each channel's
 * rows over its banks in turn. One row of every channel together spans {@code rowBufferBytes × channels} bytes
 * of the address space (a row window).
 *
 * <ul>
 *   <li>Bursts: a run occupies ceil(run / burstBytes) bursts (runs start on burst boundaries); a sequential stream
 *       ceil(bytes / burstBytes).</li>
 *   <li>Row misses: a stream whose runs lie closer than a window walks through W windows in address order, each
 *       opened once by every channel it touches: misses = W × min(channels, bursts / W). Runs a window or more
 *       apart each open their own rows: misses = runs × (windows per run × min(channels, bursts per window)).
 *       Every other burst is a row hit.</li>
 *   <li>Time, per channel (bursts and misses spread evenly): data time = bursts × BL / data rate; activates are
 *       overlapped with other banks' transfers but limited to one per max(tRRD, tFAW / 4, tRC / banks); the
 *       channel takes the longer of the two, stretched by refresh (÷ (1 − tRFC / tREFI)).</li>
 * </ul>
 *
 * Not modelled: write-to-read bus turnaround, rank switching, and streams of one op contending for the same banks
 * (each stream is timed alone and an op's streams add up).
 */
public final class RowBufferModel {
    private RowBufferModel() {
    }

    /** The figures of one stream. */
    public record StreamTiming(long bursts, long rowMisses, double nanoseconds) {
        public long rowHits() {
            return bursts - rowMisses;
        }

        /** Row hits over bursts (0 for an empty stream). */
        public double hitRate() {
            return bursts == 0 ? 0 : (double) rowHits() / bursts;
        }
    }

    public static StreamTiming time(DramPreset preset, RowBufferTiming timing, AccessStream stream) {
        if (stream.bytes() == 0) {
            return new StreamTiming(0, 0, 0);
        }
        long burst = preset.burstBytes();
        long channels = preset.channels();
        long window = Math.multiplyExact((long) timing.rowBufferBytes(), channels);
        long bursts;
        long misses;
        if (stream.isSequential()) {
            bursts = ceilDiv(stream.bytes(), burst);
            misses = walk(Math.multiplyExact(bursts, burst), bursts, window, channels);
        } else {
            long runs = ceilDiv(stream.bytes(), stream.runBytes());
            long perRun = ceilDiv(stream.runBytes(), burst);
            bursts = Math.multiplyExact(runs, perRun);
            if (stream.strideBytes() >= window) {
                long windowsPerRun = ceilDiv(Math.multiplyExact(perRun, burst), window);
                long perWindow = ceilDiv(perRun, windowsPerRun);
                misses = Math.multiplyExact(runs, windowsPerRun * Math.min(channels, perWindow));
            } else {
                long span = Math.addExact(Math.multiplyExact(runs - 1, stream.strideBytes()),
                        Math.multiplyExact(perRun, burst));
                misses = walk(span, bursts, window, channels);
            }
        }
        double burstNanoseconds = preset.burstLength() / preset.gigabitsPerSecondPerPin();
        double data = ceilDiv(bursts, channels) * burstNanoseconds;
        double activates = ceilDiv(misses, channels) * timing.activateIntervalNanoseconds();
        return new StreamTiming(bursts, misses, Math.max(data, activates) / timing.refreshAvailability());
    }

    /** Misses of bursts spread over a span walked in address order: each window opened once per channel touched. */
    private static long walk(long spanBytes, long bursts, long window, long channels) {
        long windows = ceilDiv(spanBytes, window);
        return Math.min(bursts, windows * Math.min(channels, ceilDiv(bursts, windows)));
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
