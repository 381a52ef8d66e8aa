package io.bitforge.memory.scalesim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SCALE-Sim's USER-mode read buffer (read_buffer.py) on small cases worked by hand: the hit window counts sets
 * of ceil(capacity / 100) addresses while DRAM moves lines of {@code bandwidth} words.
 */
class UserReadBufferTest {
    /** Addresses 0..999 fetched in order. */
    private static long[] order() {
        long[] order = new long[1000];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return order;
    }

    @Test
    void lastAddressOfTheActiveSetsIsAHit() {
        // 300 words: sets of 3 addresses, active half 150 words = 50 sets = addresses 0..149
        UserReadBuffer buffer = new UserReadBuffer(300, 4, order());
        assertEquals(1, buffer.serve(new long[] {149, -1}, 0));
        // first fill: ceil(150 / 4) = 38 lines of 4, one per cycle, ending at cycle -1
        assertEquals(38 * 4, buffer.dramReads());
        assertEquals(-38, buffer.dramStartCycle());
        assertEquals(-1, buffer.dramStopCycle());
    }

    @Test
    void firstAddressPastTheActiveSetsWaitsForTheNextPrefetchTwice() {
        // Address 150 lies in set 50, outside the active sets 0..49 (lines of 4 would have reached 151).
        UserReadBuffer buffer = new UserReadBuffer(300, 4, order());
        // The next prefetch moves ceil(150 / 4) = 38 lines at cycles 1..38 (one cycle after the fill, plus the
        // port latency of 1): wait = 38 - (0 + 1) = 37, counted twice on top of the hit latency: 1 + 2 * 37.
        assertEquals(75, buffer.serve(new long[] {150}, 0));
        assertEquals(2 * 38 * 4, buffer.dramReads());
        assertEquals(38, buffer.dramStopCycle());
    }

    @Test
    void aPrefetchThatLandedBeforeTheRequestShortensTheRow() {
        UserReadBuffer buffer = new UserReadBuffer(300, 4, order());
        assertEquals(1, buffer.serve(new long[] {0}, 0));
        // at cycle 100 the prefetch (done at 38) is early: offset 1 + (38 - 101) = -62, served at 38
        assertEquals(38, buffer.serve(new long[] {150}, 100));
    }
}
