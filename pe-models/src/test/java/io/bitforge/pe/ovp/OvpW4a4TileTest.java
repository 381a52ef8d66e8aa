package io.bitforge.pe.ovp;

import io.bitforge.core.arith.Bits;
import io.bitforge.core.format.OvpFormat;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OvpW4a4TileTest {

    @Test
    void largestPairProductsByHand() {
        // int4: outliers up to 96, normals up to 7: max(96*96, 96*7, 7*96, 2*7*7) = 9216.
        assertEquals(9216, tile(OvpFormat.Normal.INT4, OvpFormat.Normal.INT4).maxPairProductMagnitude());
        // flint4: outliers up to 192, normals up to 16: max(192*192, 192*16, 16*192, 2*16*16) = 36864.
        assertEquals(36864, tile(OvpFormat.Normal.FLINT4, OvpFormat.Normal.FLINT4).maxPairProductMagnitude());
        // int8: outliers up to 63 << 5 = 2016: 2016^2 = 4064256.
        assertEquals(4_064_256, tile(OvpFormat.Normal.INT8, OvpFormat.Normal.INT8).maxPairProductMagnitude());
        // int8 weights x int4 activations: max(2016*96, 2016*7, 127*96, 2*127*7) = 193536.
        assertEquals(193_536, tile(OvpFormat.Normal.INT8, OvpFormat.Normal.INT4).maxPairProductMagnitude());
    }

    @Test
    void accumulatorWidthByHand() {
        OvpW4a4Tile int4 = tile(OvpFormat.Normal.INT4, OvpFormat.Normal.INT4);
        // K = 4096: 2048 pairs x 9216 = 18,874,368; 2^24 = 16,777,216 < that < 2^25: 25 bits + sign = 26.
        assertEquals(26, int4.accumulatorBits(4096));
        // K = 2: 9216 < 2^14 = 16384 -> 14 + 1 = 15 bits.
        assertEquals(15, int4.accumulatorBits(2));
    }

    /**
     * The worst case reaches the derived width: every activation and weight pair holds +96 in the even slot
     * (code 0111 beside the marker 1000), K = 4096: 2048 x 96 x 96 = 18,874,368, which needs all 26 bits (a
     * 25-bit accumulator would wrap).
     */
    @Test
    void worstCaseTileFillsTheAccumulator() {
        OvpW4a4Tile int4 = tile(OvpFormat.Normal.INT4, OvpFormat.Normal.INT4);
        int k = 4096;
        int[] codes = new int[k];
        for (int i = 0; i < k; i += 2) {
            codes[i] = 0b0111;
            codes[i + 1] = 0b1000;
        }
        long[] out = int4.accumulate(codes, codes, 1, k, 1);
        assertEquals(18_874_368L, out[0]);
        assertTrue(Bits.fits(18_874_368L, 26, true));
        assertFalse(Bits.fits(18_874_368L, 25, true), "a 25-bit accumulator would wrap");
        // negating one operand gives the most negative sum
        int[] negative = Arrays.copyOf(codes, k);
        for (int i = 0; i < k; i += 2) {
            negative[i] = 0b1111;
        }
        assertEquals(-18_874_368L, int4.accumulate(negative, codes, 1, k, 1)[0]);
    }

    /** The random tiles of the property hold outlier pairs in both operands (checked here for one seed). */
    @Test
    void heavyTailedTilesHoldOutliers() {
        OvpParams params = OvpParams.w4a4(OvpFormat.Normal.INT4, OvpFormat.Normal.INT4);
        java.util.Random random = new java.util.Random(7);
        var weights = io.bitforge.core.quant.Quantizer.builder(params.weightFormat()).build()
                .quantize(OvpW4a4Properties.heavyTailed(4 * 128, random), 4, 128);
        var activations = io.bitforge.core.quant.Quantizer.builder(params.activationFormat())
                .granularity(io.bitforge.core.quant.Granularity.TENSOR).build()
                .quantize(OvpW4a4Properties.heavyTailed(4 * 128, random), 4, 128);
        assertTrue(weights.outlierPairs() > 0, "weight outlier pairs");
        assertTrue(activations.outlierPairs() > 0, "activation outlier pairs");
    }

    @Test
    void oddReductionOrReservedPairsAreRejected() {
        OvpW4a4Tile int4 = tile(OvpFormat.Normal.INT4, OvpFormat.Normal.INT4);
        assertThrows(IllegalArgumentException.class, () -> int4.accumulate(new int[3], new int[3], 1, 3, 1));
        // (1000, 0000) is reserved: never produced by the encoder.
        assertThrows(IllegalArgumentException.class, () -> int4.accumulate(new int[] {0b1000, 0}, new int[2], 1, 2,
                1));
    }

    private static OvpW4a4Tile tile(OvpFormat.Normal weights, OvpFormat.Normal activations) {
        return new OvpW4a4Tile(OvpParams.w4a4(weights, activations));
    }
}
