package io.bitforge.core.engine;

import io.bitforge.core.engine.LoopOrder.Dim;

import java.util.Objects;

/**
 * A GEMM C[M×N] = A[M×K]·B[K×N] cut into {@link GemmTile}s visited in a {@link LoopOrder}, and the DRAM traffic
 * that schedule causes when each operand's tile stays on chip for as long as the loop order allows.
 *
 * <p>Traffic rules (the reuse analysis of Timeloop/ZigZag-style loop nests, restricted to one on-chip level):
 * <ul>
 * <li>A is indexed by M and K. Its tiles are fetched once per sweep over (M, K), times the trip count of the N
 * loop if the N loop is outside A's innermost indexing loop.</li>
 * <li>B is indexed by K and N; it is refetched once per M trip if the M loop is outside its innermost
 * indexing loop.</li>
 * <li>C is indexed by M and N. If the K loop is inside both, each C tile is finished on chip and written once
 * at the output width. Otherwise each C tile is visited once per K trip: every visit but the last writes
 * partial sums, every visit but the first reads them back, both at the partial-sum width.</li>
 * <li>Each sweep over an operand moves its bits rounded up to whole bytes once; loops of one trip are
 * ignored.</li>
 * </ul>
 */
public record GemmTiling(long m, long k, long n, GemmTile tile, LoopOrder order, OperandBits bits,
                         DramTraffic traffic) {

    public GemmTiling {
        Objects.requireNonNull(tile, "tile");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(bits, "bits");
        Objects.requireNonNull(traffic, "traffic");
    }

    /** Builds the tiling and computes its traffic. */
    public static GemmTiling of(long m, long k, long n, GemmTile tile, LoopOrder order, OperandBits bits) {
        long mTrips = trips(m, tile.m());
        long kTrips = trips(k, tile.k());
        long nTrips = trips(n, tile.n());
        long aSweep = sweepBytes(m, tile.m(), k, tile.k(), bits.a());
        long bSweep = sweepBytes(k, tile.k(), n, tile.n(), bits.b());
        long[] trips = {mTrips, kTrips, nTrips};
        long aFetches = outside(order, trips, Dim.N, Dim.M, Dim.K) ? nTrips : 1;
        long bFetches = outside(order, trips, Dim.M, Dim.K, Dim.N) ? mTrips : 1;
        long cVisits = outside(order, trips, Dim.K, Dim.M, Dim.N) ? kTrips : 1;
        long cFinal = sweepBytes(m, tile.m(), n, tile.n(), bits.c());
        long cPartial = sweepBytes(m, tile.m(), n, tile.n(), bits.partialSum());
        DramTraffic traffic = new DramTraffic(
                Math.multiplyExact(aSweep, aFetches),
                Math.multiplyExact(bSweep, bFetches),
                Math.addExact(cFinal, Math.multiplyExact(cVisits - 1, cPartial)),
                Math.multiplyExact(cVisits - 1, cPartial));
        return new GemmTiling(m, k, n, tile, order, bits, traffic);
    }

    public long mTrips() {
        return trips(m, tile.m());
    }

    public long kTrips() {
        return trips(k, tile.k());
    }

    public long nTrips() {
        return trips(n, tile.n());
    }

    /** Tile steps the schedule takes: the product of the three trip counts. */
    public long steps() {
        return Math.multiplyExact(Math.multiplyExact(mTrips(), kTrips()), nTrips());
    }

    /** True when C tiles leave the chip before their reduction is complete. */
    public boolean spillsPartialSums() {
        return outside(order, new long[] {mTrips(), kTrips(), nTrips()}, Dim.K, Dim.M, Dim.N);
    }

    static long trips(long size, long tile) {
        return (size + tile - 1) / tile;
    }

    /** Bytes of one tile of {@code rows × cols} elements of {@code bits} each, rounded up. */
    static long tileBytes(long rows, long cols, int bits) {
        long totalBits = Math.multiplyExact(Math.multiplyExact(rows, cols), bits);
        return (totalBits + 7) / 8;
    }

    /**
     * Bytes of one tile at a possibly fractional width (a stored weight width with metadata), rounded up; whole
     * widths take the exact integer path.
     */
    static long tileBytes(long rows, long cols, double bits) {
        if (bits == Math.rint(bits) && bits <= Integer.MAX_VALUE) {
            return tileBytes(rows, cols, (int) bits);
        }
        return (long) Math.ceil((double) Math.multiplyExact(rows, cols) * bits / 8);
    }

    /**
     * Bytes of one sweep over a {@code rows × cols} operand: its bits rounded up to whole bytes once. Counting the
     * sweep rather than each tile keeps the traffic independent of how finely the operand is cut (rounding every
     * sub-byte tile would make a larger tile move more bytes); {@link DoubleBufferedSchedule} rounds each actual
     * transfer up to whole bytes and bursts.
     */
    static long sweepBytes(long rows, long tr, long cols, long tc, double bits) {
        return tileBytes(rows, cols, bits);
    }

    /**
     * True when loop {@code other} iterates (more than one trip) outside the innermost iterating loop of
     * {@code first} and {@code second}; a loop of one trip changes nothing and is ignored.
     */
    static boolean outside(LoopOrder order, long[] trips, Dim other, Dim first, Dim second) {
        if (trips[other.ordinal()] <= 1) {
            return false;
        }
        int innermost = Math.max(trips[first.ordinal()] > 1 ? order.position(first) : -1,
                trips[second.ordinal()] > 1 ? order.position(second) : -1);
        return order.position(other) < innermost;
    }
}
