package io.bitforge.core.quant;

import io.bitforge.core.format.BcqFormat;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.format.OvpFormat;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-derived quantisation cases; the arithmetic is in the comments. */
class QuantizerTest {
    @Test
    void perChannelInt4RoundsTiesToTheLowerValue() {
        // Row 0: absmax 7 → scale 7/7 = 1; 3.5 is a tie → 3; −2.5 → −3 (the lower value).
        // Row 1: absmax 14 → scale 2; 5/2 = 2.5 → 2 → 4; 1/2 = 0.5 → 0.
        float[] x = {1, -2.5f, 3.5f, 7, 14, 5, 1, -3};
        QuantizedTensor q = Quantizer.builder(NumberFormats.parse("int4")).build().quantize(x, 2, 4);
        assertArrayEquals(new float[] {1, -3, 3, 7, 14, 4, 0, -4}, q.dequantize());
        assertArrayEquals(new double[] {1, 2}, q.scales());
        // 4 bits + one 16-bit scale per 4-value row = 4 + 16/4 = 8 bits per value.
        assertEquals(8.0, q.bitsPerElement());
    }

    @Test
    void perGroupUsesOneScalePerGroupAlongTheRow() {
        // Groups of 2: [1, 2] scale 2/7, [70, -7] scale 10. 1/(2/7) = 3.5 → 3 → 6/7.
        float[] x = {1, 2, 70, -7};
        QuantizedTensor q = Quantizer.builder(NumberFormats.parse("int4")).groupSize(2).build().quantize(x, 1, 4);
        assertEquals(2, q.layout().groupCount());
        float[] y = q.dequantize();
        assertEquals(6 / 7.0, y[0], 1e-6);
        assertEquals(2.0, y[1], 1e-6);
        assertEquals(70.0, y[2], 1e-5);
        assertEquals(-10.0, y[3], 1e-5, "−7/10 = −0.7 → −1 → −10");
    }

    @Test
    void asymmetricUnsignedMapsMinAndMaxOntoTheGrid() {
        // uint4 over [0, 3]: scale 3/15 = 0.2, zero point 0 − 0/0.2 = 0; 1.5/0.2 = 7.5 ties to 7 → 1.4.
        // Over [−1, 2]: scale 0.2, zero point round(0 + 1/0.2) = 5; 0 → 5 → exact.
        float[] x = {0, 1.5f, 3, -1, 0, 2};
        QuantizedTensor q = Quantizer.builder(NumberFormats.parse("uint4")).build().quantize(x, 2, 3);
        float[] y = q.dequantize();
        assertEquals(1.4, y[1], 1e-6);
        assertEquals(0.0, y[4], 1e-6);
        assertArrayEquals(new double[] {0, 5}, q.zeroPoints());
        // 4 + (16-bit scale + 4-bit zero point)/3 values
        assertEquals(4 + 20 / 3.0, q.bitsPerElement(), 1e-12);
    }

    @Test
    void bitmodMixturePicksTheVariantWithTheLeastSquaredError() {
        // [−16, 1, 2, 3]: EA− (grid down to −16) with scale 16/16 = 1 represents all four exactly; ER+ (max 12)
        // needs scale 16/12 and misses 1, 2, 3. The four candidates are ER+, ER−, EA+, EA− in BitMoD's order.
        // [12, 1, 2, 3]: ER+ with scale 1 is exact and comes first among the exact ones (ER−, EA− also hold 12 at
        // scale 1; EA+ would use scale 12/16) — an equal error keeps the earlier candidate.
        float[] x = {-16, 1, 2, 3, 12, 1, 2, 3};
        QuantizedTensor q = Quantizer.builder(NumberFormats.BITMOD_MIX4).groupSize(4).build().quantize(x, 1, 8);
        assertArrayEquals(new byte[] {3, 0}, q.choices());
        assertArrayEquals(x, q.dequantize());
        // 4 bits + (16-bit scale + 2-bit selector)/4
        assertEquals(4 + 18 / 4.0, q.bitsPerElement());
    }

    @Test
    void bcqFitsScalesByLeastSquares() {
        // One plane on [1, −1, 3, −3]: b = sign, α = mean|x| = 2 (the least-squares α for b = sign(x)).
        QuantizedTensor one = Quantizer.builder(BcqFormat.of(1, false)).build().quantize(new float[] {1, -1, 3, -3}, 1, 4);
        assertArrayEquals(new double[] {2}, one.scales(), 1e-12);
        assertArrayEquals(new float[] {2, -2, 2, -2}, one.dequantize());
        // Two planes on values of {±2 ± 1}: α = (2, 1) reproduces them exactly.
        float[] x = {3, 1, -1, -3, 3, -3, 1, -1};
        QuantizedTensor two = Quantizer.builder(BcqFormat.of(2, false)).build().quantize(x, 1, 8);
        assertArrayEquals(new double[] {2, 1}, two.scales(), 1e-9);
        assertArrayEquals(x, two.dequantize(), 1e-6f);
        // 2 planes + two 16-bit scales per 8 values = 2 + 32/8
        assertEquals(6.0, two.bitsPerElement());
    }

    @Test
    void powerOfTwoScalesAreSumsOfSignedPowers() {
        // 0.7: 2^round(log2 0.7 = −0.51) = 0.5; rest 0.2: 2^round(−2.32) = 0.25 → 0.75; rest −0.05: −2^round(−4.32)
        // = −0.0625 → 0.6875.
        assertEquals(0.5, PowerOfTwo.roundToSum(0.7, 1));
        assertEquals(0.75, PowerOfTwo.roundToSum(0.7, 2));
        assertEquals(0.6875, PowerOfTwo.roundToSum(0.7, 3));
        assertEquals(0.0, PowerOfTwo.roundToSum(0.0, 3));
        float[] x = {0.7f, -0.7f, 0.69f, -0.71f};
        QuantizedTensor q = Quantizer.builder(BcqFormat.of(1, true)).method(QuantMethod.BITFORGE).build()
                .quantize(x, 1, 4);
        assertEquals(0.6875, q.scales()[0], 1e-12, "mean|x| = 0.7 rounded to three powers of two");
        // ShiftAddLLM refines (and so rounds) only when q > 1 (bcq_shift.py: `if rounds > 0 and qbits > 1`).
        QuantizedTensor paper = Quantizer.builder(BcqFormat.of(1, true)).build().quantize(x, 1, 4);
        assertEquals(0.7, paper.scales()[0], 1e-7, "one plane keeps the greedy mean|x|");
    }

    @Test
    void ternaryUsesTheAbsmeanScale() {
        // mean|x| = (0.1 + 0.5 + 1.0 + 0.4)/4 = 0.5; x/0.5 = 0.2, −1, 2, 0.8 → 0, −1, +1 (clipped), +1.
        QuantizedTensor q = Quantizer.builder(NumberFormats.TERNARY).build().quantize(new float[] {0.1f, -0.5f, 1, 0.4f}, 1, 4);
        assertEquals(0.5, q.scales()[0], 1e-7);
        assertArrayEquals(new float[] {0, -0.5f, 0.5f, 0.5f}, q.dequantize(), 1e-6f);
    }

    @Test
    void ovpKeepsTheOutlierAndPrunesItsNeighbour() {
        // Fifteen values in ±3 and 48 in the odd slot 5: rms = sqrt((57 + 48²)/16) ≈ 12.1, so the searched α
        // (normal max 7 ↦ α) spans 0.75·36.4 = 27.3 .. 91. 48 is an outlier when 48/(α/7) > 9.5 (midway between
        // 7 and 12), i.e. α < 35.4; the least-squares choice keeps the ±3 values fine with such a small α, sends 48
        // to the abfloat grid and prunes its even neighbour (slot 4).
        float[] x = {1, -2, 3, -1, 2, 48, 1, 2, -3, 1, 2, -1, 3, -2, 1, 2};
        QuantizedTensor q = Quantizer.builder(NumberFormats.OVP_INT4).build().quantize(x, 1, 16);
        OvpFormat f = NumberFormats.OVP_INT4;
        float[] y = q.dequantize();
        assertEquals(1, q.outlierPairs(), "scale " + q.scales()[0]);
        assertEquals(f.victimMarker(), q.code(4), "the even neighbour of the outlier is the victim");
        assertEquals(0.0f, y[4]);
        assertEquals(48.0, y[5], 48 * 0.15, "the outlier survives within the abfloat grid's spacing");
        // Against plain per-channel sm-int4 (absmax 48 → scale 48/7 ≈ 6.9 wipes out the small values), OVP wins.
        QuantizedTensor plain = Quantizer.builder(NumberFormats.parse("sm-int4")).build().quantize(x, 1, 16);
        assertTrue(QuantError.of(x, y).mse() < QuantError.of(x, plain.dequantize()).mse());
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Quantizer.builder(NumberFormats.OVP_INT4).groupSize(3).build());
        assertThrows(IllegalArgumentException.class,
                () -> Quantizer.builder(NumberFormats.BITMOD_MIX4).symmetric(false).build());
        Quantizer q = Quantizer.builder(NumberFormats.parse("int8")).build();
        assertThrows(IllegalArgumentException.class, () -> q.quantize(new float[] {Float.NaN, 1}, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> q.quantize(new float[3], 1, 2));
    }

    @Test
    void allZeroGroupsQuantiseToZero() {
        QuantizedTensor q = Quantizer.builder(NumberFormats.FP4_E2M1).build().quantize(new float[4], 2, 2);
        assertArrayEquals(new float[4], q.dequantize());
        assertTrue(QuantError.of(new float[4], q.dequantize()).mse() == 0);
    }

    @Test
    void errorStatistics() {
        // errors 0 and 1: MSE 1/2; SQNR 10·log10((1 + 4)/1) = 6.9897 dB; max 1.
        QuantError e = QuantError.of(new float[] {1, 2}, new float[] {1, 1});
        assertEquals(0.5, e.mse());
        assertEquals(10 * Math.log10(5), e.sqnrDecibels(), 1e-12);
        assertEquals(1.0, e.maxAbsError());
        assertEquals(Double.POSITIVE_INFINITY, QuantError.of(new float[] {1}, new float[] {1}).sqnrDecibels());
    }
}
