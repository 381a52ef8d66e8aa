package io.bitforge.workloads.llm;

/**
 * Sliding-window (local) attention: a query attends to itself and the {@code tokens - 1} tokens before it, and the
 * KV cache of such a layer keeps only the last {@code tokens} tokens (Mistral 7B, Jiang et al. 2023, Sec. 2
 * "Sliding Window Attention" and "Rolling Buffer Cache"). {@code layers} of the model's layers use it; the rest
 * attend globally (Gemma 2 and gpt-oss alternate local and global layers, Mistral windows every layer).
 *
 * @param tokens keys a query attends at most (HF {@code sliding_window}); 0 = no window
 * @param layers layers that use the window
 */
public record SlidingWindow(long tokens, int layers) {
    public static final SlidingWindow NONE = new SlidingWindow(0, 0);

    public SlidingWindow {
        if (tokens < 0 || layers < 0) {
            throw new IllegalArgumentException("window tokens and layers must be >= 0");
        }
        if (tokens == 0) {
            layers = 0;
        }
    }

    public boolean isPresent() {
        return tokens > 0 && layers > 0;
    }

    /** Keys a windowed layer attends (and caches) when {@code keys} tokens precede and include the query. */
    public long cap(long keys) {
        return isPresent() ? Math.min(keys, tokens) : keys;
    }
}
