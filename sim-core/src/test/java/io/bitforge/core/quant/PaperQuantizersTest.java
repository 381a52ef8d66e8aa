package io.bitforge.core.quant;

import io.bitforge.core.arith.Rounding;
import io.bitforge.core.format.BcqFormat;
import io.bitforge.core.format.NumberFormat;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.format.OvpFormat;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-derived cases of the paper quantisers (QuantMethod.PAPER) against BitForge's own (QuantMethod.BITFORGE):
 * tie rules, the searches' candidate sets, a spike in a group and all-zero groups.
 */
class PaperQuantizersTest {
    @Test
    void antSendsATieToTheUpperValueAndBitForgeToTheLower() {
        // quant_kernel.cu keeps the last grid value with sub_v <= sub_min over the ascending grid. With absmax 16
        // the flint4 scale is 1, so 5 lies halfway between 4 and 6 and −5 halfway between −6 and −4.
        float[] x = {16, 5, -5, 0};
        Quantizer.Builder paper = Quantizer.builder(NumberFormats.FLINT4).scaleRule(ScaleRule.ABSMAX);
        assertArrayEquals(new float[] {16, 6, -4, 0}, paper.build().quantize(x, 1, 4).dequantize());
        Quantizer bitforge = Quantizer.builder(NumberFormats.FLINT4).method(QuantMethod.BITFORGE).build();
        assertEquals(ScaleRule.ABSMAX, bitforge.scaleRule());
        assertArrayEquals(new float[] {16, 4, -6, 0}, bitforge.quantize(x, 1, 4).dequantize());
    }

    @Test
    void antSearchesSeventyFiveClippingRatiosAndKeepsTheFirstBest() {
        // Every value on the flint4 grid at scale 1 (absmax 16): ratio 1.00 is exact. Ratios 0.75..0.99 clip 16
        // (16/s > 16) and so err; 1.00 is the first zero-error candidate and must be kept over 1.01..1.49.
        float[] x = {16, 8, -3, 1, 0, -6, 2, 4};
        QuantizedTensor q = Quantizer.builder(NumberFormats.FLINT4).build().quantize(x, 1, 8);
        assertEquals(1.0, q.scales()[0], 1e-12);
        assertArrayEquals(x, q.dequantize());
        // A spike clipped: pot4 {0, ±1, …, ±64}, x = [100, 48, …]. At ratio r the scale is 100r/64; no r ≤ 1.49
        // reaches 100 without clipping at r < 1, and r = 0.96 puts 48 and 100·… on levels: s = 1.5 → 48/1.5 = 32,
        // 100/1.5 = 66.7 → 64 (error 4²), 3/1.5 = 2 exact. r = 1.00 (s = 1.5625): 48/s = 30.7 → 32 (error 2²),
        // 3/s = 1.92 → 2 (error 0.125²), 100 → 64 exact: 4.0156 < 16, so clipping loses here; the search picks the
        // least error among the 75 ratios, which brute force below recomputes independently.
        float[] y = {100, 48, 3, -3, 48, -48, 3, 0};
        QuantizedTensor p = Quantizer.builder(NumberFormats.POT4).build().quantize(y, 1, 8);
        double best = Double.POSITIVE_INFINITY;
        double bestScale = 0;
        double[] pot = {-64, -32, -16, -8, -4, -2, -1, 0, 1, 2, 4, 8, 16, 32, 64};
        for (int i = 75; i < 150; i++) {
            double s = 100 * (i * 0.01) / 64;
            double error = 0;
            for (float v : y) {
                double nearest = pot[0];
                for (double level : pot) {
                    if (Math.abs(v / s - level) <= Math.abs(v / s - nearest)) {
                        nearest = level;
                    }
                }
                error += (v - s * nearest) * (v - s * nearest);
            }
            if (error < best) {
                best = error;
                bestScale = s;
            }
        }
        assertEquals(bestScale, p.scales()[0], 1e-12);
    }

    @Test
    void oliveBoundsByThreeSigmaAndSearchesInTwoPercentSteps() {
        // Row of ±1 (8 values, mean 0, unbiased σ = sqrt(8/7)): bound b = 3σ. Candidates b·i/100, i = 75, 77 … 149.
        double[] maxima = OvpGroupQuantizer.sigmaMaxima(new float[] {1, -1, 1, -1, 1, -1, 1, -1}, 0, 8);
        assertEquals(38, maxima.length);
        double bound = 3 * Math.sqrt(8.0 / 7);
        assertEquals(bound * 0.75, maxima[0], 1e-12);
        assertEquals(bound * 1.49, maxima[37], 1e-12);
        // A shifted row: mean 10, σ = 0 → b = max(|10 + 0|, |10 − 0|) = 10.
        assertEquals(7.5, OvpGroupQuantizer.sigmaMaxima(new float[] {10, 10, 10, 10}, 0, 4)[0], 1e-12);
    }

    @Test
    void oliveGivesANegativeBoundaryTieToTheOutlier() {
        // ovp-int4 in int4 units: normals ±7, smallest outliers ±12; OliVe's kernel lists normals then outliers and
        // keeps the last of equal distance, so 9.5 → 12 (the upper value) and −9.5 → −12 (the later-listed outlier).
        OvpFormat f = NumberFormats.OVP_INT4;
        assertArrayEquals(new double[] {12, 0}, f.decodePair(f.encodePair(9.5, 0, Rounding.HALF_UP)));
        assertArrayEquals(new double[] {-12, 0}, f.decodePair(f.encodePair(-9.5, 0, Rounding.HALF_UP)));
        assertArrayEquals(new double[] {0, -12}, f.decodePair(f.encodePair(3, -9.5, Rounding.HALF_UP)));
        // Inside the normal range a tie goes up: −2.5 → −2, 2.5 → 3.
        assertArrayEquals(new double[] {-2, 3}, f.decodePair(f.encodePair(-2.5, 2.5, Rounding.HALF_UP)));
    }

    @Test
    void shiftAddLlmKeepsASpikeInAGroupExactly() {
        // Two planes on [8, 1, −1, 1, −1, 1, −1, 1]. Greedy: α0 = mean|x| = 15/8, b0 = sign x; residual
        // [6.125, ∓0.875 …], α1 = 12.25/8, b1 = [+, −, +, −, +, −, +, −]. Least squares on these planes:
        // BᵀB = [[8, −6], [−6, 8]], Bᵀx = [15, 1] → α = (126/28, 98/28) = (4.5, 3.5), whose levels
        // {−8, −1, 1, 8} hold every value: the spike is kept exactly and later rounds change nothing.
        float[] x = {8, 1, -1, 1, -1, 1, -1, 1};
        QuantizedTensor paper = Quantizer.builder(BcqFormat.of(2, false)).build().quantize(x, 1, 8);
        assertArrayEquals(new double[] {4.5, 3.5}, paper.scales(), 1e-5);
        assertArrayEquals(x, paper.dequantize(), 1e-5f);
    }

    @Test
    void shiftAddLlmTiesGoUp() {
        // [3, 1, −1, −3] ×2: greedy α0 = 2, residual ±1, α1 = 1; the levels −3, −1, 1, 3 hold every value.
        // Under those scales 0 lies halfway between −1 and 1, 2 between 1 and 3, −2 between −3 and −1: find_B_torch
        // moves right unless x < the midpoint, so each goes up; 4 saturates to 3.
        float[] x = {3, 1, -1, -3, 3, 1, -1, -3};
        QuantizedTensor q = Quantizer.builder(BcqFormat.of(2, false)).build().quantize(x, 1, 8);
        assertArrayEquals(new double[] {2, 1}, q.scales(), 1e-6);
        float[] ties = {0, 2, -2, 4};
        float[] again = q.requantize(new float[] {0, 2, -2, 4, 3, 1, -1, -3}).dequantize();
        assertArrayEquals(new float[] {1, 3, -1, 3}, java.util.Arrays.copyOf(again, ties.length), 1e-6f);
    }

    @Test
    void allZeroGroupsStayZeroUnderEveryPaperMethod() {
        float[] x = new float[16];
        x[9] = 0.5f; // second group of 8 is not all zero
        for (NumberFormat f : new NumberFormat[] {NumberFormats.FLINT4, NumberFormats.POT4, NumberFormats.OVP_INT4,
                NumberFormats.OVP_FLINT4, NumberFormats.OVP_INT8, BcqFormat.of(2, false), BcqFormat.of(3, true),
                BcqFormat.of(1, false)}) {
            float[] y = Quantizer.builder(f).groupSize(8).build().quantize(x, 1, 16).dequantize();
            for (int i = 0; i < 8; i++) {
                assertEquals(0f, y[i], f.id() + " index " + i);
            }
            for (float v : y) {
                assertTrue(Float.isFinite(v), f.id());
            }
        }
    }

    @Test
    void antChoosesTheTypeWhoseGridHoldsTheTensor() {
        // Rows whose values lie on the pot4 grid {0, ±1, ±2, …, ±64} (absmax 64, ratio 1.00 gives scale 1): pot4 is
        // exact; int4 (±7 steps of 64/7) and flint4 (up to 16 = 64 at scale 4, no 32) are not.
        float[] pot = {64, -32, 16, 1, -2, 4, 8, 0, -64, 32, -16, -1, 2, -4, -8, 1};
        AntTypeSelection.Choice p = AntTypeSelection.choose(pot, 2, 8, Granularity.CHANNEL, 0);
        assertEquals("pot4", p.format().id());
        assertEquals(0.0, p.summedMeanSquaredErrors().get("pot4"), 1e-12);
        // Integers −7..7 with absmax 7: int4 at scale 1 is exact; pot4 lacks 3, 5, 6, 7 and flint4 lacks 5 and 7.
        float[] ints = {7, -6, 5, -4, 3, -2, 1, 0, -7, 6, -5, 4, -3, 2, -1, 0};
        AntTypeSelection.Choice i = AntTypeSelection.choose(ints, 2, 8, Granularity.CHANNEL, 0);
        assertEquals("int4", i.format().id());
        assertTrue(i.summedMeanSquaredErrors().get("flint4") > 0);
    }

    @Test
    void formatAnt4QuantisesWithTheChosenTypeAndHoldsIt() {
        // The pot4-grid rows above: ant4 chooses pot4 and gives every value back exactly.
        float[] pot = {64, -32, 16, 1, -2, 4, 8, 0, -64, 32, -16, -1, 2, -4, -8, 1};
        Quantizer ant = Quantizer.builder(NumberFormats.parse("ant4")).build();
        QuantizedTensor q = ant.quantize(pot, 2, 8);
        assertEquals("pot4", q.format().id());
        assertArrayEquals(pot, q.dequantize());
        // One type per tensor, not per row: row 0 on the int4 grid (7..-7), row 1 on the pot4 grid. Per row both
        // would be exact; one type for both leaves an error, the same as choose() over the whole tensor reports.
        float[] mixed = {7, -6, 5, -4, 3, -2, 1, 0, 64, -32, 16, 1, -2, 4, 8, 0};
        AntTypeSelection.Choice c = AntTypeSelection.choose(mixed, 2, 8, Granularity.CHANNEL, 0);
        QuantizedTensor m = ant.quantize(mixed, 2, 8);
        assertEquals(c.format(), m.format());
        assertTrue(c.summedMeanSquaredErrors().get(c.format().id()) > 0);
        assertArrayEquals(c.tensor().dequantize(), m.dequantize());
    }
}
