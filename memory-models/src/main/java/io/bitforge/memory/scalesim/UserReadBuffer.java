package io.bitforge.memory.scalesim;

import java.util.ArrayList;
import java.util.List;

/**
 * SCALE-Sim v2's read buffer in USER mode (scalesim/memory/read_buffer.py): a double-buffered SRAM filled from
 * DRAM at a fixed number of words per cycle, in the operand's {@link PrefetchOrder}. Rules, as implemented there:
 * <ul>
 * <li>The fetch order is cut into lines of {@code bandwidth} valid addresses; the active half holds
 * ceil(active words / bandwidth) lines, the prefetch half ceil(prefetch words / bandwidth); both windows move
 * round-robin over the lines.</li>
 * <li>Before the first request the active half is fetched, one line per cycle, ending one cycle before the
 * request (so it starts at negative cycles).</li>
 * <li>A request for an address outside the active window slides both windows by the prefetch half and fetches
 * one prefetch half (one line per cycle after the previous fetch ended); the request waits for it: the wait is
 * added to the row's delay twice when positive (as SCALE-Sim's service_reads does), and subtracted once when
 * negative.</li>
 * <li>Later versions add an SRAM bank/port conflict term per request row; SCALE-Sim's USER-mode regression
 * outputs (test/general/golden_trace_user_*) have none, and neither does this.</li>
 * <li>DRAM reads count whole fetched lines: lines × bandwidth words per fetch.</li>
 * </ul>
 */
final class UserReadBuffer {
    private static final int HIT_LATENCY = 1;
    private static final int READ_PORT_LATENCY = 1;

    private final int bandwidth;
    private final long activeWords;
    private final long prefetchWords;
    private final int fetchRows;
    private final LongIntMap firstLine = new LongIntMap();
    private final List<int[]> extraLines = new ArrayList<>();
    private final LongIntMap extraIndex = new LongIntMap();
    private final int lines;
    private final int activeLines;
    private final int prefetchLines;

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
        int line = 0;
        int inLine = 0;
        for (long address : fetchOrder) {
            if (address == -1) {
                continue;
            }
            record(address, line);
            if (++inLine == bandwidth) {
                line++;
                inLine = 0;
            }
        }
        this.lines = line + 1;
        int maxActive = (int) ((activeWords + bandwidth - 1) / bandwidth);
        int maxPrefetch = (int) ((prefetchWords + bandwidth - 1) / bandwidth);
        this.activeLines = Math.min(lines, maxActive);
        this.prefetchLines = Math.min(lines - activeLines, maxPrefetch);
    }

    private void record(long address, int line) {
        int first = firstLine.get(address);
        if (first < 0) {
            firstLine.put(address, line);
            return;
        }
        int index = extraIndex.get(address);
        if (index < 0) {
            extraIndex.put(address, extraLines.size());
            extraLines.add(new int[] {line});
        } else {
            int[] old = extraLines.get(index);
            if (old[old.length - 1] != line) {
                int[] grown = java.util.Arrays.copyOf(old, old.length + 1);
                grown[old.length] = line;
                extraLines.set(index, grown);
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
            int line = hit(address);
            int guard = 0;
            while (line < 0) {
                if (++guard > lines + 2) {
                    throw new IllegalStateException("address " + address + " is not in the operand's fetch order");
                }
                newPrefetch();
                long wait = lastPrefetchCycle - (cycle + offset);
                offset += wait;
                if (wait > 0) {
                    offset += wait;
                }
                line = hit(address);
            }
        }
        return cycle + offset;
    }

    private void prefetchActive(long startCycle) {
        int rows = Math.min((int) ((activeWords + bandwidth - 1) / bandwidth), fetchRows);
        dramReads += (long) rows * bandwidth;
        // request cycles start + i - rows - latency, served one port latency later
        long first = startCycle - rows - READ_PORT_LATENCY + READ_PORT_LATENCY;
        long last = first + rows - 1;
        trace(first, last);
        lastPrefetchCycle = last;
        activeStart = 0;
        activeEnd = activeLines;
        activeFull = true;
    }

    private void newPrefetch() {
        activeStart = (activeStart + prefetchLines) % lines;
        activeEnd = (activeStart + activeLines) % lines;
        int rows = (int) ((prefetchWords + bandwidth - 1) / bandwidth);
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

    /** The first line in the active window's search order holding {@code address}, or −1. */
    private int hit(long address) {
        int best = -1;
        int bestRank = Integer.MAX_VALUE;
        int first = firstLine.get(address);
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
            for (int line : extraLines.get(index)) {
                int r = rank(line);
                if (r >= 0 && r < bestRank) {
                    best = line;
                    bestRank = r;
                }
            }
        }
        return best;
    }

    /** Position of {@code line} in the active window's search order, or −1 outside the window. */
    private int rank(int line) {
        if (activeStart < activeEnd) {
            return line >= activeStart && line < activeEnd ? line - activeStart : -1;
        }
        if (line >= activeStart) {
            return line - activeStart;
        }
        return line < activeEnd ? lines - activeStart + line : -1;
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
