package io.bitforge.cli.commands;

import io.bitforge.core.io.BadInputException;
import io.bitforge.workloads.tensors.MatrixSource;
import io.bitforge.workloads.tensors.SyntheticTensors;

import java.util.Map;

/**
 * The {@code --synthetic gaussian|llm-outliers --rows R --cols C --seed S} weights that {@code quantize} and
 * {@code adc-study} share, checked once with option-naming messages.
 */
final class SyntheticMatrices {
    private SyntheticMatrices() {
    }

    /** Builds the matrix and records what was used in {@code source} (for the JSON output and the manifest). */
    static MatrixSource of(String kind, int rows, int cols, long seed, double outlierFraction, double outlierRatio,
                           Map<String, Object> source) {
        if (rows < 1 || cols < 1 || (long) rows * cols > Integer.MAX_VALUE - 8) {
            throw BadInputException.field(null, "--rows/--cols", rows + "x" + cols,
                    "must be >= 1 each with rows·cols below 2^31");
        }
        source.put("synthetic", kind);
        source.put("rows", rows);
        source.put("cols", cols);
        switch (kind) {
            case "gaussian":
                return MatrixSource.of("gaussian", rows, cols, SyntheticTensors.gaussian(rows, cols, seed));
            case "llm-outliers":
                if (!(outlierFraction >= 0 && outlierFraction <= 1)) {
                    throw BadInputException.field(null, "--outlier-fraction", outlierFraction, "must be 0..1");
                }
                if (!(outlierRatio > 0) || Double.isInfinite(outlierRatio)) {
                    throw BadInputException.field(null, "--outlier-ratio", outlierRatio, "must be > 0");
                }
                source.put("outlierFraction", outlierFraction);
                source.put("outlierRatio", outlierRatio);
                return MatrixSource.of("llm-outliers", rows, cols,
                        SyntheticTensors.llmOutliers(rows, cols, seed, outlierFraction, outlierRatio));
            default:
                throw BadInputException.field(null, "--synthetic", "'" + kind + "'", "must be gaussian or llm-outliers");
        }
    }
}
