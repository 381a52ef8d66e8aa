package io.bitforge.workloads.tensors;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A [rows, cols] matrix read in row blocks: a checkpoint tensor (read from disk on demand) or one held in memory.
 */
public interface MatrixSource {
    String name();

    long rows();

    long cols();

    /** Reads rows {@code firstRow .. firstRow+rowCount−1} into {@code into}, row-major. */
    void readRows(long firstRow, int rowCount, float[] into);

    /** The tensor's own shape (the matrix view [rows, cols] unless the source has more dimensions). */
    default List<Long> shape() {
        return List.of(rows(), cols());
    }

    /** The file the values are read from, if any (a writer must not overwrite it while reading). */
    default Optional<Path> file() {
        return Optional.empty();
    }

    /** A checkpoint tensor in its matrix view ([shape[0], product of the rest]). */
    static MatrixSource of(TensorInfo tensor) {
        return new MatrixSource() {
            @Override
            public String name() {
                return tensor.name();
            }

            @Override
            public long rows() {
                return tensor.rows();
            }

            @Override
            public long cols() {
                return tensor.cols();
            }

            @Override
            public Optional<Path> file() {
                return Optional.ofNullable(tensor.file());
            }

            @Override
            public List<Long> shape() {
                return tensor.shape().size() < 2 ? List.of(tensor.rows(), tensor.cols()) : tensor.shape();
            }

            @Override
            public void readRows(long firstRow, int rowCount, float[] into) {
                SafetensorsFile.read(tensor, firstRow * tensor.cols(), into, Math.toIntExact(rowCount * tensor.cols()));
            }
        };
    }

    /** A matrix held in memory, row-major. */
    static MatrixSource of(String name, int rows, int cols, float[] values) {
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException(name + ": " + rows + "x" + cols + " needs " + (long) rows * cols
                    + " values, got " + values.length);
        }
        return new MatrixSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long rows() {
                return rows;
            }

            @Override
            public long cols() {
                return cols;
            }

            @Override
            public void readRows(long firstRow, int rowCount, float[] into) {
                System.arraycopy(values, (int) (firstRow * cols), into, 0, rowCount * cols);
            }
        };
    }
}
