package io.bitforge.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Chooses the tiling of a GEMM with the least DRAM traffic that fits double-buffered SRAMs (every tile in half
 * of its operand's buffer; the C tile at the partial-sum width while its reduction is split).
 *
 * <p>Search: all six loop orders; for M and N every tile size that is the smallest one giving its trip count
 * (the values ceil(D / t)), which covers every divisor of D and every remainder split: a larger tile with the
 * same trip count moves the same bytes under {@link GemmTiling}'s rules and only needs more buffer, so nothing
 * better is skipped. For each (order, M tile, N tile) the K tile is the largest such size that fits,
 * because a larger K tile never adds traffic (A and B move the same bytes, C is visited no more often).
 * Ties on traffic go to fewer compute cycles (when a cost is given), then to fewer tile steps, then to the first
 * in (order, M tile, N tile) order, so the choice is deterministic. Growing any buffer only enlarges the feasible set, so more buffer never yields more
 * traffic.
 */
public final class GemmTiler {
    private GemmTiler() {
    }

    /** The least-traffic tiling, or empty when not even 1 × 1 × 1 tiles fit. */
    public static Optional<GemmTiling> best(long m, long k, long n, OperandBits bits, BufferBytes buffers) {
        return best(m, k, n, bits, buffers, TilePins.NONE, null);
    }

    /**
     * The least-traffic tiling within {@code pins}; among equal traffic the one with the fewest compute cycles by
     * {@code cost} (when given), then the fewest steps. A pinned size larger than its dimension is clipped to it.
     * Empty when nothing within the pins fits.
     */
    public static Optional<GemmTiling> best(long m, long k, long n, OperandBits bits, BufferBytes buffers,
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
                    if (!fits(tile, k, bits, buffers)) {
                        continue;
                    }
                    GemmTiling candidate = GemmTiling.of(m, k, n, tile, order, bits);
                    if (best == null) {
                        best = candidate;
                        bestCycles = cost == null ? 0 : computeCycles(candidate, cost);
                        continue;
                    }
                    long ta = candidate.traffic().totalBytes();
                    long tb = best.traffic().totalBytes();
                    if (ta > tb) {
                        continue;
                    }
                    long cycles = cost == null ? 0 : computeCycles(candidate, cost);
                    if (ta < tb || cycles < bestCycles || (cycles == bestCycles && candidate.steps() < best.steps())) {
                        best = candidate;
                        bestCycles = cycles;
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Sum of the tiles' compute cycles: at most eight tile shapes (full or edge along each dimension). */
    public static long computeCycles(GemmTiling tiling, TileCycles cost) {
        long total = 0;
        for (long[] mPart : parts(tiling.m(), tiling.tile().m())) {
            for (long[] kPart : parts(tiling.k(), tiling.tile().k())) {
                for (long[] nPart : parts(tiling.n(), tiling.tile().n())) {
                    long count = mPart[1] * kPart[1] * nPart[1];
                    total = Math.addExact(total, Math.multiplyExact(count,
                            cost.cycles(mPart[0], kPart[0], nPart[0])));
                }
            }
        }
        return total;
    }

    /** {size, count} of the full tiles and of the edge tile along one dimension. */
    private static List<long[]> parts(long size, long tile) {
        List<long[]> parts = new ArrayList<>(2);
        if (size / tile > 0) {
            parts.add(new long[] {tile, size / tile});
        }
        if (size % tile > 0) {
            parts.add(new long[] {size % tile, 1});
        }
        return parts;
    }

    /** A pinned tiling (the spec's {@code mapping:}); empty reason when it fits, else why it does not. */
    public static Optional<String> whyNotFitting(GemmTile tile, long k, OperandBits bits, BufferBytes buffers) {
        long aBytes = GemmTiling.tileBytes(tile.m(), tile.k(), bits.a());
        if (aBytes > buffers.activations() / 2) {
            return Optional.of("an A tile of " + tile.m() + " x " + tile.k() + " needs " + aBytes
                    + " bytes, more than half the activation buffer (" + buffers.activations() / 2 + " bytes)");
        }
        long bBytes = GemmTiling.tileBytes(tile.k(), tile.n(), bits.b());
        if (bBytes > buffers.weights() / 2) {
            return Optional.of("a B tile of " + tile.k() + " x " + tile.n() + " needs " + bBytes
                    + " bytes, more than half the weight buffer (" + buffers.weights() / 2 + " bytes)");
        }
        long cBytes = GemmTiling.tileBytes(tile.m(), tile.n(), tile.k() >= k ? bits.c() : bits.partialSum());
        if (cBytes > buffers.outputs() / 2) {
            return Optional.of("a C tile of " + tile.m() + " x " + tile.n() + " needs " + cBytes
                    + " bytes, more than half the output buffer (" + buffers.outputs() / 2 + " bytes)");
        }
        return Optional.empty();
    }

    static boolean fits(GemmTile tile, long k, OperandBits bits, BufferBytes buffers) {
        return whyNotFitting(tile, k, bits, buffers).isEmpty();
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
