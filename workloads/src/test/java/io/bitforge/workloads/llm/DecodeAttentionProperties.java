package io.bitforge.workloads.llm;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecodeAttentionProperties {
    @Property
    void bucketsCoverEveryStepAndBoundTheExactSum(@ForAll @IntRange(min = 0, max = 5000) int context,
                                                    @ForAll @IntRange(min = 1, max = 3000) int generated,
                                                    @ForAll @IntRange(min = 1, max = 256) int bucket) {
        DecodeAttention attention = new DecodeAttention(context, generated, bucket);
        // Independent sum, step by step.
        long exact = 0;
        for (long i = 0; i < generated; i++) {
            exact += context + i + 1;
        }
        assertEquals(exact, attention.exactKeys());
        assertEquals(generated, attention.buckets().stream().mapToLong(DecodeAttention.Bucket::steps).sum());
        long represented = attention.representedKeys();
        assertTrue(represented >= exact && represented < exact + generated, represented + " vs " + exact);
        for (DecodeAttention.Bucket b : attention.buckets()) {
            // Each bucket stays within one aligned range, so a tile of a multiple of `bucket` folds alike.
            assertEquals((b.firstKeys() - 1) / bucket, (b.lastKeys() - 1) / bucket);
            assertEquals((b.firstKeys() - 1) / bucket, (b.keys() - 1) / bucket);
        }
    }
}
