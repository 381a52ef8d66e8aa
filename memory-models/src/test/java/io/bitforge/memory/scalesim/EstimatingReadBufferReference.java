package io.bitforge.memory.scalesim;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link EstimatingReadBuffer} as first written, holding every line (address) it was given: the oracle the bounded-memory
 * version must equal.
 */
final class EstimatingReadBufferReference {
    private static final int READ_PORT_LATENCY = 1;
    private static final int DEFAULT_WORDS_PER_CYCLE = 10;

    private final int itemsPerSet;
    private final int activeSets;
    private final int prefetchSets;

    /**
     * The newest set holding each address (the set being filled counts). An older set holding the same address
     * has always left the active window already: a set can only be filled while the window reaches it, so an
     * address is added to a newer set only after its older set was evicted; the newest id decides hits.
     */
    private final LongIntMap newestSet = new LongIntMap();
    private final List<Integer> setSizes = new ArrayList<>();
    private int currentSetSize;
    private int currentSetId;
    private int readStart;
    private int readEnd;
    private int prefetchStart = -1;
    private int prefetchEnd = -1;
    private long lastPrefetchStart = -2;
    private long lastPrefetchEnd = -1;
    private long prefetchWordsPerCycle = DEFAULT_WORDS_PER_CYCLE;
    private long firstRequestCycle;
    private boolean firstRequestSeen;
    private boolean activePrefetchDone;

    private long dramReads;
    private boolean traceValid;
    private long traceFirstCycle;
    private long traceLastCycle;

    EstimatingReadBufferReference(long sizeWords) {
        double activeFraction = 0.5;
        this.itemsPerSet = (int) (sizeWords / 100);
        this.activeSets = (int) (activeFraction * 100);
        this.prefetchSets = 100 - activeSets;
        this.readEnd = activeSets - 1;
    }

    /** Serves one demand row at {@code cycle}; always a hit one cycle later in this mode. */
    void serve(long[] row, long cycle) {
        if (!firstRequestSeen) {
            for (long address : row) {
                if (address > -1) {
                    firstRequestCycle = cycle;
                    firstRequestSeen = true;
                    break;
                }
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
        currentSetSize++;
        if (currentSetSize != itemsPerSet) {
            return; // with fewer than 100 words a set never fills, as in SCALE-Sim
        }
        closeCurrentSet();
        if (currentSetId == readEnd + 1) {
            if (!activePrefetchDone) {
                prefetchWordsPerCycle = DEFAULT_WORDS_PER_CYCLE;
                lastPrefetchEnd = firstRequestCycle - 1 - READ_PORT_LATENCY;
                long cycles = ceilDiv((long) prefetchSets * itemsPerSet, prefetchWordsPerCycle);
                lastPrefetchStart = lastPrefetchEnd - cycles + 1;
                prefetch();
                prefetchStart = readEnd + 1;
                prefetchEnd = prefetchStart + prefetchSets - 1;
                activePrefetchDone = true;
            } else {
                long words = (long) prefetchSets * itemsPerSet;
                long cycles = lastPrefetchEnd - lastPrefetchStart + 1;
                prefetchWordsPerCycle = ceilDiv(words, cycles);
                prefetch();
                prefetchStart += prefetchSets;
                prefetchEnd += prefetchSets;
            }
            readStart += prefetchSets;
            readEnd += prefetchSets;
            lastPrefetchStart = lastPrefetchEnd + 1;
            lastPrefetchEnd = cycle;
        }
    }

    private void closeCurrentSet() {
        setSizes.add(currentSetSize);
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
        if (!activePrefetchDone) {
            prefetchWordsPerCycle = DEFAULT_WORDS_PER_CYCLE;
            lastPrefetchEnd = -1 - READ_PORT_LATENCY;
            int sets = lastSet + 1;
            long cycles = ceilDiv((long) sets * itemsPerSet, prefetchWordsPerCycle);
            lastPrefetchStart = lastPrefetchEnd - cycles + 1;
            prefetch(0, lastSet);
            activePrefetchDone = true;
        } else {
            int sets = lastSet - prefetchStart + 1;
            prefetchEnd = lastSet;
            long words = (long) sets * itemsPerSet;
            long cycles = lastPrefetchEnd - lastPrefetchStart + 1;
            prefetchWordsPerCycle = ceilDiv(words, cycles);
            prefetch();
        }
    }

    private void prefetch() {
        if (!activePrefetchDone) {
            prefetch(0, activeSets - 1);
        } else {
            prefetch(prefetchStart, prefetchEnd);
        }
    }

    private void prefetch(int firstSet, int lastSet) {
        for (int id = firstSet; id <= lastSet; id++) {
            dramReads += setSizes.get(id);
        }
        long cycles = lastPrefetchEnd - lastPrefetchStart + 1;
        if (cycles <= 0) {
            return; // SCALE-Sim would record no trace rows for this prefetch
        }
        long first = lastPrefetchStart + READ_PORT_LATENCY;
        long last = lastPrefetchStart + cycles - 1 + READ_PORT_LATENCY;
        if (!traceValid) {
            traceFirstCycle = first;
            traceValid = true;
        }
        traceLastCycle = last;
    }

    long dramReads() {
        return dramReads;
    }

    boolean hasTrace() {
        return traceValid;
    }

    long dramStartCycle() {
        return traceFirstCycle;
    }

    long dramStopCycle() {
        return traceLastCycle;
    }

    private static long ceilDiv(long a, long b) {
        return Math.floorDiv(a + b - 1, b);
    }
}
