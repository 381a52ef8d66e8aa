package io.bitforge.core.engine;

import java.util.Optional;

/**
 * {@link GemmTiler}'s search when the K tile is free and no compute cost is given (the default mapper's case):
 * branch and bound over rectangles of (M tile, N tile) indices, per loop order.
 *
 * <p>Everything that depends on one index alone is computed once per search into primitive arrays (trip counts,
 * the K tile each buffer allows, the widest N tile whose C tile fits beside each M tile), so a candidate costs one
 * division and a few comparisons. A rectangle's lower bound is the traffic and step count at its fewest M trips
 * (its widest M tile), its fewest K trips (its narrowest M and N tiles leave the most room for K) and its fewest N
 * trips among the N tiles whose C tile fits beside its narrowest M tile; traffic and steps never fall when a trip
 * count grows, so a rectangle whose bound is worse than the best found (traffic, then steps) holds nothing that
 * wins, and it is skipped. The half with the lower bound is searched first, so a good bound is found early.
 *
 * <p>The choice is the exhaustive search's exactly: the least traffic, then the fewest steps, then the first in
 * (loop order, M tile, N tile) order; ties are compared by that key, not by the order of visiting.
 */
final class TileRectangles {
    /** Rectangles of at most this many cells are scored cell by cell. */
    private static final int LEAF_CELLS = 4;

    private final long k;
    private final long[] mSizes;
    private final long[] nSizes;
    private final TileCandidates traffic;
    private final long[] mTrips;
    /** Per loop order: whether B is fetched again for every M trip (the M loop outside B's loops). */
    private final boolean[] refetchesB = new boolean[LoopOrder.values().length];
    private final long[] nTrips;
    /**
     * Per M tile: K trips at its largest K tile (trips only grow as the tile shrinks, so a cell's K trips are the
     * larger of its M tile's and its N tile's, with no division).
     */
    private final long[] kTripsByA;
    private final long[] kTripsByB;
    /**
     * Per M tile: the fewest K trips whose K tile, ceil(K / trips), fits A's half-buffer by
     * {@link GemmTiling#tileBytes} (the exact check); {@code Long.MAX_VALUE} when none does.
     */
    private final long[] kTripsFitA;
    private final long[] kTripsFitB;
    /** Per M tile: index of the widest N tile whose C tile fits at the output width (one K trip); -1 if none. */
    private final int[] widestFinal;
    /** The same at the partial-sum width (more than one K trip). */
    private final int[] widestSpilling;

    private long bestTraffic = Long.MAX_VALUE;
    private long bestSteps = Long.MAX_VALUE;
    private int bestOrder = -1;
    private int bestM = -1;
    private int bestN = -1;
    private long bestKTrips;
    /** Set by {@link #bound}. */
    private long boundTraffic;
    private long boundSteps;

    TileRectangles(long m, long k, long n, OperandBits bits, BufferBytes buffers, long[] mSizes, long[] nSizes) {
        this.k = k;
        this.mSizes = mSizes;
        this.nSizes = nSizes;
        this.traffic = new TileCandidates(m, k, n, bits, buffers, 0, null);
        for (LoopOrder order : LoopOrder.values()) {
            refetchesB[order.ordinal()] = order.position(LoopOrder.Dim.M) < order.position(LoopOrder.Dim.N)
                    || order.position(LoopOrder.Dim.M) < order.position(LoopOrder.Dim.K);
        }
        int mCount = mSizes.length;
        int nCount = nSizes.length;
        mTrips = new long[mCount];
        kTripsByA = new long[mCount];
        kTripsFitA = new long[mCount];
        widestFinal = new int[mCount];
        widestSpilling = new int[mCount];
        nTrips = new long[nCount];
        kTripsByB = new long[nCount];
        kTripsFitB = new long[nCount];
        long halfA = buffers.activations() / 2;
        long halfB = buffers.weights() / 2;
        long halfC = buffers.outputs() / 2;
        for (int j = 0; j < nCount; j++) {
            long nt = nSizes[j];
            nTrips[j] = GemmTiling.trips(n, nt);
            // the largest K tile B's half-buffer allows, computed as GemmTiler's largestFittingK does (in doubles)
            long kLimitByB = Math.min((long) Math.floor(halfB * 8 / (nt * bits.b())), k);
            kTripsByB[j] = fewestTrips(kLimitByB);
            long fitB = largestFitting(kLimitByB, nt, bits.b(), halfB);
            kTripsFitB[j] = fitB == kLimitByB ? kTripsByB[j] : fewestTrips(fitB);
        }
        for (int i = 0; i < mCount; i++) {
            long mt = mSizes[i];
            mTrips[i] = GemmTiling.trips(m, mt);
            long kLimitByA = Math.min(halfA * 8 / Math.multiplyExact(mt, bits.a()), k);
            kTripsByA[i] = fewestTrips(kLimitByA);
            long fitA = largestFitting(kLimitByA, mt, bits.a(), halfA);
            kTripsFitA[i] = fitA == kLimitByA ? kTripsByA[i] : fewestTrips(fitA);
            // the widest C tile only narrows as the M tile grows: walk down from the previous M tile's
            widestFinal[i] = widestAtMost(widestC(halfC, mt, bits.c()), i == 0 ? nCount - 1 : widestFinal[i - 1]);
            widestSpilling[i] = widestAtMost(widestC(halfC, mt, bits.partialSum()),
                    i == 0 ? nCount - 1 : widestSpilling[i - 1]);
        }
    }

    /** The widest C tile edge beside {@code mt}: ceil(mt * nt * bits / 8) <= half when mt * nt * bits <= 8 * half. */
    private static long widestC(long half, long mt, int bits) {
        return half > Long.MAX_VALUE / 8 ? Long.MAX_VALUE : half * 8 / Math.multiplyExact(mt, bits);
    }

    /** The largest K tile no larger than {@code limit} whose tile (K × {@code edge}) fits half a buffer. */
    private static long largestFitting(long limit, long edge, double bits, long half) {
        long kt = Math.max(limit, 0);
        while (kt > 0 && GemmTiling.tileBytes(kt, edge, bits) > half) {
            kt--;
        }
        return kt;
    }

    /**
     * K trips of a K tile of {@code tile} (at most K); {@code Long.MAX_VALUE} when below 1. Also the fewest trips
     * whose tile fits: ceil(K / trips) <= tile exactly when trips >= ceil(K / tile).
     */
    private long fewestTrips(long fit) {
        return fit < 1 ? Long.MAX_VALUE : GemmTiling.trips(k, fit);
    }

    /** Index of the widest N tile no wider than {@code limit}, at most {@code from}; -1 when none is. */
    private int widestAtMost(long limit, int from) {
        int j = from;
        while (j >= 0 && nSizes[j] > limit) {
            j--;
        }
        return j;
    }

    /** Searches the loop orders given; empty when nothing fits. */
    Optional<GemmTiling> search(LoopOrder[] orders, long m, long n, OperandBits bits) {
        int lastM = mSizes.length - 1;
        while (lastM >= 0 && (kTripsByA[lastM] == Long.MAX_VALUE || Math.max(widestFinal[lastM], widestSpilling[lastM]) < 0)) {
            lastM--; // both only shrink as the M tile grows
        }
        if (lastM >= 0) {
            for (LoopOrder order : orders) {
                rectangle(order, 0, lastM, 0, nSizes.length - 1);
            }
        }
        if (bestOrder < 0) {
            return Optional.empty();
        }
        // the smallest K tile with the fewest K trips that fit: GemmTiler's largest fitting K tile
        GemmTile tile = new GemmTile(mSizes[bestM], GemmTiling.trips(k, bestKTrips), nSizes[bestN]);
        return Optional.of(GemmTiling.of(m, k, n, tile, LoopOrder.values()[bestOrder], bits));
    }

    private void rectangle(LoopOrder order, int m0, int m1, int n0, int n1) {
        if ((long) (m1 - m0 + 1) * (n1 - n0 + 1) <= LEAF_CELLS) {
            for (int i = m0; i <= m1; i++) {
                for (int j = n0; j <= n1; j++) {
                    consider(order, i, j);
                }
            }
            return;
        }
        // Where B is fetched again per M trip, the M tile trades B's traffic against K trips (fewer as M narrows),
        // and halving M first separates the two ends; elsewhere the longer side is halved. Either is exact.
        boolean splitM = m1 > m0 && (refetchesB[order.ordinal()] || m1 - m0 >= n1 - n0);
        int mid = splitM ? (m0 + m1) >>> 1 : (n0 + n1) >>> 1;
        int aM1 = splitM ? mid : m1;
        int aN1 = splitM ? n1 : mid;
        int bM0 = splitM ? mid + 1 : m0;
        int bN0 = splitM ? n0 : mid + 1;
        boolean firstFits = bound(order, m0, aM1, n0, aN1);
        long firstTraffic = boundTraffic;
        long firstSteps = boundSteps;
        boolean secondFits = bound(order, bM0, m1, bN0, n1);
        long secondTraffic = boundTraffic;
        long secondSteps = boundSteps;
        if (secondFits && (!firstFits || less(secondTraffic, secondSteps, firstTraffic, firstSteps))) {
            visit(order, secondTraffic, secondSteps, bM0, m1, bN0, n1);
            visit(order, firstFits, firstTraffic, firstSteps, m0, aM1, n0, aN1);
        } else {
            visit(order, firstFits, firstTraffic, firstSteps, m0, aM1, n0, aN1);
            visit(order, secondFits, secondTraffic, secondSteps, bM0, m1, bN0, n1);
        }
    }

    private void visit(LoopOrder order, boolean fits, long traffic, long steps, int m0, int m1, int n0, int n1) {
        if (fits) {
            visit(order, traffic, steps, m0, m1, n0, n1);
        }
    }

    private void visit(LoopOrder order, long traffic, long steps, int m0, int m1, int n0, int n1) {
        if (!beyondBest(traffic, steps)) {
            rectangle(order, m0, m1, n0, n1);
        }
    }

    /**
     * Sets {@link #boundTraffic} and {@link #boundSteps} to what no cell of the rectangle beats; false when no cell
     * of it fits.
     */
    private boolean bound(LoopOrder order, int m0, int m1, int n0, int n1) {
        long kTrips = Math.max(kTripsByA[m0], kTripsByB[n0]);
        if (kTrips == Long.MAX_VALUE) {
            return false;
        }
        long mFewest = mTrips[m1];
        boolean found = false;
        int finalN = Math.min(n1, widestFinal[m0]);
        if (kTrips == 1 && finalN >= n0) {
            boundTraffic = traffic.traffic(order, mFewest, 1, nTrips[finalN]);
            boundSteps = Math.multiplyExact(mFewest, nTrips[finalN]);
            found = true;
        }
        int spillingN = Math.min(n1, widestSpilling[m0]);
        if (spillingN >= n0) {
            long kAtLeast = Math.max(kTrips, 2);
            long t = traffic.traffic(order, mFewest, kAtLeast, nTrips[spillingN]);
            long s = Math.multiplyExact(Math.multiplyExact(mFewest, kAtLeast), nTrips[spillingN]);
            if (!found || less(t, s, boundTraffic, boundSteps)) {
                boundTraffic = t;
                boundSteps = s;
                found = true;
            }
        }
        return found;
    }

    private void consider(LoopOrder order, int i, int j) {
        long kTrips = Math.max(kTripsByA[i], kTripsByB[j]);
        if (kTrips == Long.MAX_VALUE || kTrips < kTripsFitA[i] || kTrips < kTripsFitB[j]
                || j > (kTrips == 1 ? widestFinal[i] : widestSpilling[i])) {
            return;
        }
        long t = traffic.traffic(order, mTrips[i], kTrips, nTrips[j]);
        long s = Math.multiplyExact(Math.multiplyExact(mTrips[i], kTrips), nTrips[j]);
        if (beyondBest(t, s)) {
            return;
        }
        int o = order.ordinal();
        if (t == bestTraffic && s == bestSteps
                && (o > bestOrder || (o == bestOrder && (i > bestM || (i == bestM && j > bestN))))) {
            return; // a full tie goes to the first in (order, M tile, N tile) order
        }
        bestTraffic = t;
        bestSteps = s;
        bestOrder = o;
        bestM = i;
        bestN = j;
        bestKTrips = kTrips;
    }

    /** True when (traffic, steps) is strictly worse than the best so far. */
    private boolean beyondBest(long t, long s) {
        return t > bestTraffic || (t == bestTraffic && s > bestSteps);
    }

    private static boolean less(long t, long s, long otherT, long otherS) {
        return t < otherT || (t == otherT && s < otherS);
    }
}
