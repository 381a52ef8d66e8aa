package io.bitforge.workloads.llm;

import io.bitforge.core.op.Precision;
import io.bitforge.workloads.quant.QuantConfig;

import java.util.List;
import java.util.function.LongBinaryOperator;

/**
 * Does a configuration fit in DRAM? Weights (each tensor at its format, FP16 group scales included) + the KV
 * cache at its full length + the largest activation set of one layer, against the DRAM capacity. When it does not
 * fit, the largest batch at the requested length and the largest length at the requested batch that do.
 *
 * <p>The activation set is an estimate (flagged as such in reports): the rows processed at once times the
 * residual stream, normed input, Q/K/V and MLP intermediates of one layer, plus one layer's score matrix, all at
 * high precision; buffers reused across layers are counted once.
 */
public final class Capacity {
    /** How far the searches go: 2^24 sequences or tokens. */
    private static final long SEARCH_LIMIT = 1L << 24;

    private final ModelStructure structure;
    private final QuantConfig quant;

    public Capacity(ModelStructure structure, QuantConfig quant) {
        this.structure = structure;
        this.quant = quant;
    }

    /**
     * The check's result.
     *
     * @param lengthName   what {@code largestLength} varies: {@code prompt} (prefill) or {@code context}
     * @param largestBatch largest batch that fits at the requested length (0 if not even one sequence fits)
     * @param largestLength largest prompt/context (>= 1) that fits at the requested batch (0 if none)
     */
    public record Report(long weightBytes, long kvCacheBytes, long activationBytes, long capacityBytes, boolean fits,
                         long largestBatch, String lengthName, long largestLength) {
        public long requiredBytes() {
            return weightBytes + kvCacheBytes + activationBytes;
        }

        /** One line for a report. */
        public String summary() {
            String need = String.format(java.util.Locale.ROOT, "weights %.2f GiB + KV cache %.2f GiB + activations"
                            + " %.2f GiB (estimate) = %.2f GiB of %.2f GiB DRAM", gib(weightBytes), gib(kvCacheBytes),
                    gib(activationBytes), gib(requiredBytes()), gib(capacityBytes));
            if (fits) {
                return "fits: " + need;
            }
            return "DOES NOT FIT: " + need + "; " + (largestBatch == 0 ? "no batch fits at this " + lengthName
                    : "largest batch that fits: " + largestBatch) + ", " + (largestLength == 0 ? "no " + lengthName
                    + " fits at this batch" : "largest " + lengthName + " at this batch: " + largestLength);
        }

        private static double gib(long bytes) {
            return bytes / (1024.0 * 1024 * 1024);
        }
    }

    /** Bytes of every parameter at the format it is stored in. */
    public long weightBytes() {
        long bits = 0;
        long scaleBits = 0;
        ModelConfig model = structure.model();
        List<WeightTensor> quantised = structure.quantisedWeights();
        long quantisedElements = 0;
        for (WeightTensor tensor : quantised) {
            long outlierRows = (long) Math.ceil(quant.outlierFraction() * tensor.rows());
            long lowRows = outlierRows > 0 && outlierRows < tensor.rows() ? tensor.rows() - outlierRows : tensor.rows();
            long highRows = tensor.rows() - lowRows;
            bits += lowRows * tensor.cols() * tensor.copies() * quant.weights().bits();
            bits += highRows * tensor.cols() * tensor.copies() * quant.highPrecision().bits();
            scaleBits += groupScaleBits(lowRows, tensor.cols() * tensor.copies(), quant.weightGroupSize());
            quantisedElements += tensor.elements();
        }
        long lmHeadElements = 0;
        if (!model.tiedEmbeddings()) {
            WeightTensor head = structure.lmHead();
            lmHeadElements = head.elements();
            bits += lmHeadElements * quant.lmHead().bits();
            if (!quant.lmHead().equals(quant.highPrecision())) {
                scaleBits += groupScaleBits(head.rows(), head.cols(), quant.weightGroupSize());
            }
        }
        // Everything else (embeddings, norms, biases, router) stays at high precision.
        long rest = structure.parameterCount() - quantisedElements - lmHeadElements;
        bits += rest * quant.highPrecision().bits();
        return ceilDiv(bits + scaleBits, 8);
    }

    private static long groupScaleBits(long rows, long cols, int group) {
        return group == 0 ? 0 : ceilDiv(rows, group) * cols * Precision.FP16.bits();
    }

    /** KV cache bytes of {@code batch} sequences holding {@code tokens} tokens each, at the KV format. */
    public long kvCacheBytes(long batch, long tokens) {
        return quant.kvCache().bytesFor(structure.kvCacheElements(batch, tokens));
    }

    /** Estimated live activations of one layer: {@code rows} rows at once, scores of rows × keys per head. */
    public long activationBytes(long batch, long rowsPerSequence, long keys) {
        ModelConfig model = structure.model();
        AttentionShape attention = model.attention();
        long width = 2 * structure.hidden() + attention.queryWidth() + attention.cachedPerToken()
                + (model.mlp().kind() == MlpKind.GATED ? 2 : 1) * structure.intermediate();
        long rows = batch * rowsPerSequence;
        long scores = batch * attention.heads() * rowsPerSequence * keys;
        return quant.highPrecision().bytesFor(Math.addExact(Math.multiplyExact(rows, width), scores));
    }

    /**
     * Checks a phase. {@code phase} is prefill, decode or both; decode's cache ends at context + generated tokens,
     * prefill's at prompt; "both" prefills the prompt and then decodes from it (context = prompt).
     */
    public Report check(String phase, long batch, long prompt, long context, long generated, long capacityBytes) {
        long weights = weightBytes();
        LongBinaryOperator need;
        String lengthName;
        long length;
        switch (phase) {
            case "prefill" -> {
                need = (b, p) -> kvCacheBytes(b, p) + activationBytes(b, p, p);
                lengthName = "prompt";
                length = prompt;
            }
            case "decode" -> {
                need = (b, c) -> kvCacheBytes(b, c + generated) + activationBytes(b, 1, c + generated);
                lengthName = "context";
                length = context;
            }
            default -> {
                need = (b, p) -> kvCacheBytes(b, p + generated)
                        + Math.max(activationBytes(b, p, p), activationBytes(b, 1, p + generated));
                lengthName = "prompt";
                length = prompt;
            }
        }
        long kv = kvCacheBytes(batch, "prefill".equals(phase) ? prompt
                : ("decode".equals(phase) ? context : prompt) + generated);
        long activations = need.applyAsLong(batch, length) - kv;
        boolean fits = weights + kv + activations <= capacityBytes;
        long budget = capacityBytes - weights;
        long largestBatch = budget <= 0 ? 0 : largest(b -> need.applyAsLong(b, length) <= budget, 1);
        long largestLength = budget <= 0 ? 0 : largest(l -> need.applyAsLong(batch, l) <= budget, 1);
        return new Report(weights, kv, activations, capacityBytes, fits, largestBatch, lengthName, largestLength);
    }

    /** Largest n >= 1 with fits(n) (fits is monotone), 0 when even 1 does not fit. */
    private static long largest(java.util.function.LongPredicate fits, long min) {
        if (!fits.test(min)) {
            return min - 1;
        }
        long low = min;
        long high = min;
        while (high < SEARCH_LIMIT && fits.test(high)) {
            low = high;
            high *= 2;
        }
        if (high >= SEARCH_LIMIT && fits.test(SEARCH_LIMIT)) {
            return SEARCH_LIMIT;
        }
        while (high - low > 1) {
            long mid = low + (high - low) / 2;
            if (fits.test(mid)) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
