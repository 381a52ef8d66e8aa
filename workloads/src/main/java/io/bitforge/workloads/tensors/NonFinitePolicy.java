package io.bitforge.workloads.tensors;

import io.bitforge.core.io.BadInputException;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What a study does with NaN and ±Infinity in a weight tensor (a diverged or corrupt checkpoint): {@code error}
 * (the default) refuses the tensor naming it and the first such value's row and column; {@code skip} treats each as
 * 0, as if the weight were pruned; {@code clamp} puts ±Infinity at the row's largest finite magnitude with that sign
 * and NaN at 0. Without a policy a NaN would pass through the integer conversion as 0 and the study would report an
 * "exact" result.
 */
public enum NonFinitePolicy {
    ERROR, SKIP, CLAMP;

    /** The policy named {@code id} (error, skip, clamp); {@code field} names the option or field in the error. */
    public static NonFinitePolicy of(String field, String id) {
        for (NonFinitePolicy p : values()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw BadInputException.field(null, field, "'" + id + "'", "must be error, skip or clamp");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code source} whose rows are checked or repaired by this policy as they are read. */
    public MatrixSource applyTo(MatrixSource source) {
        NonFinitePolicy policy = this;
        return new MatrixSource() {
            @Override
            public String name() {
                return source.name();
            }

            @Override
            public long rows() {
                return source.rows();
            }

            @Override
            public long cols() {
                return source.cols();
            }

            @Override
            public Optional<Path> file() {
                return source.file();
            }

            @Override
            public void readRows(long firstRow, int rowCount, float[] into) {
                source.readRows(firstRow, rowCount, into);
                int cols = Math.toIntExact(source.cols());
                for (int r = 0; r < rowCount; r++) {
                    policy.repairRow(source.name(), firstRow + r, into, r * cols, cols);
                }
            }
        };
    }

    private void repairRow(String tensor, long row, float[] values, int from, int cols) {
        float largest = 0;
        boolean any = false;
        for (int c = 0; c < cols; c++) {
            float v = values[from + c];
            if (Float.isFinite(v)) {
                largest = Math.max(largest, Math.abs(v));
            } else if (this == ERROR) {
                throw new BadInputException("tensor " + tensor + ": value " + v + " at row " + row + ", column " + c
                        + " (index " + (row * cols + c) + "): must be finite (non-finite policy 'error'; 'skip' or "
                        + "'clamp' study it anyway)");
            } else {
                any = true;
            }
        }
        if (!any) {
            return;
        }
        for (int c = 0; c < cols; c++) {
            float v = values[from + c];
            if (!Float.isFinite(v)) {
                values[from + c] = this == SKIP || Float.isNaN(v) ? 0f : Math.copySign(largest, v);
            }
        }
    }
}
