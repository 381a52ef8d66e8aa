package io.bitforge.workloads.tensors;

import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.quant.Granularity;
import io.bitforge.core.quant.QuantError;
import io.bitforge.core.quant.Quantizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuantStudyTest {
    private static final int ROWS = 256;
    private static final int COLS = 4096;
    private static final long SEED = 42;

    @Test
    void ovpInt4BeatsPerChannelInt4ByAtLeastThreeDecibelsOnLlmOutliers() {
        // Issue 6: on llm-outliers (0.5% of input channels at 20×), outlier-aware OVP must beat plain per-channel
        // int4 clearly. Both are per channel, both 4 bits per value plus one scale per row.
        MatrixSource w = MatrixSource.of("w", ROWS, COLS, SyntheticTensors.llmOutliers(ROWS, COLS, SEED,
                SyntheticTensors.DEFAULT_OUTLIER_FRACTION, SyntheticTensors.DEFAULT_OUTLIER_RATIO));
        List<FormatResult> r = study(List.of(
                Quantizer.builder(NumberFormats.parse("int4")).granularity(Granularity.CHANNEL).build(),
                Quantizer.builder(NumberFormats.OVP_INT4).granularity(Granularity.CHANNEL).build())).run(List.of(w));
        FormatResult int4 = r.get(0);
        FormatResult ovp = r.get(1);
        System.out.println("llm-outliers per channel: int4 " + int4.sqnrDecibels() + " dB, ovp-int4 "
                + ovp.sqnrDecibels() + " dB, outliers " + ovp.outliers() + ", pruned outliers " + ovp.prunedOutliers());
        assertTrue(ovp.sqnrDecibels() >= int4.sqnrDecibels() + 3,
                "OVP " + ovp.sqnrDecibels() + " dB vs int4 " + int4.sqnrDecibels() + " dB");
        assertTrue(ovp.matmulSqnrDecibels() > int4.matmulSqnrDecibels());
        // Each outlier prunes one neighbour. The 20 outlier channels hold 20 × 256 = 5120 values; those of them
        // small enough (20·|z|σ inside the normal range) stay normal, so the count is a large part of 5120 — a
        // sanity bound, not a derived figure.
        assertEquals(ovp.outliers(), ovp.victims());
        assertTrue(ovp.outliers() >= 20 * ROWS / 2 && ovp.outliers() <= 20 * ROWS * 11 / 10, "" + ovp.outliers());
        assertEquals(4 + 16.0 / COLS, ovp.bitsPerElement(), 1e-12);
    }

    @Test
    void bitmodMixtureBeatsPlainFp4() {
        // Each BitMoD ER candidate is FP4 plus one value at the same scale, so the per-group best can only match or
        // beat plain FP4 E2M1; with 2048 groups it beats it.
        MatrixSource w = MatrixSource.of("w", ROWS, COLS, SyntheticTensors.llmOutliers(ROWS, COLS, SEED,
                SyntheticTensors.DEFAULT_OUTLIER_FRACTION, SyntheticTensors.DEFAULT_OUTLIER_RATIO));
        List<FormatResult> r = study(List.of(
                Quantizer.builder(NumberFormats.FP4_E2M1).groupSize(128).build(),
                Quantizer.builder(NumberFormats.BITMOD_MIX4).groupSize(128).build())).run(List.of(w));
        System.out.println("llm-outliers g128: fp4-e2m1 " + r.get(0).sqnrDecibels() + " dB, bitmod-mix4 "
                + r.get(1).sqnrDecibels() + " dB, choices " + r.get(1).choiceCounts());
        assertTrue(r.get(1).sqnrDecibels() > r.get(0).sqnrDecibels(),
                "mix4 " + r.get(1).sqnrDecibels() + " dB vs fp4 " + r.get(0).sqnrDecibels() + " dB");
        assertEquals(ROWS * COLS / 128, r.get(1).choiceCounts().stream().mapToLong(Long::longValue).sum());
        // BitMoD charges 4 + 18/128 here: a 16-bit scale and 2 selector bits per group of 128.
        assertEquals(4 + 18.0 / 128, r.get(1).bitsPerElement(), 1e-12);
    }

    @Test
    void blocksFromAShardedFileGiveTheSameAnswerAsTheWholeMatrix(@TempDir Path dir) {
        // Two shards, read in blocks of 1000 values (7 rows of 128): per-channel error sums must equal those of
        // quantising the whole matrix in memory.
        int rows = 96;
        int cols = 128;
        float[] a = SyntheticTensors.llmOutliers(rows, cols, 1, 0.02, 20);
        float[] b = SyntheticTensors.gaussian(rows, cols, 2);
        SafetensorsWriter.write(dir.resolve("model-00001-of-00002.safetensors"),
                List.of(SafetensorsWriter.Entry.of("a", DType.F32, List.of((long) rows, (long) cols), a)));
        SafetensorsWriter.write(dir.resolve("model-00002-of-00002.safetensors"),
                List.of(SafetensorsWriter.Entry.of("b", DType.F32, List.of((long) rows, (long) cols), b)));
        SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(dir);
        Quantizer q = Quantizer.builder(NumberFormats.parse("int4")).build();
        AtomicLong done = new AtomicLong();
        FormatResult r = new QuantStudy(List.of(q), 0, 0, 1000, done::addAndGet)
                .run(checkpoint.tensors().stream().map(MatrixSource::of).toList()).get(0);
        float[] both = new float[2 * rows * cols];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        QuantError whole = QuantError.of(both, q.quantize(both, 2 * rows, cols).dequantize());
        assertEquals(whole.mse(), r.mse(), whole.mse() * 1e-9);
        assertEquals(whole.maxAbsError(), r.maxAbsError());
        assertEquals(2L * rows * cols, done.get());
        assertTrue(Double.isNaN(r.matmulSqnrDecibels()), "no tokens, no product error");
    }

    @Test
    void theProductErrorIsZeroForALosslessFormatAndFollowsTheValueError() {
        float[] w = SyntheticTensors.gaussian(16, 64, 3);
        // bf16 of a float that is already bf16-exact is lossless.
        for (int i = 0; i < w.length; i++) {
            w[i] = Float.intBitsToFloat(Float.floatToRawIntBits(w[i]) & 0xFFFF0000);
        }
        List<FormatResult> r = study(List.of(Quantizer.builder(NumberFormats.BF16).build(),
                Quantizer.builder(NumberFormats.parse("int4")).build(),
                Quantizer.builder(NumberFormats.parse("int8")).build())).run(List.of(MatrixSource.of("w", 16, 64, w)));
        assertEquals(Double.POSITIVE_INFINITY, r.get(0).matmulSqnrDecibels());
        assertEquals(0.0, r.get(0).mse());
        assertTrue(r.get(2).matmulSqnrDecibels() > r.get(1).matmulSqnrDecibels() + 20,
                "8 bits are ~24 dB better than 4: " + r.get(2).matmulSqnrDecibels() + " vs " + r.get(1).matmulSqnrDecibels());
    }

    private static QuantStudy study(List<Quantizer> quantizers) {
        return new QuantStudy(quantizers, 8, SEED, QuantStudy.DEFAULT_BLOCK_ELEMENTS, n -> { });
    }
}
