package io.bitforge.memory.dram;

/**
 * One stream of DRAM accesses: {@code bytes} in runs of {@code runBytes} contiguous bytes whose starts are
 * {@code strideBytes} apart. A run as long as its stride (or longer) makes the stream sequential; a tile of a
 * row-major matrix read row by row is a strided stream (run = tile width, stride = matrix row).
 */
public record AccessStream(long bytes, long runBytes, long strideBytes) {
    public AccessStream {
        if (bytes < 0 || runBytes < 1 || strideBytes < 1) {
            throw new IllegalArgumentException("a stream needs bytes >= 0 and run, stride >= 1, got " + bytes + ", "
                    + runBytes + ", " + strideBytes);
        }
    }

    /** {@code bytes} at consecutive addresses. */
    public static AccessStream sequential(long bytes) {
        return new AccessStream(bytes, Math.max(1, bytes), Math.max(1, bytes));
    }

    public boolean isSequential() {
        return runBytes >= strideBytes || runBytes >= bytes;
    }
}
