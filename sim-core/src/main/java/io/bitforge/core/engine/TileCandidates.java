package io.bitforge.core.engine;

import java.util.Optional;

/**
 * The state of one {@link GemmTiler} search: candidates scored in primitive arithmetic (traffic from trip counts
 * alone, by {@link GemmTiling}'s rules), the best so far by (traffic, compute cycles, steps, first seen), and the
 * lower bounds that let the search skip candidates that cannot win.
 */
final class TileCandidates {
    private final long m;
    private final long k;
    private final long n;
    private final OperandBits bits;
    private final BufferBytes buffers;
    /** The pinned K tile, or 0 when the search picks the largest that fits. */
    private final long kPin;
    private final TileCycles cost;
    private final long aSweep;
    private final long bSweep;
    private final long cFinal;
    private final long cPartial;
    /** Per loop order (by ordinal): the positions of the M, K and N loops, 0 = outermost. */
    private final int[][] positions = new int[LoopOrder.values().length][];
    private long bestTraffic = Long.MAX_VALUE;
    private long bestCycles;
    private long bestSteps;
    private LoopOrder bestOrder;
    private GemmTile bestTile;

    TileCandidates(long m, long k, long n, OperandBits bits, BufferBytes buffers, long kPin, TileCycles cost) {
        this.m = m;
        this.k = k;
        this.n = n;
        this.bits = bits;
        this.buffers = buffers;
        this.kPin = kPin;
        this.cost = cost;
        this.aSweep = GemmTiling.sweepBytes(m, 0, k, 0, bits.a());
        this.bSweep = GemmTiling.sweepBytes(k, 0, n, 0, bits.b());
        this.cFinal = GemmTiling.sweepBytes(m, 0, n, 0, bits.c());
        this.cPartial = GemmTiling.sweepBytes(m, 0, n, 0, bits.partialSum());
        for (LoopOrder order : LoopOrder.values()) {
            positions[order.ordinal()] = new int[] {order.position(LoopOrder.Dim.M), order.position(LoopOrder.Dim.K),
                    order.position(LoopOrder.Dim.N)};
        }
    }

    long bestTraffic() {
        return bestTraffic;
    }

    /** Forgets the choice but keeps its traffic as the bound. */
    void clearChoice() {
        bestOrder = null;
        bestTile = null;
        bestCycles = Long.MAX_VALUE;
        bestSteps = Long.MAX_VALUE;
    }

    Optional<GemmTiling> choice() {
        return bestTile == null ? Optional.empty() : Optional.of(GemmTiling.of(m, k, n, bestTile, bestOrder, bits));
    }

    /** Scores (order, mt, largest fitting kt, nt) and keeps it if it beats the best so far. */
    void consider(LoopOrder order, long mt, long nt) {
        long kt = largestFittingK(mt, nt);
        if (kt < 1 || !fits(mt, kt, nt, k, bits, buffers)) {
            return;
        }
        long mTrips = GemmTiling.trips(m, mt);
        long kTrips = GemmTiling.trips(k, kt);
        long nTrips = GemmTiling.trips(n, nt);
        long traffic = traffic(order, mTrips, kTrips, nTrips);
        if (traffic > bestTraffic) {
            return;
        }
        long steps = Math.multiplyExact(Math.multiplyExact(mTrips, kTrips), nTrips);
        long cycles = 0;
        if (cost != null) {
            cycles = GemmTiler.computeCycles(GemmTiling.of(m, k, n, new GemmTile(mt, kt, nt), order, bits), cost);
        }
        if (bestTile == null || traffic < bestTraffic || cycles < bestCycles
                || (cycles == bestCycles && steps < bestSteps)) {
            bestTraffic = traffic;
            bestCycles = cycles;
            bestSteps = steps;
            bestOrder = order;
            bestTile = new GemmTile(mt, kt, nt);
        }
    }

    /**
     * Index of the widest N tile in {@code nSizes} whose C tile and B tile (one K row) can
     * fit beside an M tile of {@code mt} with at least a 1-deep K tile; -1 when none.
     */
    int widestN(long mt, long[] nSizes) {
        return widestN(mt, nSizes, Math.min(bits.c(), bits.partialSum()));
    }

    /** The same with the C tile at the partial-sum width: the widest N tile a candidate with K trips can have. */
    int widestSpillingN(long mt, long[] nSizes) {
        return widestN(mt, nSizes, bits.partialSum());
    }

    private int widestN(long mt, long[] nSizes, int cBits) {
        if (largestFittingK(mt, nSizes[0]) < 1) {
            return -1; // the K tile only shrinks as N grows
        }
        int low = 0;
        int high = nSizes.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (couldFit(mt, nSizes[mid], cBits)) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return couldFit(mt, nSizes[low], cBits) ? low : -1;
    }

    /**
     * Scores the candidates with M tile {@code mt} and N tiles {@code nSizes[low..high]} that can still win, in
     * ascending N order: a range is skipped when the traffic at its fewest K trips (its narrowest N tile) and
     * fewest N trips (its widest) exceeds the best so far, where candidates with more than one K trip can be no
     * wider than {@code widestSpilling} (their C tile holds partial sums); without a cost, a range with one K tile
     * throughout is represented by its widest fitting N tile, which moves no more bytes in fewer steps.
     */
    void scan(LoopOrder order, long mt, long[] nSizes, int low, int high, int widestSpilling) {
        long mTrips = GemmTiling.trips(m, mt);
        long kNarrow = largestFittingK(mt, nSizes[low]);
        if (kNarrow < 1) {
            return;
        }
        long kTrips = GemmTiling.trips(k, kNarrow);
        long bound = kTrips > 1 ? Long.MAX_VALUE : traffic(order, mTrips, 1, GemmTiling.trips(n, nSizes[high]));
        if (widestSpilling >= low) {
            bound = Math.min(bound, traffic(order, mTrips, Math.max(kTrips, 2),
                    GemmTiling.trips(n, nSizes[Math.min(high, widestSpilling)])));
        }
        if (bound > bestTraffic) {
            return;
        }
        if (cost == null && largestFittingK(mt, nSizes[high]) == kNarrow) {
            for (int j = high; j >= low; j--) { // the C tile's fit only improves as N narrows
                if (fits(mt, kNarrow, nSizes[j], k, bits, buffers)) {
                    consider(order, mt, nSizes[j]);
                    return;
                }
            }
            return;
        }
        if (high - low < 4) {
            for (int j = low; j <= high; j++) {
                consider(order, mt, nSizes[j]);
            }
            return;
        }
        int mid = (low + high) >>> 1;
        scan(order, mt, nSizes, low, mid, widestSpilling);
        scan(order, mt, nSizes, mid + 1, high, widestSpilling);
    }

    /** Necessary for any K tile: the C tile (at {@code cBits}) and one row of the B tile fit. */
    private boolean couldFit(long mt, long nt, int cBits) {
        return GemmTiling.tileBytes(mt, nt, cBits) <= buffers.outputs() / 2
                && largestFittingK(mt, nt) >= 1;
    }

    /** DRAM bytes of a tiling with these trip counts ({@link GemmTiling#of}'s rules). */
    long traffic(LoopOrder order, long mTrips, long kTrips, long nTrips) {
        int[] at = positions[order.ordinal()];
        int m = at[0];
        int k = at[1];
        int n = at[2];
        // GemmTiling.outside: a loop of more than one trip outside the innermost iterating loop of the operand
        long aFetches = nTrips > 1 && n < Math.max(mTrips > 1 ? m : -1, kTrips > 1 ? k : -1) ? nTrips : 1;
        long bFetches = mTrips > 1 && m < Math.max(kTrips > 1 ? k : -1, nTrips > 1 ? n : -1) ? mTrips : 1;
        long cVisits = kTrips > 1 && k < Math.max(mTrips > 1 ? m : -1, nTrips > 1 ? n : -1) ? kTrips : 1;
        long spilled = Math.multiplyExact(cVisits - 1, cPartial);
        return Math.addExact(Math.addExact(Math.multiplyExact(aSweep, aFetches), Math.multiplyExact(bSweep, bFetches)),
                Math.addExact(cFinal, Math.multiplyExact(2, spilled)));
    }

    /**
     * The largest K tile that is the smallest for its trip count and fits A's and B's half-buffers beside
     * {@code mt} and {@code nt}: ceil(K / ceil(K / limit)); or the pinned K tile if it fits; 0 if none.
     */
    private long largestFittingK(long mt, long nt) {
        long byA = buffers.activations() / 2 * 8 / Math.multiplyExact(mt, bits.a());
        long byB = (long) Math.floor(buffers.weights() / 2 * 8 / (nt * bits.b()));
        long limit = Math.min(Math.min(byA, byB), k);
        if (kPin > 0) {
            return kPin <= limit ? kPin : 0;
        }
        return limit < 1 ? 0 : GemmTiling.trips(k, GemmTiling.trips(k, limit));
    }

    static boolean fits(long mt, long kt, long nt, long k, OperandBits bits, BufferBytes buffers) {
        return GemmTiling.tileBytes(mt, kt, bits.a()) <= buffers.activations() / 2
                && GemmTiling.tileBytes(kt, nt, bits.b()) <= buffers.weights() / 2
                && GemmTiling.tileBytes(mt, nt, kt >= k ? bits.c() : bits.partialSum()) <= buffers.outputs() / 2;
    }
}
