package io.bitforge.memory.scalesim;

import java.util.ArrayDeque;

/**
 * SCALE-Sim v2's double-buffered output SRAM (scalesim/memory/write_buffer.py), as its reports see it:
 * <ul>
 * <li>Written words are packed into lines of {@code lineWords} (the DRAM interface width: the array's column
 * count in CALC mode, the user bandwidth in USER mode); a partly filled line is padded with −1 when it is
 * flushed.</li>
 * <li>When more words are held than the active half (capacity × 0.5) and no drain is in progress, all held
 * lines are queued and the next ceil(drain half / line words) queued lines drain to DRAM, one line per cycle
 * from the current cycle (write-port latency 0). The array does not wait for that drain; it waits only when
 * the buffer is completely full while a drain is still in progress, until the drain ends.</li>
 * <li>A drain counts as DRAM writes all words of its lines except the −1 padding of its last line (padding in
 * the middle of a drain is counted, as SCALE-Sim counts it), and frees that many words.</li>
 * <li>After the last demand row everything left drains, one drain after another, starting at the cycle of
 * the last demand row whether or not a drain is still in progress.</li>
 * <li>The DRAM window runs from the earliest to the latest drained line (get_external_access_start_stop_cycles
 * takes the minimum and maximum of the drain cycles), so a drain still running when the final drains start
 * can end the window.</li>
 * </ul>
 * Only counts are kept, not the words: a line is a number, and the −1 padding of the lines closed early by a
 * flush is remembered until they drain, so memory does not grow with the layer.
 */
final class DrainingWriteBuffer {
    private final long totalWords;
    private final long drainWords;
    private final int lineWords;

    private long freeSpace;
    /** Words in the line being filled. */
    private int lineIndex;
    /** Lines closed so far (full, or padded by a flush). */
    private long closedLines;
    /** {line, padding words} of the padded lines not yet drained, and of the last drained one. */
    private final ArrayDeque<long[]> paddedLines = new ArrayDeque<>();
    private long drainStartLine;
    private long drainEndCycle;

    private long dramWrites;
    private long drains;
    private boolean traceValid;
    private long firstCycle;
    private long lastCycle;

    DrainingWriteBuffer(long totalWords, int lineWords) {
        this.totalWords = totalWords;
        long activeWords = (long) Math.ceil(totalWords * 0.5);
        this.drainWords = totalWords - activeWords;
        this.lineWords = lineWords;
        this.freeSpace = totalWords;
    }

    /** Serves one demand row arriving at {@code cycle}; returns the cycle the row completes. */
    long serve(long[] row, long cycle) {
        long current = cycle;
        for (long word : row) {
            if (word == -1) {
                continue;
            }
            store();
            if (current < drainEndCycle) {
                if (freeSpace <= 0) {
                    current = drainEndCycle;
                }
            } else if (freeSpace < totalWords - drainWords) {
                flush();
                drainEndCycle = drain(current);
            }
        }
        return current;
    }

    /**
     * As {@link #serve} for a row of {@code words} requests (their addresses do not matter here), in steps between
     * the events a word can cause (a drain starting, the buffer filling up) rather than word by word.
     */
    long serveWords(long words, long cycle) {
        long current = cycle;
        long left = words;
        while (left > 0) {
            if (current < drainEndCycle) {
                // words stored while a drain runs: nothing happens until the buffer is full
                long step = Math.min(left, Math.max(1, freeSpace));
                store(step);
                left -= step;
                if (freeSpace <= 0) {
                    current = drainEndCycle;
                }
            } else {
                // a drain starts at the word that leaves less than the active half free
                long step = Math.max(1, freeSpace - (totalWords - drainWords) + 1);
                if (left < step) {
                    store(left);
                    break;
                }
                store(step);
                left -= step;
                flush();
                drainEndCycle = drain(current);
            }
        }
        return current;
    }

    /**
     * How many of {@code rows} successive rows of {@code words} requests each, the first at {@code cycle} and one
     * per cycle, pass without an event (no drain starts, the buffer does not fill): such rows only store their words
     * ({@link #storeQuietly}) and complete in their own cycle.
     */
    long quietRows(long words, long cycle, long rows) {
        long quiet;
        if (cycle < drainEndCycle) {
            quiet = Math.min(drainEndCycle - cycle, (freeSpace - 1) / words);
        } else {
            quiet = Math.floorDiv(freeSpace - (totalWords - drainWords), words);
        }
        return Math.max(0, Math.min(rows, quiet));
    }

    /** Stores {@code words} that {@link #quietRows} found cause no event. */
    void storeQuietly(long words) {
        store(words);
    }

    private void store(long words) {
        long filled = lineIndex + words;
        closedLines += filled / lineWords;
        lineIndex = (int) (filled % lineWords);
        freeSpace -= words;
    }

    private void store() {
        lineIndex++;
        freeSpace--;
        if (lineIndex == lineWords) {
            closedLines++;
            lineIndex = 0;
        }
    }

    /** Closes a partly filled line, padding it with −1. */
    private void flush() {
        if (lineIndex != 0) {
            paddedLines.addLast(new long[] {closedLines, lineWords - lineIndex});
            closedLines++;
            lineIndex = 0;
        }
    }

    private long drain(long startCycle) {
        long linesPerDrain = (drainWords + lineWords - 1) / lineWords;
        long end = Math.min(drainStartLine + linesPerDrain, closedLines);
        long count = end - drainStartLine;
        long words = count * lineWords - padding(end - 1);
        dramWrites += words;
        drains++;
        long last = startCycle + count - 1;
        if (!traceValid) {
            firstCycle = startCycle;
            lastCycle = last;
            traceValid = true;
        }
        firstCycle = Math.min(firstCycle, startCycle);
        lastCycle = Math.max(lastCycle, last);
        freeSpace += words;
        drainStartLine = end;
        return last;
    }

    /** −1 words in {@code line}; forgets padded lines drained before it. */
    private long padding(long line) {
        while (!paddedLines.isEmpty() && paddedLines.peekFirst()[0] < line) {
            paddedLines.removeFirst();
        }
        long[] first = paddedLines.peekFirst();
        return first != null && first[0] == line ? first[1] : 0;
    }

    /** Drains everything left, starting at {@code cycle}. */
    void drainAll(long cycle) {
        flush();
        long next = cycle;
        while (drainStartLine < closedLines) {
            drainEndCycle = drain(next);
            next = drainEndCycle + 1;
        }
    }

    /**
     * What decides the rows still to come, seen from {@code cycle} (no earlier row is to come): the free words, the
     * fill of the open line, the lines not yet drained, the cycles left of a drain in progress, whether anything has
     * drained yet, and the padding of the padded lines not yet drained, by their place in the queue. Two fold starts
     * with equal states go on alike, shifted in cycles, lines and writes.
     */
    long[] state(long cycle) {
        int padded = 0;
        for (long[] line : paddedLines) {
            if (line[0] >= drainStartLine) {
                padded++;
            }
        }
        long[] state = new long[5 + 2 * padded];
        state[0] = freeSpace;
        state[1] = lineIndex;
        state[2] = closedLines - drainStartLine;
        state[3] = Math.max(0, drainEndCycle - cycle);
        state[4] = traceValid ? 1 : 0;
        int i = 5;
        for (long[] line : paddedLines) {
            if (line[0] >= drainStartLine) {
                state[i++] = line[0] - drainStartLine;
                state[i++] = line[1];
            }
        }
        return state;
    }

    /** Drains started so far. */
    long drains() {
        return drains;
    }

    /** Lines closed so far. */
    long closedLines() {
        return closedLines;
    }

    /**
     * Moves the buffer {@code periods} times along a stretch of rows that left it in the {@link #state} it started
     * from, {@code cycles} later, having closed (and drained) {@code lines} lines holding {@code writes} DRAM writes;
     * {@code drained} when a drain started in that stretch (so the DRAM window's end moves with it).
     */
    void repeat(long periods, long lines, long cycles, long writes, boolean drained) {
        long lineShift = Math.multiplyExact(periods, lines);
        long cycleShift = Math.multiplyExact(periods, cycles);
        closedLines = Math.addExact(closedLines, lineShift);
        long oldStart = drainStartLine;
        drainStartLine = Math.addExact(drainStartLine, lineShift);
        ArrayDeque<long[]> shifted = new ArrayDeque<>();
        for (long[] line : paddedLines) {
            if (line[0] >= oldStart) {
                shifted.addLast(new long[] {line[0] + lineShift, line[1]});
            }
        }
        paddedLines.clear();
        paddedLines.addAll(shifted);
        drainEndCycle = Math.addExact(drainEndCycle, cycleShift);
        dramWrites = Math.addExact(dramWrites, Math.multiplyExact(periods, writes));
        if (drained) {
            drains = Math.addExact(drains, periods); // at least one a period; only whether it moved matters
            lastCycle = Math.addExact(lastCycle, cycleShift);
        }
    }

    long dramWrites() {
        return dramWrites;
    }

    boolean hasTrace() {
        return traceValid;
    }

    /** Earliest cycle of a drained line. */
    long dramStartCycle() {
        return firstCycle;
    }

    /**
     * Latest cycle of a drained line. The final drains start at the last demand cycle even when an earlier
     * drain is still running, so an earlier drain can end later; SCALE-Sim v3's regression outputs
     * (test/general/golden_trace_calc) take the latest line. SCALE-Sim v2's older output took the last drain's
     * end instead (its test/general/golden_trace: 112,639 where v3 reports 112,935).
     */
    long dramStopCycle() {
        return lastCycle;
    }
}
