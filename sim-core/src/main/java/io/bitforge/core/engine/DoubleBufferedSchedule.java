package io.bitforge.core.engine;

import io.bitforge.core.engine.LoopOrder.Dim;

import java.util.OptionalDouble;

/**
 * Runs a {@link GemmTiling} against DRAM with double-buffered operand SRAMs. Rules:
 * <ul>
 * <li>Steps follow the loop order; a step computes one (M, K, N) tile in the cycles {@link TileCycles} gives.</li>
 * <li>Before step s the tiles it needs that are not already on chip are loaded: the A tile when its (M, K)
 * index changes, the B tile when its (K, N) index changes, the spilled partial sums of the C tile when a C
 * tile is revisited for a later K index.</li>
 * <li>When a C tile is left (its (M, N) index changes, or the run ends), it is written back: at the output
 * width if its reduction is complete, else as partial sums.</li>
 * <li>While step s computes, DRAM loads step s + 1's tiles and writes back the C tile left at step s - 1; it
 * moves them at {@code bandwidth} bytes per cycle. If that takes longer than step s's compute, the array stalls
 * for the difference. Loading step 0 before compute starts is the prefetch; writing the last C tile after the
 * last step is the drain; neither is counted in the total, as in SCALE-Sim.</li>
 * <li>Every tile transfer is rounded up to whole DRAM bursts of {@code burstBytes}.</li>
 * <li>DRAM latency is not charged per transfer: with double buffering it overlaps compute except for the
 * prefetch, and callers add it there if they model it.</li>
 * </ul>
 *
 * <p>Closed form: everything a step adds depends only on the tile indices of the step before it, itself and the
 * step after it, and only through whether an index is 0, the last, or equal to its neighbour's. Every index from
 * 2 to trips - 3 of a loop therefore gives the same terms, so one representative of that run, weighted by its
 * length, stands for all of them: at most 5 × 5 × 5 step classes are evaluated whatever the tile counts.
 */
public final class DoubleBufferedSchedule {
    /** Loops with more trips than this have a middle run of interchangeable indices. */
    private static final int DISTINCT_INDICES = 5;

    private DoubleBufferedSchedule() {
    }

    /**
     * @param bandwidthBytesPerCycle DRAM bytes per cycle; empty for unlimited (no stalls; the timeline reports the
     *                               bandwidth needed to be stall-free)
     */
    public static MemoryTimeline run(GemmTiling tiling, TileCycles tileCycles, OptionalDouble bandwidthBytesPerCycle,
                                     int burstBytes) {
        if (burstBytes < 1) {
            throw new IllegalArgumentException("burst must be >= 1 byte, got " + burstBytes);
        }
        if (bandwidthBytesPerCycle.isPresent() && !(bandwidthBytesPerCycle.getAsDouble() > 0)) {
            throw new IllegalArgumentException("bandwidth must be > 0 bytes per cycle");
        }
        Nest nest = new Nest(tiling, tileCycles, burstBytes);
        long[][] values = new long[3][];
        long[][] weights = new long[3][];
        for (int p = 0; p < 3; p++) {
            long trips = nest.trips[p];
            int count = (int) Math.min(trips, DISTINCT_INDICES);
            values[p] = new long[count];
            weights[p] = new long[count];
            for (int i = 0; i < count; i++) {
                values[p][i] = trips <= DISTINCT_INDICES ? i : i < 2 ? i : i == 2 ? 2 : trips - (count - i);
                weights[p][i] = trips > DISTINCT_INDICES && i == 2 ? trips - 4 : 1;
            }
        }
        Totals totals = new Totals(bandwidthBytesPerCycle);
        long[] current = new long[3];
        for (int a = 0; a < values[0].length; a++) {
            for (int b = 0; b < values[1].length; b++) {
                for (int c = 0; c < values[2].length; c++) {
                    current[0] = values[0][a];
                    current[1] = values[1][b];
                    current[2] = values[2][c];
                    long weight = Math.multiplyExact(Math.multiplyExact(weights[0][a], weights[1][b]),
                            weights[2][c]);
                    totals.add(nest, nest.previous(current), current, nest.next(current), weight);
                }
            }
        }
        return new MemoryTimeline(totals.compute, totals.stalls, totals.prefetch, totals.drain,
                new DramTraffic(totals.aBytes, totals.bBytes, totals.cWrites, totals.cReads), totals.peakRatio,
                tiling.steps());
    }

    private static long cycles(long bytes, OptionalDouble bandwidth) {
        if (bandwidth.isEmpty() || bytes == 0) {
            return 0;
        }
        // The relative 1e-12 keeps a rate computed as bytes / cycles from rounding up to one cycle more.
        return (long) Math.ceil(bytes / bandwidth.getAsDouble() * (1 - 1e-12));
    }

    /** The weighted sums over step classes. */
    private static final class Totals {
        private final OptionalDouble bandwidth;
        private long compute;
        private long stalls;
        private long prefetch;
        private long drain;
        private long aBytes;
        private long bBytes;
        private long cWrites;
        private long cReads;
        private double peakRatio;

        Totals(OptionalDouble bandwidth) {
            this.bandwidth = bandwidth;
        }

        /** Adds {@code weight} steps like {@code current}, between {@code previous} and {@code next} (null at the ends). */
        void add(Nest nest, long[] previous, long[] current, long[] next, long weight) {
            long tileCycles = nest.cycles(current);
            long loadA = nest.loadA(previous, current);
            long loadB = nest.loadB(previous, current);
            long readC = nest.readC(previous, current);
            long writeLeft = nest.writeLeft(current, next);
            long pendingWrite = previous == null ? 0 : nest.writeLeft(previous, current);
            long nextLoad = next == null ? 0
                    : nest.loadA(current, next) + nest.loadB(current, next) + nest.readC(current, next);
            long busBytes = nextLoad + pendingWrite;
            compute = Math.addExact(compute, Math.multiplyExact(weight, tileCycles));
            aBytes = Math.addExact(aBytes, Math.multiplyExact(weight, loadA));
            bBytes = Math.addExact(bBytes, Math.multiplyExact(weight, loadB));
            cReads = Math.addExact(cReads, Math.multiplyExact(weight, readC));
            cWrites = Math.addExact(cWrites, Math.multiplyExact(weight, writeLeft));
            if (tileCycles > 0) {
                peakRatio = Math.max(peakRatio, busBytes / (double) tileCycles);
            } else if (busBytes > 0) {
                peakRatio = Double.POSITIVE_INFINITY;
            }
            stalls = Math.addExact(stalls, Math.multiplyExact(weight,
                    Math.max(0, cycles(busBytes, bandwidth) - tileCycles)));
            if (previous == null) {
                prefetch = cycles(loadA + loadB + readC, bandwidth);
            }
            if (next == null) {
                drain = cycles(writeLeft, bandwidth);
            }
        }
    }

    /** The loop nest: tile indices by loop position (outermost first), and what a step loads, writes and costs. */
    private static final class Nest {
        private final GemmTiling tiling;
        private final TileCycles tileCycles;
        private final int burst;
        private final long[] trips = new long[3];
        private final int mAt;
        private final int kAt;
        private final int nAt;
        private final boolean spill;

        Nest(GemmTiling tiling, TileCycles tileCycles, int burst) {
            this.tiling = tiling;
            this.tileCycles = tileCycles;
            this.burst = burst;
            LoopOrder order = tiling.order();
            mAt = order.position(Dim.M);
            kAt = order.position(Dim.K);
            nAt = order.position(Dim.N);
            trips[mAt] = tiling.mTrips();
            trips[kAt] = tiling.kTrips();
            trips[nAt] = tiling.nTrips();
            spill = tiling.spillsPartialSums();
        }

        /** The step before {@code index} in loop order, or null for the first step. */
        long[] previous(long[] index) {
            long[] before = index.clone();
            for (int p = 2; p >= 0; p--) {
                if (before[p] > 0) {
                    before[p]--;
                    return before;
                }
                before[p] = trips[p] - 1;
            }
            return null;
        }

        /** The step after {@code index} in loop order, or null for the last step. */
        long[] next(long[] index) {
            long[] after = index.clone();
            for (int p = 2; p >= 0; p--) {
                if (after[p] < trips[p] - 1) {
                    after[p]++;
                    return after;
                }
                after[p] = 0;
            }
            return null;
        }

        long cycles(long[] at) {
            return tileCycles.cycles(mExtent(at), kExtent(at), nExtent(at));
        }

        long loadA(long[] previous, long[] at) {
            boolean load = previous == null || previous[mAt] != at[mAt] || previous[kAt] != at[kAt];
            return load ? bursts(GemmTiling.tileBytes(mExtent(at), kExtent(at), tiling.bits().a())) : 0;
        }

        long loadB(long[] previous, long[] at) {
            boolean load = previous == null || previous[kAt] != at[kAt] || previous[nAt] != at[nAt];
            return load ? bursts(GemmTiling.tileBytes(kExtent(at), nExtent(at), tiling.bits().b())) : 0;
        }

        /** Spilled partial sums read back when a C tile is revisited for a later K index. */
        long readC(long[] previous, long[] at) {
            boolean newC = previous == null || !sameC(previous, at);
            return newC && spill && at[kAt] > 0
                    ? bursts(GemmTiling.tileBytes(mExtent(at), nExtent(at), tiling.bits().partialSum())) : 0;
        }

        /** The C tile written back after step {@code at} when the next step leaves it (or there is none). */
        long writeLeft(long[] at, long[] next) {
            if (next != null && sameC(at, next)) {
                return 0;
            }
            boolean complete = !spill || at[kAt] == trips[kAt] - 1;
            return bursts(GemmTiling.tileBytes(mExtent(at), nExtent(at),
                    complete ? tiling.bits().c() : tiling.bits().partialSum()));
        }

        private boolean sameC(long[] a, long[] b) {
            return a[mAt] == b[mAt] && a[nAt] == b[nAt];
        }

        private long mExtent(long[] at) {
            return extent(tiling.m(), tiling.tile().m(), at[mAt]);
        }

        private long kExtent(long[] at) {
            return extent(tiling.k(), tiling.tile().k(), at[kAt]);
        }

        private long nExtent(long[] at) {
            return extent(tiling.n(), tiling.tile().n(), at[nAt]);
        }

        private long bursts(long bytes) {
            return (bytes + burst - 1) / burst * burst;
        }

        private static long extent(long size, long tile, long index) {
            return Math.min(tile, size - index * tile);
        }
    }
}
