package io.bitforge.core.spec;

/** The PE array: {@code rows} × {@code cols} cells (what one cell is depends on the PE family). */
public record ArraySpec(int rows, int cols) {
    public ArraySpec {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("array must be at least 1x1, got " + rows + "x" + cols);
        }
    }

    public long cells() {
        return (long) rows * cols;
    }
}
