package io.bitforge.workloads.llm;

import java.util.ArrayList;
import java.util.List;

/**
 * The growing attention of decode in closed form. Step i (0-based) of G generated tokens attends to
 * L_i = C + i + 1 keys: the C cached tokens, the i tokens generated before it, and itself (its K/V is appended to
 * the cache before attention, as in the transformers implementation). The total is
 * sum L_i = G (C + 1) + G (G - 1) / 2.
 *
 * <p>An engine costs a GEMM per instance, and that cost is not linear in the key count (tiles fold in steps).
 * So the steps are grouped into buckets of cache lengths aligned to multiples of {@code bucket}: bucket q holds
 * the steps with (q-1)·bucket &lt; L ≤ q·bucket, and is represented by one GEMM shape whose key count is the
 * mean of its steps' L rounded up. When {@code bucket} divides the array's tile along that dimension (32 divides
 * every power-of-two array side from 32 up), every step in a bucket has the same tile fold count as the
 * representative, so fold-level cycles are exact; MACs exceed the exact sum by less than one key per step
 * (the rounding of the mean), which {@link #representedKeys()} versus {@link #exactKeys()} makes visible.
 *
 * <p>With a sliding window of W tokens (W &gt; 0) a step attends min(L_i, W) keys (Mistral 7B, Jiang et al. 2023,
 * Sec. 2): the steps past the window form one more bucket of exactly W keys.
 */
public record DecodeAttention(long context, long generated, int bucket, long window) {

    /** One bucket: {@code steps} decode steps represented by {@code keys} keys each. */
    public record Bucket(long firstKeys, long lastKeys, long steps, long keys) {
    }

    public DecodeAttention {
        if (context < 0 || generated < 1 || bucket < 1 || window < 0) {
            throw new IllegalArgumentException("context >= 0, generated >= 1, bucket >= 1, window >= 0 required");
        }
    }

    /** Global attention (no window). */
    public DecodeAttention(long context, long generated, int bucket) {
        this(context, generated, bucket, 0);
    }

    /** The largest key count a step attends before the window caps it. */
    private long uncappedLast() {
        long last = context + generated;
        return window > 0 ? Math.min(last, window) : last;
    }

    /** Steps that attend exactly the window (0 without a window). */
    private long cappedSteps() {
        return window > 0 ? Math.max(0, context + generated - Math.max(window, context)) : 0;
    }

    /** sum over steps of the keys attended: G (C + 1) + G (G - 1) / 2 without a window; capped at W with one. */
    public long exactKeys() {
        long first = context + 1;
        long last = uncappedLast();
        long uncapped = last >= first ? (first + last) * (last - first + 1) / 2 : 0;
        return Math.addExact(uncapped, Math.multiplyExact(cappedSteps(), window));
    }

    public List<Bucket> buckets() {
        List<Bucket> buckets = new ArrayList<>();
        long first = context + 1;
        long last = uncappedLast();
        long start = first;
        while (start <= last) {
            long bucketTop = ceilDiv(start, bucket) * bucket;
            long end = Math.min(bucketTop, last);
            long steps = end - start + 1;
            long keySum = (start + end) * steps / 2;
            buckets.add(new Bucket(start, end, steps, ceilDiv(keySum, steps)));
            start = end + 1;
        }
        long capped = cappedSteps();
        if (capped > 0) {
            buckets.add(new Bucket(window, window, capped, window));
        }
        return List.copyOf(buckets);
    }

    /** Keys summed over steps as the buckets represent them (>= {@link #exactKeys()}, < it + G). */
    public long representedKeys() {
        return buckets().stream().mapToLong(b -> b.steps() * b.keys()).sum();
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
