package io.bitforge.memory.scalesim;

/**
 * The shape of one operand's demand in one fold, as counts rather than addresses: which demand rows of the fold
 * carry how many requests, and in which row the request at a given position of the fold's request order (row by
 * row, array edge left to right) falls. Every row SCALE-Sim's compute modules build (scalesim/compute/
 * systolic_compute_*.py) is one of two shapes: a skewed block, or the unskewed load of a stationary operand.
 */
sealed interface FoldStream permits FoldStream.Skewed, FoldStream.Load {
    /** Requests in the fold. */
    long size();

    /** Requests in rows before {@code row}. */
    long before(long row);

    /** First row with a request. */
    long firstRow();

    /** Last row with a request. */
    long lastRow();

    /** Requests in {@code row}. */
    default long count(long row) {
        return before(row + 1) - before(row);
    }

    /** The most requests a row holds. */
    long maxCount();

    /** The last row from {@code row} on that holds as many requests as {@code row} does, every row between too. */
    long sameCountUntil(long row);

    /** The row holding the request at position {@code position} (0-based) of the fold's request order. */
    long rowOf(long position);

    /**
     * A block of {@code temporal} source rows on {@code used} array edge lanes, lane c delayed by c rows, starting
     * {@code offset} rows into the fold: row r holds lane c when 0 ≤ r − offset − c < temporal.
     */
    record Skewed(long offset, long used, long temporal) implements FoldStream {
        @Override
        public long size() {
            return Math.multiplyExact(used, temporal);
        }

        @Override
        public long before(long row) {
            long x = row - offset;
            return ramp(x) - ramp(x - temporal);
        }

        /** Σ over lanes c &lt; used of max(y − c, 0): the lanes that have started, each y − c rows in. */
        private long ramp(long y) {
            if (y <= 0) {
                return 0;
            }
            long n = Math.min(used, y);
            return Math.multiplyExact(n, y) - n * (n - 1) / 2;
        }

        @Override
        public long firstRow() {
            return offset;
        }

        @Override
        public long maxCount() {
            return Math.min(used, temporal);
        }

        @Override
        public long lastRow() {
            return offset + temporal + used - 2;
        }

        @Override
        public long sameCountUntil(long row) {
            // rows hold min(used, temporal) requests while every lane that can be in flight is: a plateau
            long x = row - offset;
            long plateauFrom = Math.min(used, temporal) - 1;
            long plateauTo = Math.max(used, temporal) - 1;
            return x >= plateauFrom && x <= plateauTo ? offset + plateauTo : row;
        }

        @Override
        public long rowOf(long position) {
            // the last row whose predecessors hold at most `position` requests; before() grows with the row
            long lo = firstRow();
            long hi = lastRow();
            while (lo < hi) {
                long mid = lo + (hi - lo + 1) / 2;
                if (before(mid) <= position) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo;
        }
    }

    /** {@code rows} consecutive rows of {@code width} requests each, from {@code firstRow}. */
    record Load(long firstRow, long rows, long width) implements FoldStream {
        @Override
        public long size() {
            return Math.multiplyExact(rows, width);
        }

        @Override
        public long before(long row) {
            return Math.max(0, Math.min(row - firstRow, rows)) * width;
        }

        @Override
        public long lastRow() {
            return firstRow + rows - 1;
        }

        @Override
        public long maxCount() {
            return rows > 0 ? width : 0;
        }

        @Override
        public long sameCountUntil(long row) {
            return lastRow();
        }

        @Override
        public long rowOf(long position) {
            return firstRow + position / width;
        }
    }
}
