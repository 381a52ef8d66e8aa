package io.bitforge.workloads.tensors;

import java.nio.file.Path;
import java.util.List;

/**
 * One tensor of a safetensors file: name, element type, shape, and its byte range within the file's data section
 * ([begin, end) after the header), plus the absolute file offset where the data section starts.
 */
public record TensorInfo(String name, DType dtype, List<Long> shape, long begin, long end, Path file,
                         long dataSectionStart) {
    public TensorInfo {
        shape = List.copyOf(shape);
    }

    /** Number of elements: the product of the shape (1 for a scalar). */
    public long elementCount() {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Rows of the matrix view: the first dimension (1 for scalars and vectors). */
    public long rows() {
        return shape.size() < 2 ? 1 : shape.get(0);
    }

    /** Columns of the matrix view: the product of every dimension after the first (the reduction dimension). */
    public long cols() {
        return rows() == 0 ? 0 : elementCount() / rows();
    }

    /** Absolute file offset of element {@code index}. */
    public long fileOffset(long index) {
        return dataSectionStart + begin + index * dtype.bytes();
    }
}
