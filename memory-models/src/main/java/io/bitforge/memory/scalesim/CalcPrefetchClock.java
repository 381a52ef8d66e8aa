package io.bitforge.memory.scalesim;

import io.bitforge.core.io.BadInputException;

/**
 * When SCALE-Sim v2's CALC-mode read buffer (scalesim/memory/read_buffer_estimate_bw.py) fetches from DRAM, and so
 * the DRAM start and stop cycles it reports. The buffer is tracked as 100 sets, 50 of them the active window; each
 * time the window fills (50 more sets of distinct addresses) a prefetch is issued:
 * <ul>
 * <li>the first one fills the active half before the first request: it ends one read-port latency before the
 * first request's cycle and runs at 10 words per cycle, so it starts ceil(50 × set size / 10) cycles earlier;</li>
 * <li>every later one is spread over the cycles from the end of the previous one to the cycle that filled the
 * window (SCALE-Sim divides the words by that interval, so an empty interval is refused here);</li>
 * <li>at the end the rest is fetched the same way.</li>
 * </ul>
 * A prefetch spanning no cycle leaves no trace rows; the DRAM window is the first and last trace cycle plus the read
 * port latency of 1. Shared by the address-level buffer ({@link EstimatingReadBuffer}) and the closed form
 * ({@link ClosedFormLayerRun}), so both time their prefetches alike.
 */
final class CalcPrefetchClock {
    private static final int READ_PORT_LATENCY = 1;
    /** read_buffer_estimate_bw.py: default_num_elems_per_cycle for the first fill. */
    private static final int DEFAULT_WORDS_PER_CYCLE = 10;
    /** Active fraction 0.5 of 100 sets. */
    static final int WINDOW_SETS = 50;

    private final long setWords;
    private long firstRequestCycle;
    private boolean firstRequestSeen;
    private boolean activePrefetchDone;
    private long lastPrefetchStart = -2;
    private long lastPrefetchEnd = -1;
    private boolean traceValid;
    private long traceFirstCycle;
    private long traceLastCycle;

    /** @param setWords distinct addresses per set: floor(SRAM words / 100) */
    CalcPrefetchClock(long setWords) {
        this.setWords = setWords;
    }

    /** The cycle of the first demand row that requests anything; later calls are ignored. */
    void firstRequest(long cycle) {
        if (!firstRequestSeen) {
            firstRequestCycle = cycle;
            firstRequestSeen = true;
        }
    }

    /** The active window filled at {@code cycle}: one prefetch is issued and the window slides. */
    void windowFilled(long cycle) {
        if (!activePrefetchDone) {
            lastPrefetchEnd = firstRequestCycle - 1 - READ_PORT_LATENCY;
            lastPrefetchStart = lastPrefetchEnd - ceilDiv(WINDOW_SETS * setWords, DEFAULT_WORDS_PER_CYCLE) + 1;
            activePrefetchDone = true;
        } else {
            checkInterval();
        }
        record();
        lastPrefetchStart = lastPrefetchEnd + 1;
        lastPrefetchEnd = cycle;
    }

    /** The demand is over: {@code sets} is how many sets were filled (the last one may be partial). */
    void finish(long sets) {
        if (!activePrefetchDone) {
            lastPrefetchEnd = -1 - READ_PORT_LATENCY;
            lastPrefetchStart = lastPrefetchEnd - ceilDiv(sets * setWords, DEFAULT_WORDS_PER_CYCLE) + 1;
            activePrefetchDone = true;
        } else {
            checkInterval();
        }
        record();
    }

    /** SCALE-Sim divides the prefetch's words by this interval (words per cycle); zero cycles would divide by 0. */
    private void checkInterval() {
        if (lastPrefetchEnd - lastPrefetchStart + 1 == 0) {
            throw new BadInputException("SCALE-Sim CALC mode: a read SRAM with sets of " + setWords + " words "
                    + "(SRAM words / 100) filled its prefetch window twice in one cycle, where SCALE-Sim's bandwidth "
                    + "estimate divides by zero; use a larger SRAM or a narrower array");
        }
    }

    private void record() {
        long cycles = lastPrefetchEnd - lastPrefetchStart + 1;
        if (cycles <= 0) {
            return; // SCALE-Sim would record no trace rows for this prefetch
        }
        if (!traceValid) {
            traceFirstCycle = lastPrefetchStart + READ_PORT_LATENCY;
            traceValid = true;
        }
        traceLastCycle = lastPrefetchEnd + READ_PORT_LATENCY;
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
