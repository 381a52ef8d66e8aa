package io.bitforge.memory.scalesim;

import io.bitforge.core.units.HumanUnits;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.BadRequestException;

import java.util.List;
import java.util.Locale;

/**
 * What a SCALE-Sim-mode run will cost before it starts. The row-by-row replay visits every word of every demand
 * row (rows = folds × rows per fold, each row as wide as the ifmap, filter and ofmap edges of the array) and holds
 * the operands' address matrices; the closed form ({@link ClosedFormLayerRun}) takes a few steps per fold (the
 * ofmap's rising and falling edges, one per plateau) and holds at most a number per word of its read windows. A
 * run estimated past about a minute or past the heap is refused with the estimate, so that no input hangs
 * silently; {@code force} runs it anyway.
 *
 * @param work      demand words (replay) or fold steps (closed form), in double so that no product wraps
 * @param perSecond how many of those a second gets through
 * @param unit      what {@code work} counts, for the refusal message
 * @param heapBytes bytes of address and prefetch matrices it holds (8-byte addresses, a factor 2 for the maps)
 */
public record ScaleSimWork(double work, double perSecond, String unit, double heapBytes) {
    /**
     * Demand words the replay simulates per second: measured with a 4096 × 1024 × 1024 GEMM on a 32 × 32
     * output-stationary array (4.45e6 demand rows of 96 words in 6.5 s on a shared 2-core machine), rounded down.
     */
    public static final double WORDS_PER_SECOND = 5e7;

    /**
     * Closed-form steps per second: measured with a 128 × 4096 × 4096 GEMM on a 32 × 32 output-stationary array
     * (512 folds of 2 × 32 + 10 steps in 3.1 ms on a shared 2-core machine at a load average of 24), rounded down.
     */
    public static final double STEPS_PER_SECOND = 1e7;

    /**
     * Ifmap demand words walked per second where convolution windows overlap ({@link AddressEpochReads}): measured
     * with a 224 × 224 × 64 input, 3 × 3 × 64 × 64 filters on a 32 × 32 output-stationary array (3,082 folds, 60 M
     * ifmap words in about 1.2 CPU-s on a shared 2-core machine at a load average of 20), rounded down.
     */
    public static final double IFMAP_WORDS_PER_SECOND = 4e7;

    /** Refuse runs estimated longer than this without {@code force}. */
    public static final double MAX_SECONDS = 60;

    public static ScaleSimWork of(TopologyLayer layer, ScaleSimConfig config) {
        double m = layer.ofmapPixelsPerFilter();
        double k = layer.windowSize();
        double n = layer.numFilters();
        double r = config.arrayRows();
        double c = config.arrayCols();
        // SCALE-Sim's mapping of the GEMM onto the array per dataflow (scalesim/compute/systolic_compute_*.py).
        double spatialRows;
        double spatialCols;
        double rowsPerFold;
        switch (config.dataflow()) {
            case OS -> {
                spatialRows = m;
                spatialCols = n;
                rowsPerFold = k + r + c - 2;
            }
            case WS -> {
                spatialRows = k;
                spatialCols = n;
                rowsPerFold = 2 * r + c + m - 2;
            }
            default -> {
                spatialRows = k;
                spatialCols = m;
                rowsPerFold = 2 * r + c + n - 2;
            }
        }
        double rowFolds = Math.ceil(spatialRows / r);
        double colFolds = Math.ceil(spatialCols / c);
        double folds = rowFolds * colFolds;
        if (ClosedFormLayerRun.applies(layer, config)) {
            // per fold stepped through: the ofmap's two skew edges row by row (at most C rows each), its plateau, a
            // few more; folds of one shape are stepped through until they repeat, assumed within the folds the
            // period search remembers (past them they go on one by one, which this does not foresee)
            // it keeps a suffix per block in the read windows: at most half of each read SRAM's words, ~64 B each
            double windowWords = (config.ifmapSramKib() + (double) config.filterSramKib()) * 1024 / 2;
            double foldSteps = steppedFolds(rowFolds, colFolds, spatialRows % r != 0, spatialCols % c != 0)
                    * (2 * c + 10);
            if (new OperandAddresses(layer, config).ifmapDistinct()) {
                return new ScaleSimWork(foldSteps, STEPS_PER_SECOND, "fold steps", 64 * windowWords);
            }
            // overlapping windows: the ifmap's demand rows are walked word by word as well, in every fold
            double ifmapWords = folds * switch (config.dataflow()) {
                case OS -> (k + r - 1) * r;
                case WS -> (m + r - 1) * r;
                case IS -> r * c;
            };
            return new ScaleSimWork(foldSteps + ifmapWords, IFMAP_WORDS_PER_SECOND, "ifmap words and fold steps",
                    64 * windowWords);
        }
        double words = folds * rowsPerFold * (r + 2 * c);
        double heap = 2 * 8 * (m * k + k * n + m * n);
        return new ScaleSimWork(words, WORDS_PER_SECOND, "demand words", heap);
    }

    /**
     * Folds stepped through in closed form: runs of folds of one shape ({@link SystolicDemand#runEnd}: the full
     * row folds of a column fold and its narrower last one, when the rows do not divide; the full column folds and
     * the narrower last one otherwise), each up to the folds {@link OfmapFolds} remembers looking for a period.
     */
    private static double steppedFolds(double rowFolds, double colFolds, boolean rowsRagged, boolean colsRagged) {
        double tracked = OfmapFolds.MAX_TRACKED_FOLDS;
        if (rowFolds > 1 && rowsRagged) {
            return colFolds * (Math.min(rowFolds - 1, tracked) + 1);
        }
        if (colFolds > 1 && colsRagged) {
            return Math.min((colFolds - 1) * rowFolds, tracked) + Math.min(rowFolds, tracked);
        }
        return Math.min(rowFolds * colFolds, tracked);
    }

    public double seconds() {
        return work / perSecond;
    }

    /** Refuses the layers, with the estimate of the first one too big, unless {@code force}. */
    public static void check(List<TopologyLayer> layers, ScaleSimConfig config, boolean force) {
        double totalSeconds = 0;
        long maxHeap = Runtime.getRuntime().maxMemory();
        for (TopologyLayer layer : layers) {
            ScaleSimWork work = of(layer, config);
            totalSeconds += work.seconds();
            if (!force && totalSeconds > MAX_SECONDS) {
                // the request field that lets it run; a front end names its own switch for it (the CLI's --yes)
                throw new BadRequestException("longRunAllowed", String.format(Locale.ROOT, "%s: SCALE-Sim mode "
                        + "would simulate about %.3g %s, about %s; refused (the limit is %d s; set this "
                        + "to run it anyway)",
                        layer.name(), work.work(), work.unit(), HumanUnits.duration(totalSeconds), (int) MAX_SECONDS));
            }
            if (work.heapBytes() > maxHeap) {
                throw new BadInputException(String.format(Locale.ROOT, "%s: needs about %.1f GiB of address "
                        + "matrices, more than the %.1f GiB heap; SCALE-Sim mode simulates every demand row, so "
                        + "shrink the layer or raise -Xmx (BITFORGE_JAVA_OPTS)", layer.name(),
                        work.heapBytes() / (1L << 30), maxHeap / (double) (1L << 30)));
            }
        }
    }
}
