package io.bitforge.core.engine;

import java.util.Arrays;
import java.util.Optional;

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
 *
 * <p>Pruning, which never changes the choice: a tiling's traffic depends only on its loop order and trip counts
 * and never falls when a trip count grows. For one M tile, a range of N tiles can do no better than the traffic
 * at the K trips of its narrowest N tile (the largest K tile) and the N trips of its widest (for candidates with
 * more than one K trip, the widest whose partial sums fit), so ranges whose bound exceeds the best traffic found
 * so far (seeded with the widest fitting N tile per M tile) are skipped, and the
 * others are halved until they are small or share one K tile (then, without a cost, only their widest fitting N
 * tile can win: the same K trips, fewer N trips). Candidates are scored in primitive arithmetic and only the
 * winner becomes a {@link GemmTiling}.
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
        long[] mSizes = pins.m().isPresent() ? new long[] {Math.min(pins.m().getAsLong(), m)} : tileSizes(m);
        long[] nSizes = pins.n().isPresent() ? new long[] {Math.min(pins.n().getAsLong(), n)} : tileSizes(n);
        long kPin = pins.k().isPresent() ? Math.min(pins.k().getAsLong(), k) : 0;
        LoopOrder[] orders = pins.order().map(o -> new LoopOrder[] {o}).orElse(LoopOrder.values());
        TileCandidates search = new TileCandidates(m, k, n, bits, buffers, kPin, cost);
        int[] widest = new int[mSizes.length];
        int[] widestSpilling = new int[mSizes.length];
        for (int i = 0; i < mSizes.length; i++) {
            widest[i] = search.widestN(mSizes[i], nSizes);
            widestSpilling[i] = search.widestSpillingN(mSizes[i], nSizes);
        }
        for (LoopOrder order : orders) { // seed the bound
            for (int i = 0; i < mSizes.length; i++) {
                if (widest[i] >= 0) {
                    search.consider(order, mSizes[i], nSizes[widest[i]]);
                }
            }
        }
        search.clearChoice(); // the seeds only bound; the pass below decides, in canonical order
        for (LoopOrder order : orders) {
            for (int i = 0; i < mSizes.length; i++) {
                if (widest[i] >= 0) {
                    search.scan(order, mSizes[i], nSizes, 0, widest[i], widestSpilling[i]);
                }
            }
        }
        return search.choice();
    }

    /** Sum of the tiles' compute cycles: at most eight tile shapes (full or edge along each dimension). */
    public static long computeCycles(GemmTiling tiling, TileCycles cost) {
        long total = 0;
        long[][] mParts = parts(tiling.m(), tiling.tile().m());
        long[][] kParts = parts(tiling.k(), tiling.tile().k());
        long[][] nParts = parts(tiling.n(), tiling.tile().n());
        for (long[] mPart : mParts) {
            for (long[] kPart : kParts) {
                for (long[] nPart : nParts) {
                    long count = mPart[1] * kPart[1] * nPart[1];
                    total = Math.addExact(total, Math.multiplyExact(count,
                            cost.cycles(mPart[0], kPart[0], nPart[0])));
                }
            }
        }
        return total;
    }

    /** {size, count} of the full tiles and of the edge tile along one dimension. */
    private static long[][] parts(long size, long tile) {
        long full = size / tile;
        long edge = size % tile;
        if (full > 0 && edge > 0) {
            return new long[][] {{tile, full}, {edge, 1}};
        }
        return full > 0 ? new long[][] {{tile, full}} : new long[][] {{edge, 1}};
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
        return TileCandidates.fits(tile.m(), tile.k(), tile.n(), k, bits, buffers);
    }

    /** Ascending tile sizes s with ceil(D / ceil(D / s)) = s: the smallest size for each trip count. */
    static long[] tileSizes(long size) {
        long root = Math.min(size, (long) Math.sqrt((double) size) + 1);
        long[] sizes = new long[(int) (2 * root)];
        for (int t = 1; t <= root; t++) {
            sizes[2 * t - 2] = GemmTiling.trips(size, t); // ceil(size / t)
            sizes[2 * t - 1] = t;
        }
        Arrays.sort(sizes);
        int count = 0;
        for (int i = 0; i < sizes.length; i++) {
            long s = sizes[i];
            boolean repeated = count > 0 && sizes[count - 1] == s;
            if (!repeated && GemmTiling.trips(size, GemmTiling.trips(size, s)) == s) {
                sizes[count++] = s;
            }
        }
        return Arrays.copyOf(sizes, count);
    }
}
