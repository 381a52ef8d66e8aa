package io.bitforge.workloads.llm;

import io.bitforge.workloads.quant.QuantParser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapacityTest {
    private static final ModelStructure LLAMA = new ModelStructure(ModelZoo.find("llama-2-7b").orElseThrow());
    private static final long GIB = 1L << 30;

    @Test
    void weightBytesAtTheirFormats() {
        // FP16: every one of the 6,738,415,616 parameters at 2 bytes.
        assertEquals(2 * 6_738_415_616L, new Capacity(LLAMA, QuantParser.parse("W16A16")).weightBytes());
        // W4 g128 with lm_head in FP16: the 32 layers' 6,476,005,376 projection weights at 4 bits
        // (= 3,238,002,688 B) + one FP16 scale per 128 of them (6,476,005,376 / 128 * 2 = 101,187,584 B); the
        // other 262,410,240 parameters (embeddings, lm_head, norms) at 2 B = 524,820,480 B.
        long projections = 32L * (4 * 4096 * 4096 + 3 * 4096 * 11008);
        assertEquals(6_476_005_376L, projections);
        assertEquals(3_238_002_688L + 101_187_584L + 524_820_480L,
                new Capacity(LLAMA, QuantParser.parse("W4A16g128")).weightBytes());
    }

    @Test
    void kvCacheAtItsOwnPrecision() {
        // 2 (K, V) * 32 layers * 4096 * 1280 tokens * 2 B = 671,088,640 B in FP16; a quarter at 4 bits.
        assertEquals(671_088_640L, new Capacity(LLAMA, QuantParser.parse("W16A16")).kvCacheBytes(1, 1280));
        assertEquals(167_772_160L, new Capacity(LLAMA, QuantParser.parse("W4A16KV4")).kvCacheBytes(1, 1280));
    }

    @Test
    void reportsTheLargestBatchAndContextThatFit() {
        Capacity capacity = new Capacity(LLAMA, QuantParser.parse("W16A16"));
        Capacity.Report fits = capacity.check("decode", 1, 0, 1024, 256, 16 * GIB);
        assertTrue(fits.fits(), fits.summary());
        // Batch 8 at 4096 + 256 tokens needs 8 * 2 * 32 * 4096 * 4352 * 2 B = 18.25 GB of KV cache.
        Capacity.Report tooBig = capacity.check("decode", 8, 0, 4096, 256, 16 * GIB);
        assertFalse(tooBig.fits(), tooBig.summary());
        assertTrue(tooBig.summary().startsWith("DOES NOT FIT"), tooBig.summary());
        // The answers are the boundary: one more does not fit.
        long b = tooBig.largestBatch();
        assertTrue(b >= 1 && b < 8);
        assertTrue(capacity.check("decode", b, 0, 4096, 256, 16 * GIB).fits());
        assertFalse(capacity.check("decode", b + 1, 0, 4096, 256, 16 * GIB).fits());
        long c = tooBig.largestLength();
        assertTrue(c >= 1 && c < 4096);
        assertTrue(capacity.check("decode", 8, 0, c, 256, 16 * GIB).fits());
        assertFalse(capacity.check("decode", 8, 0, c + 1, 256, 16 * GIB).fits());
        // Weights alone exceed 8 GiB in FP16: nothing fits.
        Capacity.Report none = capacity.check("prefill", 1, 128, 0, 1, 8 * GIB);
        assertEquals(0, none.largestBatch());
        assertTrue(none.summary().contains("no batch fits"), none.summary());
    }
}
