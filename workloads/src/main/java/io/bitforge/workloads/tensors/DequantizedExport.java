package io.bitforge.workloads.tensors;

import io.bitforge.core.quant.Quantizer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes what quantisers make of matrices as a {@code .safetensors} file of F32 tensors, so the values can be
 * compared with another implementation: first each source matrix as {@code original/MATRIX}, then one tensor per
 * quantiser and matrix, named {@code FORMAT/MATRIX} (the format id, then the source tensor's name), all in the
 * source's shape. Rows are quantised block by block as they are written (the whole tensor at once for per-tensor
 * granularity and {@code ant4}), so memory stays bounded by one block.
 */
public final class DequantizedExport {
    private DequantizedExport() {
    }

    /** The tensor name of a quantiser's reconstruction of a matrix. */
    public static String tensorName(Quantizer quantizer, MatrixSource matrix) {
        return quantizer.format().id() + "/" + matrix.name();
    }

    /** Writes every quantiser's reconstruction of every matrix to {@code file}; {@code blockElements} as QuantStudy. */
    public static void write(Path file, List<Quantizer> quantizers, List<MatrixSource> matrices, int blockElements) {
        List<SafetensorsWriter.Entry> entries = new ArrayList<>();
        for (MatrixSource m : matrices) {
            if (m.rows() > 0 && m.cols() > 0) {
                entries.add(new SafetensorsWriter.Entry("original/" + m.name(), DType.F32, m.shape(), (row, into) ->
                        m.readRows(row, 1, into)));
            }
        }
        for (Quantizer q : quantizers) {
            for (MatrixSource m : matrices) {
                if (m.rows() == 0 || m.cols() == 0) {
                    continue;
                }
                entries.add(new SafetensorsWriter.Entry(tensorName(q, m), DType.F32, m.shape(),
                        new Rows(q, m, blockElements)));
            }
        }
        SafetensorsWriter.write(file, entries);
    }

    /** Rows of one reconstruction, quantising one block of rows at a time. */
    private static final class Rows implements SafetensorsWriter.RowSource {
        private final Quantizer quantizer;
        private final MatrixSource matrix;
        private final int rowsPerBlock;
        private long blockStart = -1;
        private float[] block;

        Rows(Quantizer quantizer, MatrixSource matrix, int blockElements) {
            this.quantizer = quantizer;
            this.matrix = matrix;
            long rows = matrix.rows();
            this.rowsPerBlock = (int) (QuantStudy.needsWholeTensor(quantizer) ? rows
                    : Math.max(1, Math.min(rows, blockElements / matrix.cols())));
        }

        @Override
        public void row(long row, float[] into) {
            int cols = (int) matrix.cols();
            if (blockStart < 0 || row < blockStart || row >= blockStart + rowsPerBlock) {
                blockStart = row / rowsPerBlock * rowsPerBlock;
                int count = (int) Math.min(rowsPerBlock, matrix.rows() - blockStart);
                float[] values = new float[count * cols];
                matrix.readRows(blockStart, count, values);
                block = quantizer.quantize(values, count, cols).dequantize();
            }
            System.arraycopy(block, (int) ((row - blockStart) * cols), into, 0, cols);
        }
    }
}
