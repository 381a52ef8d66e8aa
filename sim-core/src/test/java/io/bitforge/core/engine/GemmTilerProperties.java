package io.bitforge.core.engine;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.Optional;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GemmTilerProperties {
    @Property(tries = 60)
    void tilerFindsTheBruteForceMinimum(@ForAll @IntRange(min = 1, max = 9) int m,
                                        @ForAll @IntRange(min = 1, max = 9) int k,
                                        @ForAll @IntRange(min = 1, max = 9) int n,
                                        @ForAll @IntRange(min = 2, max = 80) int bufferA,
                                        @ForAll @IntRange(min = 2, max = 80) int bufferB,
                                        @ForAll @IntRange(min = 2, max = 80) int bufferC) {
        OperandBits bits = new OperandBits(8, 8, 8, 16);
        BufferBytes buffers = new BufferBytes(bufferA, bufferB, bufferC);
        long bruteForce = Long.MAX_VALUE;
        for (LoopOrder order : LoopOrder.values()) {
            for (int mt = 1; mt <= m; mt++) {
                for (int kt = 1; kt <= k; kt++) {
                    for (int nt = 1; nt <= n; nt++) {
                        boolean fits = mt * kt <= bufferA / 2 && kt * nt <= bufferB / 2
                                && mt * nt * (kt >= k ? 1 : 2) <= bufferC / 2;
                        if (fits) {
                            bruteForce = Math.min(bruteForce, simulatedTraffic(m, k, n, mt, kt, nt, order));
                        }
                    }
                }
            }
        }
        Optional<GemmTiling> best = GemmTiler.best(m, k, n, bits, buffers);
        if (bruteForce == Long.MAX_VALUE) {
            assertTrue(best.isEmpty());
        } else {
            assertEquals(bruteForce, best.orElseThrow().traffic().totalBytes());
        }
    }

    @Property(tries = 100)
    void moreBufferNeverMeansMoreTraffic(@ForAll @IntRange(min = 1, max = 300) int m,
                                         @ForAll @IntRange(min = 1, max = 300) int k,
                                         @ForAll @IntRange(min = 1, max = 300) int n,
                                         @ForAll @IntRange(min = 2, max = 20000) int a,
                                         @ForAll @IntRange(min = 2, max = 20000) int b,
                                         @ForAll @IntRange(min = 2, max = 20000) int c,
                                         @ForAll @IntRange(min = 0, max = 20000) int extra,
                                         @ForAll @IntRange(min = 0, max = 2) int which) {
        OperandBits bits = new OperandBits(8, 4, 8, 32);
        BufferBytes small = new BufferBytes(a, b, c);
        BufferBytes large = new BufferBytes(a + (which == 0 ? extra : 0), b + (which == 1 ? extra : 0),
                c + (which == 2 ? extra : 0));
        Optional<GemmTiling> before = GemmTiler.best(m, k, n, bits, small);
        Optional<GemmTiling> after = GemmTiler.best(m, k, n, bits, large);
        if (before.isPresent()) {
            assertTrue(after.isPresent());
            assertTrue(after.get().traffic().totalBytes() <= before.get().traffic().totalBytes(),
                    before.get() + " -> " + after.get());
        }
    }

    @Property(tries = 100)
    void moreBandwidthNeverMeansMoreStalls(@ForAll @IntRange(min = 1, max = 40) int m,
                                           @ForAll @IntRange(min = 1, max = 40) int k,
                                           @ForAll @IntRange(min = 1, max = 40) int n,
                                           @ForAll @IntRange(min = 1, max = 40) int mt,
                                           @ForAll @IntRange(min = 1, max = 40) int kt,
                                           @ForAll @IntRange(min = 1, max = 40) int nt,
                                           @ForAll @IntRange(min = 0, max = 5) int orderIndex,
                                           @ForAll @IntRange(min = 1, max = 64) int bandwidth,
                                           @ForAll @IntRange(min = 0, max = 64) int more) {
        GemmTiling tiling = GemmTiling.of(m, k, n, new GemmTile(Math.min(mt, m), Math.min(kt, k), Math.min(nt, n)),
                LoopOrder.values()[orderIndex], new OperandBits(8, 8, 8, 16));
        TileCycles cycles = (tm, tk, tn) -> tm + tk + tn; // any positive tile cost
        MemoryTimeline slow = DoubleBufferedSchedule.run(tiling, cycles, OptionalDouble.of(bandwidth), 1);
        MemoryTimeline fast = DoubleBufferedSchedule.run(tiling, cycles, OptionalDouble.of(bandwidth + more), 1);
        assertTrue(fast.stallCycles() <= slow.stallCycles());
        // the schedule moves exactly the bytes the tiling's reuse analysis predicts
        assertEquals(tiling.traffic(), slow.traffic());
        // at the reported stall-free rate nothing stalls
        MemoryTimeline atRate = DoubleBufferedSchedule.run(tiling, cycles,
                OptionalDouble.of(Math.max(slow.stallFreeBytesPerCycle(), 1e-9)), 1);
        assertEquals(0, atRate.stallCycles());
    }

    /**
     * Independent count: walk every step of the loop nest and reload a tile whenever the indices it depends on
     * change; C at 1 byte when finished on chip, partial sums at 2 bytes, read back on revisits.
     */
    private static long simulatedTraffic(int m, int k, int n, int mt, int kt, int nt, LoopOrder order) {
        int[] size = {m, k, n};
        int[] tile = {mt, kt, nt};
        int[] trips = {(m + mt - 1) / mt, (k + kt - 1) / kt, (n + nt - 1) / nt};
        int[] loop = new int[3]; // dimension of each loop, outer first
        for (int i = 0; i < 3; i++) {
            loop[i] = order.loops().get(i).ordinal();
        }
        long traffic = 0;
        int[] prev = null;
        java.util.Map<Long, Integer> visits = new java.util.HashMap<>();
        int[] idx = new int[3];
        for (int a = 0; a < trips[loop[0]]; a++) {
            for (int b = 0; b < trips[loop[1]]; b++) {
                for (int c = 0; c < trips[loop[2]]; c++) {
                    idx[loop[0]] = a;
                    idx[loop[1]] = b;
                    idx[loop[2]] = c;
                    int em = Math.min(tile[0], size[0] - idx[0] * tile[0]);
                    int ek = Math.min(tile[1], size[1] - idx[1] * tile[1]);
                    int en = Math.min(tile[2], size[2] - idx[2] * tile[2]);
                    if (prev == null || prev[0] != idx[0] || prev[1] != idx[1]) {
                        traffic += (long) em * ek;
                    }
                    if (prev == null || prev[1] != idx[1] || prev[2] != idx[2]) {
                        traffic += (long) ek * en;
                    }
                    if (prev == null || prev[0] != idx[0] || prev[2] != idx[2]) {
                        long key = (long) idx[0] * 1000 + idx[2];
                        int seen = visits.merge(key, 1, Integer::sum);
                        if (seen > 1) {
                            traffic += 2L * em * en; // read back partial sums
                        }
                    }
                    prev = idx.clone();
                }
            }
        }
        // writes: each C tile is written once per visit; all but the last visit as partial sums
        for (int im = 0; im < trips[0]; im++) {
            for (int in = 0; in < trips[2]; in++) {
                int em = Math.min(tile[0], m - im * tile[0]);
                int en = Math.min(tile[2], n - in * tile[2]);
                int v = visits.get((long) im * 1000 + in);
                traffic += (long) em * en + 2L * em * en * (v - 1);
            }
        }
        return traffic;
    }
}
