package io.bitforge.workloads.tensors;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class SyntheticTensorsTest {
    @Test
    void sameSeedSameValuesOtherSeedOtherValues() {
        assertArrayEquals(SyntheticTensors.gaussian(8, 16, 5), SyntheticTensors.gaussian(8, 16, 5));
        assertFalse(java.util.Arrays.equals(SyntheticTensors.gaussian(8, 16, 5), SyntheticTensors.gaussian(8, 16, 6)));
    }

    @Test
    void gaussianHasTheStatedSpread() {
        float[] w = SyntheticTensors.gaussian(256, 1024, 1);
        double sum = 0;
        double squares = 0;
        for (float v : w) {
            sum += v;
            squares += v * v;
        }
        // 262,144 samples: the sample mean is within a few σ/√n = 0.02/512 of 0, the std within ~0.2% of 0.02.
        assertEquals(0, sum / w.length, 4 * 0.02 / 512);
        assertEquals(0.02, Math.sqrt(squares / w.length), 0.02 * 0.01);
    }

    @Test
    void llmOutliersScaleAboutTwentyOf4096Channels() {
        // 0.5% of 4096 = 20.48 → 20 channels, each 20× the others.
        int[] channels = SyntheticTensors.outlierChannels(4096, 9, 0.005);
        assertEquals(20, channels.length);
        float[] plain = SyntheticTensors.gaussian(4, 4096, 9);
        float[] outliers = SyntheticTensors.llmOutliers(4, 4096, 9, 0.005, 20);
        int scaled = 0;
        for (int c = 0; c < 4096; c++) {
            boolean isOutlier = java.util.Arrays.binarySearch(channels, c) >= 0;
            for (int r = 0; r < 4; r++) {
                float expected = isOutlier ? plain[r * 4096 + c] * 20f : plain[r * 4096 + c];
                assertEquals(expected, outliers[r * 4096 + c]);
            }
            scaled += isOutlier ? 1 : 0;
        }
        assertEquals(20, scaled);
        assertEquals(1, SyntheticTensors.outlierChannels(10, 1, 0.001).length, "a positive fraction keeps one");
        assertEquals(0, SyntheticTensors.outlierChannels(10, 1, 0).length);
    }
}
