package io.bitforge.core.quant;

/**
 * Where the groups of a row-major [rows, cols] matrix lie. Every group is a contiguous range of the flat array:
 * the whole tensor, one row, or G consecutive values of a row (the last group of a row may be shorter).
 */
public record GroupLayout(Granularity granularity, int rows, int cols, int groupSize) {
    public GroupLayout {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a tensor needs rows >= 1 and cols >= 1, got " + rows + "x" + cols);
        }
        if ((long) rows * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a block holds at most 2^31-9 values; quantise " + rows + "x" + cols
                    + " in row blocks");
        }
        if (granularity == Granularity.GROUP && groupSize < 1) {
            throw new IllegalArgumentException("group size must be >= 1, got " + groupSize);
        }
    }

    /** Number of values. */
    public int size() {
        return rows * cols;
    }

    /** Groups per row (1 for channel; 0 for tensor, which has one group overall). */
    public int groupsPerRow() {
        switch (granularity) {
            case TENSOR:
                return 0;
            case CHANNEL:
                return 1;
            default:
                // In long: a group size near 2^31 must not wrap to zero groups (it means one group per row).
                return (int) (((long) cols + groupSize - 1) / groupSize);
        }
    }

    public int groupCount() {
        return granularity == Granularity.TENSOR ? 1 : rows * groupsPerRow();
    }

    /** First flat index of group g. */
    public int start(int group) {
        if (granularity == Granularity.TENSOR) {
            return 0;
        }
        int row = group / groupsPerRow();
        int inRow = group % groupsPerRow();
        return row * cols + inRow * (granularity == Granularity.CHANNEL ? cols : groupSize);
    }

    /** One past the last flat index of group g. */
    public int end(int group) {
        if (granularity == Granularity.TENSOR) {
            return size();
        }
        int row = group / groupsPerRow();
        int rowEnd = (row + 1) * cols;
        return granularity == Granularity.CHANNEL ? rowEnd : (int) Math.min(rowEnd, (long) start(group) + groupSize);
    }

    /** The group holding flat index i. */
    public int groupOf(int index) {
        if (granularity == Granularity.TENSOR) {
            return 0;
        }
        int row = index / cols;
        int col = index % cols;
        return granularity == Granularity.CHANNEL ? row : row * groupsPerRow() + col / groupSize;
    }
}
