package io.bitforge.workloads.tensors;

import io.bitforge.core.format.AntTypeChoice;
import io.bitforge.core.format.BitmodMixture;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.format.OvpFormat;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.quant.ErrorAccumulator;
import io.bitforge.core.quant.Granularity;
import io.bitforge.core.quant.QuantError;
import io.bitforge.core.quant.QuantizedTensor;
import io.bitforge.core.quant.Quantizer;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Runs several quantisers over matrices block by block and measures each: value error, the error of the
 * product with random activations, stored bits and, for OVP and BitMoD, what the format did. Channel and group
 * granularity read at most {@code blockElements} values at a time (whole rows), so a checkpoint of any size runs
 * in bounded memory; tensor granularity and ANT's per-tensor type choice ({@code ant4}) need the whole tensor in one
 * block.
 *
 * <p>The quantisers of a block run side by side in one fork-join pool of one thread per core, which also runs their
 * groups, so the cores stay busy without more threads than cores; at most one quantiser per thread is in flight, so
 * memory stays bounded. Each quantiser's sums are added by one thread in element order, so the results are the same
 * as one quantiser after the other.
 */
public final class QuantStudy {
    /** Default block: 8 Mi values (32 MiB as floats). */
    public static final int DEFAULT_BLOCK_ELEMENTS = 8 << 20;

    private final List<Quantizer> quantizers;
    private final int tokens;
    private final long seed;
    private final int blockElements;
    private final LongConsumer progress;

    /**
     * @param tokens        activation vectors for the product error (columns of X), 0 to skip it
     * @param seed          seeds the activations (Well19937c)
     * @param blockElements values per block for channel and group granularity
     * @param progress      told how many values (× quantisers) each block finished
     */
    public QuantStudy(List<Quantizer> quantizers, int tokens, long seed, int blockElements, LongConsumer progress) {
        this.quantizers = List.copyOf(quantizers);
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens must be >= 0, got " + tokens);
        }
        this.tokens = tokens;
        this.seed = seed;
        this.blockElements = blockElements;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** Per-quantiser results over all matrices, in the quantisers' order. */
    public List<FormatResult> run(List<MatrixSource> matrices) {
        List<Tally> tallies = new ArrayList<>();
        for (Quantizer q : quantizers) {
            tallies.add(new Tally(q));
        }
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try {
            for (int m = 0; m < matrices.size(); m++) {
                runMatrix(matrices.get(m), m, tallies, pool);
            }
        } finally {
            pool.shutdownNow();
        }
        List<FormatResult> results = new ArrayList<>();
        for (Tally t : tallies) {
            results.add(t.result());
        }
        return results;
    }

    private void runMatrix(MatrixSource matrix, int index, List<Tally> tallies, ForkJoinPool pool) {
        long rows = matrix.rows();
        long cols = matrix.cols();
        if (rows == 0 || cols == 0) {
            return;
        }
        if (cols > Integer.MAX_VALUE - 8) {
            throw new BadInputException(matrix.name() + ": rows of " + cols + " values are too long to quantise");
        }
        boolean whole = quantizers.stream().anyMatch(QuantStudy::needsWholeTensor);
        String why = quantizers.stream().anyMatch(q -> q.granularity() == Granularity.TENSOR) ? "granularity tensor"
                : "format " + NumberFormats.ANT4.id() + " (a per-tensor type choice)";
        long rowsPerBlock = whole ? rows : Math.max(1, Math.min(rows, blockElements / cols));
        if (rowsPerBlock * cols > Integer.MAX_VALUE - 8) {
            throw new BadInputException(matrix.name() + ": " + why + " needs the whole tensor in one block, "
                    + "but it has " + rows * cols + " values (at most " + (Integer.MAX_VALUE - 8)
                    + "); use channel or group granularity and another format");
        }
        // Values, their reconstruction and codes (4 + 4 + 2 bytes each) must fit comfortably in the heap.
        long blockBytes = rowsPerBlock * cols * 10;
        if (whole && blockBytes > Runtime.getRuntime().maxMemory() / 2) {
            throw new BadInputException(matrix.name() + ": " + why + " holds the whole tensor (" + rows * cols
                    + " values, about " + (blockBytes >> 20) + " MiB) in memory, more than half the "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB heap; use channel or group granularity and "
                    + "another format, or a larger -Xmx");
        }
        float[] activations = activations(index, (int) cols);
        float[] block = new float[(int) (rowsPerBlock * cols)];
        for (long first = 0; first < rows; first += rowsPerBlock) {
            int count = (int) Math.min(rowsPerBlock, rows - first);
            int n = (int) (count * cols);
            float[] values = n == block.length ? block : new float[n];
            matrix.readRows(first, count, values);
            // Parallel streams started inside the pool (each quantiser's groups, W·X) run in the pool too.
            float[] exactProduct = await(pool.submit(() -> product(values, count, (int) cols, activations)));
            await(pool.submit(() -> IntStream.range(0, tallies.size()).parallel().forEach(i -> {
                Tally t = tallies.get(i);
                QuantizedTensor q = t.quantizer.quantize(values, count, (int) cols);
                float[] restored = q.dequantize();
                t.add(values, restored, q);
                if (exactProduct != null) {
                    t.products.add(exactProduct, product(restored, count, (int) cols, activations), 0,
                            exactProduct.length);
                }
                synchronized (progress) {
                    progress.accept(n);
                }
            })));
        }
    }

    /** Waits for a task; a failure is rethrown as it was thrown (bad input stays bad input). */
    private static <T> T await(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while quantising", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Whether a quantiser must see the whole tensor at once: per-tensor scales, and ANT's per-tensor type choice,
     * which would otherwise choose per block.
     */
    static boolean needsWholeTensor(Quantizer q) {
        return q.granularity() == Granularity.TENSOR || q.format() instanceof AntTypeChoice;
    }

    /** X: [cols, tokens] of N(0,1), seeded by the study seed and the matrix's position. */
    private float[] activations(int matrixIndex, int cols) {
        if (tokens == 0) {
            return null;
        }
        RandomGenerator random = new Well19937c(new int[] {(int) seed, (int) (seed >>> 32), matrixIndex});
        float[] x = new float[cols * tokens];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }

    /** W·X for a block of rows, accumulated in double: [rows, tokens]. */
    private float[] product(float[] w, int rows, int cols, float[] x) {
        if (x == null) {
            return null;
        }
        float[] y = new float[rows * tokens];
        // Rows are independent: computed in parallel, each summed in the same order, so the result is the same.
        // Four tokens at a time in registers; each sum still adds its terms in column order.
        IntStream.range(0, rows).parallel().forEach(r -> {
            int rowStart = r * cols;
            int t = 0;
            for (; t + 4 <= tokens; t += 4) {
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                for (int c = 0; c < cols; c++) {
                    double wc = w[rowStart + c];
                    if (wc == 0) {
                        continue;
                    }
                    int xs = c * tokens + t;
                    s0 += wc * x[xs];
                    s1 += wc * x[xs + 1];
                    s2 += wc * x[xs + 2];
                    s3 += wc * x[xs + 3];
                }
                y[r * tokens + t] = (float) s0;
                y[r * tokens + t + 1] = (float) s1;
                y[r * tokens + t + 2] = (float) s2;
                y[r * tokens + t + 3] = (float) s3;
            }
            for (; t < tokens; t++) {
                double sum = 0;
                for (int c = 0; c < cols; c++) {
                    double wc = w[rowStart + c];
                    if (wc != 0) {
                        sum += wc * x[c * tokens + t];
                    }
                }
                y[r * tokens + t] = (float) sum;
            }
        });
        return y;
    }

    /** Running sums for one quantiser. */
    private static final class Tally {
        private final Quantizer quantizer;
        private final ErrorAccumulator values = new ErrorAccumulator();
        private final ErrorAccumulator products = new ErrorAccumulator();
        private long elements;
        private double storedBits;
        private long outliers;
        private long victims;
        private long prunedOutliers;
        private long[] choices = new long[0];

        Tally(Quantizer quantizer) {
            this.quantizer = quantizer;
        }

        void add(float[] original, float[] restored, QuantizedTensor q) {
            values.add(original, restored, 0, original.length);
            elements += original.length;
            storedBits += q.bitsPerElement() * original.length;
            if (q.format() instanceof OvpFormat o) {
                countOvp(o, original, q);
            }
            if (quantizer.format() instanceof AntTypeChoice a) {
                // One choice per tensor: counts of tensors that chose each candidate, in ANT's order.
                if (choices.length == 0) {
                    choices = new long[a.candidates().size()];
                }
                choices[a.candidates().indexOf(q.format())]++;
            }
            if (q.format() instanceof BitmodMixture) {
                List<Long> counts = q.choiceCounts();
                if (choices.length == 0) {
                    choices = new long[counts.size()];
                }
                for (int i = 0; i < counts.size(); i++) {
                    choices[i] += counts.get(i);
                }
            }
        }

        private void countOvp(OvpFormat o, float[] original, QuantizedTensor q) {
            for (int i = 0; i < original.length; i++) {
                if (q.code(i) != o.victimMarker()) {
                    continue;
                }
                victims++;
                outliers++;
                double scale = q.scales()[q.layout().groupOf(i)];
                double rounded = o.elementGrid().nearestValue(original[i] / scale, q.rounding());
                if (Math.abs(rounded) > o.normalMax()) {
                    prunedOutliers++;
                }
            }
        }

        FormatResult result() {
            QuantError v = values.result();
            QuantError p = products.result();
            String granularity = quantizer.granularity() == Granularity.GROUP ? "group" + quantizer.groupSize()
                    : quantizer.granularity().name().toLowerCase(Locale.ROOT);
            List<Long> choiceList = new ArrayList<>();
            for (long c : choices) {
                choiceList.add(c);
            }
            return new FormatResult(quantizer.format().id(), granularity, elements,
                    elements == 0 ? 0 : storedBits / elements, v.mse(), v.sqnrDecibels(), v.maxAbsError(),
                    p.count() == 0 ? Double.NaN : p.sqnrDecibels(), outliers, victims, prunedOutliers, choiceList);
        }
    }
}
