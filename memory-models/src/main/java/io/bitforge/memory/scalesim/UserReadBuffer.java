package io.bitforge.memory.scalesim;

import java.util.ArrayList;
import java.util.List;

/**
 * SCALE-Sim's read buffer in USER mode (scalesim/memory/read_buffer.py, its plain path without layout
 * evaluation): a double-buffered SRAM filled from DRAM at a fixed number of words per cycle, in the operand's
 * {@link PrefetchOrder}. Rules, as implemented there:
 * <ul>
 * <li>For DRAM the fetch order (its −1 padding included) is cut into lines of {@code bandwidth} slots; the
 * first fetch moves ceil(active words / bandwidth) lines, every later one ceil(prefetch words / bandwidth),
 * and DRAM reads count whole lines: lines × bandwidth words.</li>
 * <li>For hits the valid addresses are grouped into sets of ceil(capacity / 100) addresses (prepare_hashed_buffer:
 * the SRAM is tracked as 100 sets); the active window holds ceil(active words / set size) sets, the prefetch
 * window ceil(prefetch words / set size), and both move round-robin over the sets.</li>
 * <li>Before the first request the active half is fetched, one line per cycle, ending one cycle before the
 * request (so it starts at negative cycles).</li>
 * <li>A request for an address outside the active window slides the window by the prefetch sets and fetches
 * one prefetch half (one line per cycle after the previous fetch ended); the request waits for it: the wait is
 * added to the row's delay twice when positive (as SCALE-Sim's service_reads does), and subtracted once when
 * negative.</li>
 * <li>The layout-evaluation path (SRAM banks and ports per request row) is off unless a layout is configured;
 * SCALE-Sim's USER-mode regression outputs (test/general/golden_trace_user_*) run without it, and so does
 * this.</li>
 * </ul>
 */
final class UserReadBuffer {
    private static final int HIT_LATENCY = 1;
    private static final int READ_PORT_LATENCY = 1;
    /** read_buffer.py prepare_hashed_buffer: elems_per_set = ceil(total_size_elems / 100). */
    private static final int SETS_PER_BUFFER = 100;

    private final int bandwidth;
    private final long activeWords;
    private final long prefetchWords;
    private final int fetchRows;
    private final LongIntMap firstSet = new LongIntMap();
    private final List<int[]> extraSets = new ArrayList<>();
    private final LongIntMap extraIndex = new LongIntMap();
    private final int sets;
    private final int activeSets;
    private final int prefetchSets;
    private final int activeFetchRows;
    private final int prefetchFetchRows;

    private boolean activeFull;
    private int activeStart;
    private int activeEnd;
    private long lastPrefetchCycle;
    private long dramReads;
    private boolean traceValid;
    private long traceFirst;
    private long traceLast;

    UserReadBuffer(long sizeWords, int bandwidth, long[] fetchOrder) {
        this.bandwidth = bandwidth;
        this.activeWords = (long) Math.ceil(sizeWords * 0.5);
        this.prefetchWords = sizeWords - activeWords;
        this.fetchRows = (int) ((fetchOrder.length + (long) bandwidth - 1) / bandwidth);
        this.activeFetchRows = (int) Math.min((activeWords + bandwidth - 1) / bandwidth, fetchRows);
        this.prefetchFetchRows = (int) ((prefetchWords + bandwidth - 1) / bandwidth);
        long setWords = (sizeWords + SETS_PER_BUFFER - 1) / SETS_PER_BUFFER;
        int set = 0;
        long inSet = 0;
        for (long address : fetchOrder) {
            if (address == -1) {
                continue;
            }
            record(address, set);
            if (++inSet == setWords) {
                set++;
                inSet = 0;
            }
        }
        this.sets = set + 1;
        int maxActive = (int) ((activeWords + setWords - 1) / setWords);
        int maxPrefetch = (int) ((prefetchWords + setWords - 1) / setWords);
        this.activeSets = Math.min(sets, maxActive);
        this.prefetchSets = Math.min(sets - activeSets, maxPrefetch);
    }

    private void record(long address, int set) {
        int first = firstSet.get(address);
        if (first < 0) {
            firstSet.put(address, set);
            return;
        }
        int index = extraIndex.get(address);
        if (index < 0) {
            extraIndex.put(address, extraSets.size());
            extraSets.add(new int[] {set});
        } else {
            int[] old = extraSets.get(index);
            if (old[old.length - 1] != set) {
                int[] grown = java.util.Arrays.copyOf(old, old.length + 1);
                grown[old.length] = set;
                extraSets.set(index, grown);
            }
        }
    }

    /** Serves one request row arriving at {@code cycle}; returns the cycle it is served. */
    long serve(long[] row, long cycle) {
        if (!activeFull) {
            prefetchActive(cycle);
        }
        long offset = HIT_LATENCY;
        for (long address : row) {
            if (address == -1) {
                continue;
            }
            int set = hit(address);
            int guard = 0;
            while (set < 0) {
                if (++guard > sets + 2) {
                    throw new IllegalStateException("address " + address + " is not in the operand's fetch order");
                }
                newPrefetch();
                long wait = lastPrefetchCycle - (cycle + offset);
                offset += wait;
                if (wait > 0) {
                    offset += wait;
                }
                set = hit(address);
            }
        }
        return cycle + offset;
    }

    private void prefetchActive(long startCycle) {
        int rows = activeFetchRows;
        dramReads += (long) rows * bandwidth;
        // request cycles start + i - rows - latency, served one port latency later
        long first = startCycle - rows - READ_PORT_LATENCY + READ_PORT_LATENCY;
        long last = first + rows - 1;
        trace(first, last);
        lastPrefetchCycle = last;
        activeStart = 0;
        activeEnd = activeSets;
        activeFull = true;
    }

    private void newPrefetch() {
        activeStart = (activeStart + prefetchSets) % sets;
        activeEnd = (activeStart + activeSets) % sets;
        int rows = prefetchFetchRows;
        dramReads += (long) rows * bandwidth;
        long first = lastPrefetchCycle + 1 + READ_PORT_LATENCY;
        long last = lastPrefetchCycle + rows + READ_PORT_LATENCY;
        trace(first, last);
        lastPrefetchCycle = last;
    }

    private void trace(long first, long last) {
        if (!traceValid) {
            traceFirst = first;
            traceValid = true;
        }
        traceLast = last;
    }

    /** The first set in the active window's search order holding {@code address}, or −1. */
    private int hit(long address) {
        int best = -1;
        int bestRank = Integer.MAX_VALUE;
        int first = firstSet.get(address);
        if (first < 0) {
            return -1;
        }
        int rank = rank(first);
        if (rank >= 0) {
            best = first;
            bestRank = rank;
        }
        int index = extraIndex.get(address);
        if (index >= 0) {
            for (int set : extraSets.get(index)) {
                int r = rank(set);
                if (r >= 0 && r < bestRank) {
                    best = set;
                    bestRank = r;
                }
            }
        }
        return best;
    }

    /** Position of {@code set} in the active window's search order, or −1 outside the window. */
    private int rank(int set) {
        if (activeStart < activeEnd) {
            return set >= activeStart && set < activeEnd ? set - activeStart : -1;
        }
        if (set >= activeStart) {
            return set - activeStart;
        }
        return set < activeEnd ? sets - activeStart + set : -1;
    }

    long dramReads() {
        return dramReads;
    }

    long dramStartCycle() {
        return traceFirst;
    }

    long dramStopCycle() {
        return traceLast;
    }
}
