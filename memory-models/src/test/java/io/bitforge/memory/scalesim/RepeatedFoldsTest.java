package io.bitforge.memory.scalesim;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A layer of millions of folds in SCALE-Sim's CALC mode, as in SCALE-Sim's Llama-3B topology
 * (topologies/llama/llama3b.csv: a 512 × 512 input of 4096 channels, 16,384 1 × 1 filters) on its 32 × 32
 * output-stationary array with 64 KiB SRAMs: 8,192 row folds × 512 column folds = 4,194,304 folds, each alike. The
 * figures are derived by hand, not by the code: every fold reads a 32 × 4096 block of each operand (131,072 words),
 * more than a window of 50 sets of 655 words (32,750), so the window slides inside every fold and no word is still in
 * it when its block comes back; every request misses and is read from DRAM. The ofmap buffer (65,536 words) drains
 * 32,768 words in 1,024 cycles, far less than a fold of 4,158 cycles writing 1,024 words, so the array never stalls;
 * it writes every output once, plus the −1 padding SCALE-Sim counts for a line padded by a flush when that line is
 * not the last of its drain: at most 31 words a drain (lines of 32, at least one word each).
 */
class RepeatedFoldsTest {
    private static final long M = 512L * 512;
    private static final long K = 4096;
    private static final long N = 16384;

    @Test
    void llama3bFeedForwardLayerInClosedForm() {
        TopologyLayer layer = new TopologyLayer("llama3b_ffn_up", 512, 512, 1, 1, 4096, 16384, 1, 1);
        ScaleSimConfig config = ScaleSimConfig.calc("llama3b", 32, 32, 64, ScaleSimDataflow.OS);
        // generous: the folds repeat, so the run takes a few dozen of them, not 4.2 million
        ScaleSimLayerResult result = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> ScaleSimLayerRun.run(layer, config));
        long folds = (M / 32) * (N / 32);
        long rowsPerFold = K + 32 + 32 - 2;
        assertEquals(4_194_304L, folds);
        assertEquals(0, result.stallCycles());
        assertEquals(folds * rowsPerFold - 1, result.totalCycles());
        assertEquals((N / 32) * K * M, result.ifmapDram().count());
        assertEquals((M / 32) * K * N, result.filterDram().count());
        long drains = M * N / 32_768 + 1;
        long ofmapWrites = result.ofmapDram().count();
        assertTrue(ofmapWrites >= M * N && ofmapWrites <= M * N + 31 * drains, "ofmap DRAM writes " + ofmapWrites);
    }
}
