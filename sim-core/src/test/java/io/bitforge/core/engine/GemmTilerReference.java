package io.bitforge.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** The tiler's exhaustive search as it was first written: the oracle {@link GemmTiler}'s pruned search must equal. */
final class GemmTilerReference {
    private GemmTilerReference() {
    }

    /**
     * The least-traffic tiling within {@code pins}; among equal traffic the one with the fewest compute cycles by
     * {@code cost} (when given), then the fewest steps. A pinned size larger than its dimension is clipped to it.
     * Empty when nothing within the pins fits.
     */
    static Optional<GemmTiling> best(long m, long k, long n, OperandBits bits, BufferBytes buffers,
                                            TilePins pins, TileCycles cost) {
        List<Long> mSizes = pins.m().isPresent() ? List.of(Math.min(pins.m().getAsLong(), m)) : tileSizes(m);
        List<Long> kSizes = pins.k().isPresent() ? List.of(Math.min(pins.k().getAsLong(), k)) : tileSizes(k);
        List<Long> nSizes = pins.n().isPresent() ? List.of(Math.min(pins.n().getAsLong(), n)) : tileSizes(n);
        List<LoopOrder> orders = pins.order().map(List::of).orElse(List.of(LoopOrder.values()));
        GemmTiling best = null;
        long bestCycles = Long.MAX_VALUE;
        for (LoopOrder order : orders) {
            for (long mt : mSizes) {
                for (long nt : nSizes) {
                    long kt = largestFittingK(kSizes, mt, nt, k, bits, buffers);
                    if (kt < 1) {
                        continue;
                    }
                    GemmTile tile = new GemmTile(mt, kt, nt);
                    if (!GemmTiler.fits(tile, k, bits, buffers)) {
                        continue;
                    }
                    GemmTiling candidate = GemmTiling.of(m, k, n, tile, order, bits);
                    if (best == null) {
                        best = candidate;
                        bestCycles = cost == null ? 0 : GemmTiler.computeCycles(candidate, cost);
                        continue;
                    }
                    long ta = candidate.traffic().totalBytes();
                    long tb = best.traffic().totalBytes();
                    if (ta > tb) {
                        continue;
                    }
                    long cycles = cost == null ? 0 : GemmTiler.computeCycles(candidate, cost);
                    if (ta < tb || cycles < bestCycles || (cycles == bestCycles && candidate.steps() < best.steps())) {
                        best = candidate;
                        bestCycles = cycles;
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static long largestFittingK(List<Long> kSizes, long mt, long nt, long k, OperandBits bits,
                                        BufferBytes buffers) {
        long byA = buffers.activations() / 2 * 8 / Math.multiplyExact(mt, bits.a());
        long byB = (long) Math.floor(buffers.weights() / 2 * 8 / (nt * bits.b()));
        long limit = Math.min(Math.min(byA, byB), k);
        long chosen = 0;
        for (long size : kSizes) { // ascending
            if (size > limit) {
                break;
            }
            chosen = size;
        }
        return chosen;
    }

    /** Ascending tile sizes s with ceil(D / ceil(D / s)) = s: the smallest size for each trip count. */
    static List<Long> tileSizes(long size) {
        TreeSet<Long> sizes = new TreeSet<>();
        long root = (long) Math.sqrt((double) size) + 1;
        for (long t = 1; t <= Math.min(size, root); t++) {
            sizes.add(GemmTiling.trips(size, t)); // ceil(size / t)
        }
        for (long s = 1; s <= Math.min(size, root); s++) {
            sizes.add(s);
        }
        List<Long> minimal = new ArrayList<>();
        for (long s : sizes) {
            if (GemmTiling.trips(size, GemmTiling.trips(size, s)) == s) {
                minimal.add(s);
            }
        }
        return minimal;
    }
}
