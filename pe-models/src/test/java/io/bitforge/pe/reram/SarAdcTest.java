package io.bitforge.pe.reram;

import io.bitforge.core.tech.TechNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SarAdcTest {
    @Test
    void adcBitsFollowIsaac() {
        // ceil(log2(128·(2^1−1)·(2^2−1) + 1)) = ceil(log2(385)) = 9; with flip encoding the cell sum is at most
        // floor(128·3/2) = 192, ceil(log2(193)) = 8 (ISAAC, ISCA 2016).
        ReramParams plain = ReramTestParams.of(128, 128, 2, 16, SignedWeights.OFFSET, false, 1, 16, 128, 8,
                AdcScheme.FULL);
        ReramParams flip = ReramTestParams.of(128, 128, 2, 16, SignedWeights.OFFSET, true, 1, 16, 128, 8,
                AdcScheme.FULL);
        assertEquals(9, plain.requiredAdcBits());
        assertEquals(8, flip.requiredAdcBits());
        // ISAAC's rule for v > 1 and w_c > 1: log2 R + v + w_c = 7 + 2 + 2 = 11 for 2-bit DACs
        ReramParams twoBitDac = ReramTestParams.of(128, 128, 2, 16, SignedWeights.OFFSET, false, 2, 16, 128, 8,
                AdcScheme.FULL);
        assertEquals(11, twoBitDac.requiredAdcBits());
        assertEquals(8, ReramTestParams.of(128, 128, 2, 16, SignedWeights.OFFSET, false, 1, 16, 128, 8,
                AdcScheme.FULL).slices(16));
    }

    @Test
    void fullConversionSaturatesAndRounds() {
        ReramParams p = ReramTestParams.of(16, 16, 2, 8, SignedWeights.OFFSET, false, 1, 8, 16, 4, AdcScheme.FULL);
        SarAdc adc = new SarAdc(p);
        assertEquals(15, adc.convert(AdcScheme.FULL, 40, 48).code(), "saturates at 2^4 − 1");
        assertEquals(5, adc.convert(AdcScheme.FULL, 4.6, 48).code(), "rounds to nearest");
        assertEquals(5, adc.convert(AdcScheme.FULL, 4.6, 48).cycles(), "4 bits + 1 sampling cycle");
    }

    @Test
    void twoIntervalCodingByHand() {
        // N = 8, t = 4, p = 2 (truncation): a column that can reach code 255 resolves all 8 bits when large.
        ReramParams p = new ReramParams(128, 128, 2, 8, SignedWeights.OFFSET, false, 1, 8, 128, 1, 8, false,
                AdcScheme.TWO_INTERVAL, 4, 2, false, java.util.OptionalDouble.empty(), 0.5, 1e5, 1.7e6, 10, 0, 1, 10,
                100);
        SarAdc adc = new SarAdc(p);
        // small: 10 < 16 -> exact, 1 sample + 1 interval decision + 4 bits = 6 cycles
        assertEquals(new SarAdc.Conversion(10, 10, 6), adc.convert(AdcScheme.TWO_INTERVAL, 10, 255));
        // large: 103 -> bits 7..2 only: 103 = 0b1100111 -> 0b1100100 = 100, 1 + 1 + (8 − 2) = 8 cycles
        assertEquals(new SarAdc.Conversion(100, 100, 8), adc.convert(AdcScheme.TWO_INTERVAL, 103, 255));
        // a column whose maximum is 12 never leaves the small interval: plain skipping, 4 bits + 1 = 5 cycles
        assertEquals(new SarAdc.Conversion(9, 9, 5), adc.convert(AdcScheme.TWO_INTERVAL, 9, 12));
        // with rounding 103/4 = 25.75 -> 26·4 = 104
        ReramParams rounding = new ReramParams(128, 128, 2, 8, SignedWeights.OFFSET, false, 1, 8, 128, 1, 8, false,
                AdcScheme.TWO_INTERVAL, 4, 2, true, java.util.OptionalDouble.empty(), 0.5, 1e5, 1.7e6, 10, 0, 1, 10,
                100);
        assertEquals(104, new SarAdc(rounding).convert(AdcScheme.TWO_INTERVAL, 103, 255).code());
    }

    @Test
    void neuroSimFitAt22nmByHand() {
        // SarADC.cpp LP 22 nm: P = (0.538·5 + 4.3753) µW + 0.072341·exp(−2.303·log10(R·0.5/V)); R = 10 kΩ, V = 0.5:
        // log10(1e4) = 4, exp(−9.212) = 1.000e-4·(e^{−0.0017..}) -> computed here from the same published numbers.
        double watts = (0.538 * 5 + 4.3753) * 1e-6 + 0.072341 * Math.exp(-2.303 * 4);
        // a 5-bit conversion takes log2(32) + 1 = 6 ns
        assertEquals(watts * 6e-9 * 1e12, NeuroSimSarFit.picojoulesPerConversion(TechNode.N22, 5, 1e4, 0.5, 6), 1e-12);
        // a 0.25 V read doubles the effective resistance: log10(2e4)
        double low = (0.538 * 5 + 4.3753) * 1e-6 + 0.072341 * Math.exp(-2.303 * Math.log10(2e4));
        assertEquals(low * 6e-9 * 1e12, NeuroSimSarFit.picojoulesPerConversion(TechNode.N22, 5, 1e4, 0.25, 6), 1e-12);
        assertEquals(false, NeuroSimSarFit.source(TechNode.N22).estimate());
        assertEquals(true, NeuroSimSarFit.source(TechNode.N28).estimate(), "28 nm uses the 32 nm fit, scaled");
    }
}
