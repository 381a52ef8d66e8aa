package io.bitforge.memory.scalesim;

import java.util.Arrays;

/**
 * The ofmap stalls of one fold so far, by the demand row that caused them, so that any row of the fold can be
 * dated: in SCALE-Sim's CALC mode only the ofmap SRAM stalls, and a row's cycle is the fold's start plus its index
 * plus the stalls of the rows before it.
 */
final class FoldStalls {
    private long[] rows;
    private long[] cumulative;
    private int count;
    private long total;

    FoldStalls() {
        this(16);
    }

    private FoldStalls(int capacity) {
        rows = new long[Math.max(1, capacity)];
        cumulative = new long[Math.max(1, capacity)];
    }

    void clear() {
        count = 0;
        total = 0;
    }

    void add(long row, long stall) {
        if (stall <= 0) {
            return;
        }
        if (count == rows.length) {
            rows = Arrays.copyOf(rows, count * 2);
            cumulative = Arrays.copyOf(cumulative, count * 2);
        }
        total += stall;
        rows[count] = row;
        cumulative[count++] = total;
    }

    /** A copy that later {@link #clear()} and {@link #add} calls on this one leave alone. */
    FoldStalls snapshot() {
        FoldStalls copy = new FoldStalls(count);
        System.arraycopy(rows, 0, copy.rows, 0, count);
        System.arraycopy(cumulative, 0, copy.cumulative, 0, count);
        copy.count = count;
        copy.total = total;
        return copy;
    }

    /** Stall events held: the memory a snapshot takes. */
    int events() {
        return count;
    }

    long total() {
        return total;
    }

    /** Stalls of rows before {@code row}. */
    long before(long row) {
        int lo = 0;
        int hi = count; // first event at or after row
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rows[mid] < row) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo == 0 ? 0 : cumulative[lo - 1];
    }
}
