package io.bitforge.core.engine;

import io.bitforge.core.io.BadInputException;

import java.util.Arrays;
import java.util.Locale;
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
 *
 * <p>Without a K pin or a compute cost (the default mapper's case) {@link TileRectangles} searches instead, with
 * everything per tile edge computed once and bounds over rectangles of (M tile, N tile); it chooses the same.
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
        long[] mSizes = pins.m().isPresent() ? new long[] {Math.min(pins.m().getAsLong(), m)}
                : tileSizes(m, widestTile(buffers.activations(), bits.a(), buffers.outputs(), cMinBits(bits)));
        long[] nSizes = pins.n().isPresent() ? new long[] {Math.min(pins.n().getAsLong(), n)}
                : tileSizes(n, widestTile(buffers.weights(), bits.b(), buffers.outputs(), cMinBits(bits)));
        long kPin = pins.k().isPresent() ? Math.min(pins.k().getAsLong(), k) : 0;
        LoopOrder[] orders = pins.order().map(o -> new LoopOrder[] {o}).orElse(LoopOrder.values());
        if (kPin == 0 && cost == null) {
            return new TileRectangles(m, k, n, bits, buffers, mSizes, nSizes).search(orders, m, n, bits);
        }
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

    /**
     * Most tile sizes listed per dimension: 2^23 (64 MiB of candidates), reached only when a dimension past about
     * 7e13 meets buffers of millions of elements per edge; the search over that many takes well under a minute.
     */
    static final long MAX_TILE_SIZES = 1L << 23;

    /** The narrower C width: a C tile holds at least this many bits per element. */
    private static int cMinBits(OperandBits bits) {
        return Math.min(bits.c(), bits.partialSum());
    }

    /**
     * The widest edge a tile can have: one line of it (K = 1 for A or B; the other edge 1 for C) must fit in half
     * of each buffer it is in. Rounded up, never down: the cap only prunes, so too large is merely slower.
     */
    static long widestTile(long operandBytes, double operandBits, long outputBytes, int cBits) {
        double byOperand = Math.floor(operandBytes / 2 * 8.0 / operandBits) + 1;
        double byOutput = Math.floor(outputBytes / 2 * 8.0 / cBits) + 1;
        double widest = Math.min(byOperand, byOutput);
        return widest >= 0x1p62 ? Long.MAX_VALUE : (long) widest;
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

    /**
     * Ascending tile sizes s with ceil(D / ceil(D / s)) = s (the smallest size for each trip count), only those no
     * larger than {@code cap}: a tile edge past what one row or column of its operand
     * tiles can hold never fits, so leaving it out changes no choice, and it bounds the list by the buffers
     * rather than by √D (a 2^56-row GEMM would otherwise list 5e8 sizes and exhaust the heap).
     */
    static long[] tileSizes(long size, long cap) {
        long root = Math.min(size, (long) Math.sqrt((double) size) + 1);
        long smallCount = Math.min(root, cap);
        // ceil(size / t) <= cap exactly when t >= ceil(size / cap)
        long firstLarge = Math.max(1, GemmTiling.trips(size, Math.max(1, cap)));
        long largeCount = Math.max(0, root - firstLarge + 1);
        if (smallCount + largeCount > MAX_TILE_SIZES) {
            throw new BadInputException(String.format(Locale.ROOT, "a GEMM dimension of %d with buffers that hold "
                    + "tiles up to %d wide: the tiler would search about %.3g tile sizes, more than %d; refused "
                    + "(pin the tile sizes in the spec's mapping, or give smaller buffers)", size, cap,
                    (double) (smallCount + largeCount), MAX_TILE_SIZES));
        }
        // the small sizes 1..smallCount ascend, and so do the large ones ceil(size / t) as t falls from root to
        // firstLarge: merged in one pass, keeping each size once and only the smallest for its trip count
        long[] sizes = new long[(int) (smallCount + largeCount)];
        int count = 0;
        long small = 1;
        long t = root;
        while (small <= smallCount || t >= firstLarge) {
            long large = t >= firstLarge ? GemmTiling.trips(size, t) : Long.MAX_VALUE;
            long s;
            if (small <= smallCount && small <= large) {
                s = small++;
                if (s == large) {
                    t--;
                }
            } else {
                s = large;
                t--;
            }
            if ((count == 0 || sizes[count - 1] != s) && GemmTiling.trips(size, GemmTiling.trips(size, s)) == s) {
                sizes[count++] = s;
            }
        }
        return Arrays.copyOf(sizes, count);
    }
}
