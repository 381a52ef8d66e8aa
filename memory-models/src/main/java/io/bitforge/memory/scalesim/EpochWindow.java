package io.bitforge.memory.scalesim;

/**
 * What a CALC-mode read buffer counts whichever way its addresses are followed ({@link BlockEpochReads} by blocks,
 * {@link AddressEpochReads} address by address): the window of 50 sets (50 × floor(SRAM words / 100) added
 * addresses) that slides when full, the words added in all and since the last slide, the prefetch clock, and the
 * SRAM's first and last request cycles. With fewer than 100 words a set never fills, so the window never slides (as
 * in SCALE-Sim).
 */
final class EpochWindow {
    private final long setWords;
    private final long epochWords;
    private final CalcPrefetchClock clock;
    private long added;
    private long addedThisEpoch;
    private boolean seen;
    private long sramFirst;
    private long sramLast;

    EpochWindow(long sramWords) {
        this.setWords = sramWords / 100;
        this.epochWords = setWords == 0 ? Long.MAX_VALUE : CalcPrefetchClock.WINDOW_SETS * setWords;
        this.clock = new CalcPrefetchClock(setWords);
    }

    /** A request at {@code cycle}: the first one starts the prefetch clock and the SRAM's activity. */
    void request(long cycle) {
        if (!seen) {
            clock.firstRequest(cycle);
            sramFirst = cycle + 1;
            seen = true;
        }
    }

    /** The SRAM's activity runs to the request at {@code cycle} (inclusive). */
    void sramUntil(long cycle) {
        sramLast = cycle + 1;
    }

    /** Addresses that can still be added before the window slides. */
    long room() {
        return epochWords - addedThisEpoch;
    }

    /** {@code words} new addresses, fewer than {@link #room()}. */
    void add(long words) {
        added += words;
        addedThisEpoch += words;
    }

    /** The last {@link #room()} addresses of this epoch, the final one requested at {@code cycle}: the window slides. */
    void fill(long cycle) {
        added += room();
        addedThisEpoch = 0;
        clock.windowFilled(cycle);
    }

    /**
     * {@code slides} ≥ 1 fills in a row with nothing added between them, the first dated {@code firstCycle}, the last
     * {@code lastCycle}, on later cycles each: the prefetch clock needs only the first (the first prefetch may be
     * due) and the last (its window ends there); the ones between are later than the first and earlier than the last.
     */
    void fill(long slides, long firstCycle, long lastCycle) {
        fill(firstCycle);
        if (slides > 1) {
            added = Math.addExact(added, Math.multiplyExact(slides - 1, epochWords));
            clock.windowFilled(lastCycle);
        }
    }

    /** Addresses that fill the window from empty. */
    long epochWords() {
        return epochWords;
    }

    OperandAccess sram(long reads) {
        return new OperandAccess(sramFirst, sramLast, reads);
    }

    OperandAccess dram() {
        long sets = setWords == 0 ? (added > 0 ? 1 : 0) : (added + setWords - 1) / setWords;
        clock.finish(sets);
        return new OperandAccess(clock.dramStartCycle(), clock.dramStopCycle(), added);
    }
}
