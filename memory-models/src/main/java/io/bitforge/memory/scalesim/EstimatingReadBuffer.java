package io.bitforge.memory.scalesim;

/**
 * SCALE-Sim v2's read buffer in CALC mode (scalesim/memory/read_buffer_estimate_bw.py): never stalls the array
 * and records the DRAM prefetches a double-buffered SRAM would have needed. Rules, as implemented there:
 * <ul>
 * <li>The SRAM (capacity / word size words) is tracked as 100 "sets" of floor(words / 100) distinct addresses;
 * the active half holds 50 sets (active fraction 0.5), the prefetch half the other 50.</li>
 * <li>Each requested address that is not in a set of the active window (and not already in the set being
 * filled) is added to the set being filled. When that set fills up and it is the first set beyond the active
 * window, a prefetch is issued and the window slides by 50 sets.</li>
 * <li>The first prefetch fills the active half before the first request: it ends one read-port latency before
 * the cycle of the first request and runs at 10 words per cycle, so it starts ceil(50 × set size / 10) cycles
 * earlier (negative cycles). Every later prefetch is spread over the interval between the end of the previous
 * prefetch and the cycle that triggered it, at ceil(words / cycles) words per cycle.</li>
 * <li>At the end the partly filled set and everything not yet prefetched is fetched the same way.</li>
 * <li>DRAM reads are the distinct addresses per set summed over prefetches (an address evicted and requested
 * again is read again); the DRAM start and stop cycles are the first and last prefetch cycles plus the read
 * port latency of 1.</li>
 * </ul>
 * Memory is bounded by the SRAM, not the layer: an address whose newest set has left the active window acts
 * exactly like an address never seen, so the address map is rebuilt from the sets still in the window whenever
 * it has grown well beyond them.
 */
final class EstimatingReadBuffer {
    /** Rebuild the address map when it holds this many times more entries than the window (plus a floor). */
    private static final int STALE_FACTOR = 3;
    private static final int MIN_MAP_ENTRIES = 1 << 16;

    private final int minMapEntries;
    private final int itemsPerSet;
    private final int activeSets;
    private final int prefetchSets;

    /**
     * The newest set holding each address (the set being filled counts). An older set holding the same address
     * has always left the active window already: a set can only be filled while the window reaches it, so an
     * address is added to a newer set only after its older set was evicted; the newest id decides hits.
     */
    private LongIntMap newestSet = new LongIntMap();
    private int[] setSizes = new int[64];
    private int closedSets;
    /** Addresses in insertion order from set {@code readStart} on (insertion x is in set x / itemsPerSet). */
    private long[] recent = new long[1024];
    private long recentFrom;
    private int recentCount;
    private long inserted;
    private int currentSetSize;
    private int currentSetId;
    private int readStart;
    private int readEnd;
    private int prefetchStart = -1;
    private int prefetchEnd = -1;
    private boolean activePrefetchDone;
    private final CalcPrefetchClock clock;

    private long dramReads;

    EstimatingReadBuffer(long sizeWords) {
        this(sizeWords, MIN_MAP_ENTRIES);
    }

    /** With the map rebuilt once it exceeds {@code minMapEntries} and three times the window (tests: small). */
    EstimatingReadBuffer(long sizeWords, int minMapEntries) {
        this.minMapEntries = minMapEntries;
        double activeFraction = 0.5;
        this.itemsPerSet = (int) (sizeWords / 100);
        this.activeSets = (int) (activeFraction * 100);
        this.prefetchSets = 100 - activeSets;
        this.readEnd = activeSets - 1;
        this.clock = new CalcPrefetchClock(itemsPerSet);
    }

    /** Serves one demand row at {@code cycle}; always a hit one cycle later in this mode. */
    void serve(long[] row, long cycle) {
        for (long address : row) {
            if (address > -1) {
                clock.firstRequest(cycle);
                break;
            }
        }
        for (long address : row) {
            if (address != -1) {
                track(cycle, address);
            }
        }
    }

    private void track(long cycle, long address) {
        int newest = newestSet.get(address);
        if (newest == currentSetId || isHit(newest)) {
            return;
        }
        newestSet.put(address, currentSetId);
        remember(address);
        currentSetSize++;
        if (currentSetSize != itemsPerSet) {
            return; // with fewer than 100 words a set never fills, as in SCALE-Sim
        }
        closeCurrentSet();
        if (currentSetId == readEnd + 1) {
            clock.windowFilled(cycle);
            if (!activePrefetchDone) {
                prefetch(0, activeSets - 1);
                prefetchStart = readEnd + 1;
                prefetchEnd = prefetchStart + prefetchSets - 1;
                activePrefetchDone = true;
            } else {
                prefetch(prefetchStart, prefetchEnd);
                prefetchStart += prefetchSets;
                prefetchEnd += prefetchSets;
            }
            readStart += prefetchSets;
            readEnd += prefetchSets;
            forgetEvicted();
        }
    }

    private void remember(long address) {
        if (recentCount == recent.length) {
            recent = java.util.Arrays.copyOf(recent, recent.length * 2);
        }
        recent[recentCount++] = address;
        inserted++;
    }

    /** Drops the addresses of sets before the window; rebuilds the map from the rest once it is mostly stale. */
    private void forgetEvicted() {
        long keepFrom = (long) readStart * itemsPerSet;
        int drop = (int) (keepFrom - recentFrom);
        if (drop <= 0) {
            return;
        }
        System.arraycopy(recent, drop, recent, 0, recentCount - drop);
        recentCount -= drop;
        recentFrom = keepFrom;
        if (newestSet.size() > STALE_FACTOR * (long) recentCount + minMapEntries) {
            LongIntMap live = new LongIntMap();
            for (int i = 0; i < recentCount; i++) { // in insertion order, so the newest set wins
                live.put(recent[i], (int) ((recentFrom + i) / itemsPerSet));
            }
            newestSet = live;
        }
    }

    private void closeCurrentSet() {
        if (closedSets == setSizes.length) {
            setSizes = java.util.Arrays.copyOf(setSizes, setSizes.length * 2);
        }
        setSizes[closedSets++] = currentSetSize;
        currentSetSize = 0;
        currentSetId++;
    }

    /** True when set {@code id} is a completed set inside the active window. */
    private boolean isHit(int id) {
        return id >= readStart && id < Math.min(currentSetId, readEnd + 1);
    }

    /** Fetches what is left once the layer's demand is exhausted. */
    void completeAllPrefetches() {
        if (currentSetSize > 0) {
            closeCurrentSet();
        }
        int lastSet = currentSetId - 1;
        clock.finish(currentSetId);
        prefetch(activePrefetchDone ? prefetchStart : 0, lastSet);
        activePrefetchDone = true;
    }

    private void prefetch(int firstSet, int lastSet) {
        for (int id = firstSet; id <= lastSet; id++) {
            dramReads += setSizes[id];
        }
    }

    long dramReads() {
        return dramReads;
    }

    boolean hasTrace() {
        return clock.hasTrace();
    }

    long dramStartCycle() {
        return clock.dramStartCycle();
    }

    long dramStopCycle() {
        return clock.dramStopCycle();
    }
}
