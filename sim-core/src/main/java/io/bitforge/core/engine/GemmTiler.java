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
 * same trip count moves the same bytes under {@link GemmTiling}'s rules (exactly for whole-byte widths, up to
 * per-tile byte rounding for narrower ones) and only needs more buffer, so nothing better is skipped. For each (order, M tile, N tile) the K tile is the largest such size that fits,
 * because a larger K tile never adds traffic (A and B move the same bytes, C is visited no more often).
 * Ties on traffic go to fewer tile steps, then to the first in (order, M tile, K tile, N tile) order, so the
 * choice is deterministic. Growing any buffer only enlarges the feasible set, so more buffer never yields more
 * traffic.
 */
public final class GemmTiler {
    private GemmTiler() {
    }

    /** The least-traffic tiling, or empty when not even 1 × 1 × 1 tiles fit. */
    public static Optional<GemmTiling> best(long m, long k, long n, OperandBits bits, BufferBytes buffers) {
        List<Long> mSizes = tileSizes(m);
        List<Long> kSizes = tileSizes(k);
        List<Long> nSizes = tileSizes(n);
        GemmTiling best = null;
        for (LoopOrder order : LoopOrder.values()) {
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
                    if (best == null || better(candidate, best)) {
                        best = candidate;
                    }
                }
            }
        }
        return Optional.ofNullable(best);
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
        long byB = buffers.weights() / 2 * 8 / Math.multiplyExact(nt, bits.b());
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

    private static boolean better(GemmTiling a, GemmTiling b) {
        long ta = a.traffic().totalBytes();
        long tb = b.traffic().totalBytes();
        if (ta != tb) {
            return ta < tb;
        }
        return a.steps() < b.steps();
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
