package io.bitforge.core.engine;

import io.bitforge.core.engine.LoopOrder.Dim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * {@link DoubleBufferedSchedule}'s rules walked step by step, as they were first written: the oracle its closed form
 * over tile classes must equal.
 */
final class DoubleBufferedScheduleReplay {
    private DoubleBufferedScheduleReplay() {
    }

    /**
     * @param bandwidthBytesPerCycle DRAM bytes per cycle; empty for unlimited (no stalls; the timeline reports the
     *                               bandwidth needed to be stall-free)
     */
    static MemoryTimeline run(GemmTiling tiling, TileCycles tileCycles, OptionalDouble bandwidthBytesPerCycle,
                                     int burstBytes) {
        if (burstBytes < 1) {
            throw new IllegalArgumentException("burst must be >= 1 byte, got " + burstBytes);
        }
        if (bandwidthBytesPerCycle.isPresent() && !(bandwidthBytesPerCycle.getAsDouble() > 0)) {
            throw new IllegalArgumentException("bandwidth must be > 0 bytes per cycle");
        }
        Walker walker = new Walker(tiling, tileCycles, burstBytes);
        long steps = tiling.steps();
        long compute = 0;
        long stalls = 0;
        double peakRatio = 0;
        Step current = walker.step(0, null);
        long prefetch = cycles(current.loadBytes, bandwidthBytesPerCycle);
        long pendingWrite = 0;
        for (long s = 0; s < steps; s++) {
            Step next = s + 1 < steps ? walker.step(s + 1, current) : null;
            long writeLeft = next == null || !next.sameC(current) ? current.cWriteBytes : 0;
            walker.countWrite(writeLeft);
            long busBytes = (next == null ? 0 : next.loadBytes) + pendingWrite;
            compute += current.cycles;
            if (current.cycles > 0) {
                peakRatio = Math.max(peakRatio, busBytes / (double) current.cycles);
            } else if (busBytes > 0) {
                peakRatio = Double.POSITIVE_INFINITY;
            }
            stalls += Math.max(0, cycles(busBytes, bandwidthBytesPerCycle) - current.cycles);
            pendingWrite = writeLeft;
            current = next;
        }
        long drain = cycles(pendingWrite, bandwidthBytesPerCycle);
        return new MemoryTimeline(compute, stalls, prefetch, drain, walker.traffic(), peakRatio, steps);
    }

    private static long cycles(long bytes, OptionalDouble bandwidth) {
        if (bandwidth.isEmpty() || bytes == 0) {
            return 0;
        }
        // The relative 1e-12 keeps a rate computed as bytes / cycles from rounding up to one cycle more.
        return (long) Math.ceil(bytes / bandwidth.getAsDouble() * (1 - 1e-12));
    }

    /** One tile step: its indices, compute cycles, bytes loaded before it and bytes written when its C is left. */
    private record Step(long mIndex, long kIndex, long nIndex, long cycles, long loadBytes, long cWriteBytes) {
        boolean sameC(Step other) {
            return other != null && mIndex == other.mIndex && nIndex == other.nIndex;
        }
    }

    /** Maps step numbers to tile indices and sizes, and counts the traffic. */
    private static final class Walker {
        private final GemmTiling tiling;
        private final TileCycles tileCycles;
        private final int burst;
        private final List<Dim> loops;
        private final long[] trips;
        private final boolean spill;
        private final Map<List<Long>, Long> cyclesByShape = new HashMap<>();
        private long aBytes;
        private long bBytes;
        private long cWrites;
        private long cReads;

        Walker(GemmTiling tiling, TileCycles tileCycles, int burst) {
            this.tiling = tiling;
            this.tileCycles = tileCycles;
            this.burst = burst;
            this.loops = tiling.order().loops();
            this.trips = new long[3];
            for (int i = 0; i < 3; i++) {
                trips[i] = switch (loops.get(i)) {
                    case M -> tiling.mTrips();
                    case K -> tiling.kTrips();
                    case N -> tiling.nTrips();
                };
            }
            this.spill = tiling.spillsPartialSums();
        }

        Step step(long s, Step previous) {
            long inner = s % trips[2];
            long middle = (s / trips[2]) % trips[1];
            long outer = s / (trips[2] * trips[1]);
            long[] index = new long[3];
            long[] byPosition = {outer, middle, inner};
            for (int i = 0; i < 3; i++) {
                index[loops.get(i).ordinal()] = byPosition[i];
            }
            long mi = index[Dim.M.ordinal()];
            long ki = index[Dim.K.ordinal()];
            long ni = index[Dim.N.ordinal()];
            long mt = extent(tiling.m(), tiling.tile().m(), mi);
            long kt = extent(tiling.k(), tiling.tile().k(), ki);
            long nt = extent(tiling.n(), tiling.tile().n(), ni);
            OperandBits bits = tiling.bits();
            long load = 0;
            if (previous == null || previous.mIndex != mi || previous.kIndex != ki) {
                long bytes = bursts(GemmTiling.tileBytes(mt, kt, bits.a()));
                aBytes += bytes;
                load += bytes;
            }
            if (previous == null || previous.kIndex != ki || previous.nIndex != ni) {
                long bytes = bursts(GemmTiling.tileBytes(kt, nt, bits.b()));
                bBytes += bytes;
                load += bytes;
            }
            boolean newC = previous == null || previous.mIndex != mi || previous.nIndex != ni;
            if (newC && spill && ki > 0) {
                long bytes = bursts(GemmTiling.tileBytes(mt, nt, bits.partialSum()));
                cReads += bytes;
                load += bytes;
            }
            boolean complete = !spill || ki == tiling.kTrips() - 1;
            long write = bursts(GemmTiling.tileBytes(mt, nt, complete ? bits.c() : bits.partialSum()));
            long cycles = cyclesByShape.computeIfAbsent(List.of(mt, kt, nt), shape -> tileCycles.cycles(mt, kt, nt));
            return new Step(mi, ki, ni, cycles, load, write);
        }

        void countWrite(long bytes) {
            cWrites += bytes;
        }

        DramTraffic traffic() {
            return new DramTraffic(aBytes, bBytes, cWrites, cReads);
        }

        private long bursts(long bytes) {
            return (bytes + burst - 1) / burst * burst;
        }

        private static long extent(long size, long tile, long index) {
            return Math.min(tile, size - index * tile);
        }
    }
}
