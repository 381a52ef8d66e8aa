package io.bitforge.roofline;

import java.util.OptionalDouble;

/**
 * Analysis switches: fused attention with its query block (rows of Q per K/V pass), and tensor parallelism
 * across {@code tensorParallel} devices over a link of {@code linkBytesPerSecond} per direction (empty: the
 * machine's own link).
 */
public record RooflineOptions(boolean fusedAttention, int queryBlock, int tensorParallel,
                              OptionalDouble linkBytesPerSecond) {
    /** FlashAttention-2's forward block for head size 128 on A100 (Dao 2023, §3.3): 128 query rows. */
    public static final int DEFAULT_QUERY_BLOCK = 128;

    public RooflineOptions {
        if (queryBlock < 1) {
            throw new IllegalArgumentException("query block must be >= 1, got " + queryBlock);
        }
        if (tensorParallel < 1) {
            throw new IllegalArgumentException("tensor-parallel degree must be >= 1, got " + tensorParallel);
        }
        linkBytesPerSecond.ifPresent(b -> {
            if (!(b > 0)) {
                throw new IllegalArgumentException("link bandwidth must be > 0, got " + b);
            }
        });
    }

    /** Unfused attention, one device: LLM-Viewer's defaults. */
    public static RooflineOptions defaults() {
        return new RooflineOptions(false, DEFAULT_QUERY_BLOCK, 1, OptionalDouble.empty());
    }

    public RooflineOptions withFusedAttention(int block) {
        return new RooflineOptions(true, block, tensorParallel, linkBytesPerSecond);
    }

    public RooflineOptions withTensorParallel(int devices, OptionalDouble link) {
        return new RooflineOptions(fusedAttention, queryBlock, devices, link);
    }
}
