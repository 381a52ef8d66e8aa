package io.bitforge.pe.reram;

/**
 * The SAR-ADC of a crossbar column, bit-exact: an ideal N-bit converter returns
 * {@code D = clamp(round(S/LSB), 0, 2^N−1)} (saturation above full scale), one bit decision per comparator cycle,
 * MSB first, plus one sampling cycle (NeuroSim {@code SarADC.cpp}: latency {@code (log2 L + 1)} cycles).
 *
 * <p>Skipping (DATE 2024 co-design, research notes §5.1): weights are static, so the largest code a column can
 * produce, {@code codeMax}, is known offline; conversion starts at bit {@code N_eff − 1} with
 * {@code N_eff = bitLength(codeMax)} and takes {@code N_eff + 1} cycles. As the result never exceeds
 * {@code codeMax} it equals the full conversion's (lossless). Two-interval coding spends one more comparison to
 * decide whether {@code D < 2^t}: if so t bits are resolved exactly, otherwise only the bits from {@code N_eff − 1}
 * down to p (the rest truncated or rounded). A column that cannot pass {@code 2^t} needs no interval decision.
 */
public final class SarAdc {
    private final ReramParams params;
    private final double lsbUnits;

    public SarAdc(ReramParams params) {
        this.params = params;
        this.lsbUnits = params.lsbUnits();
    }

    /** One conversion: the code (in LSBs), its value in unit cell currents and the comparator cycles spent. */
    public record Conversion(long code, double value, int cycles) {
    }

    /** The largest code a column whose largest reachable sum is {@code columnMaxSum} can produce. */
    public long codeMax(double columnMaxSum) {
        return quantise(columnMaxSum);
    }

    /** Bits resolved when skipping for a column with this code maximum (0 for an all-zero column). */
    public int effectiveBits(long codeMax) {
        return Math.min(params.adcBits(), 64 - Long.numberOfLeadingZeros(codeMax));
    }

    private long quantise(double sum) {
        long code = Math.round(sum / lsbUnits);
        return Math.max(0, Math.min(params.maxCode(), code));
    }

    /** The ideal converter's code for an analog sum: round(S/LSB) clamped to 0 .. 2^N−1. */
    public long code(double sum) {
        return quantise(sum);
    }

    /** Two-interval rounding's coarse code: S/LSB rounded to the nearest multiple of 2^p (before clamping). */
    public long roundedCode(double sum) {
        int p = params.truncatedBits();
        return Math.round(sum / lsbUnits / (1L << p)) << p;
    }

    /** Converts an analog sum (in unit cell currents) with {@code scheme}, for a column of code maximum given. */
    public Conversion convert(AdcScheme scheme, double sum, long codeMax) {
        long full = quantise(sum);
        if (scheme == AdcScheme.FULL) {
            return new Conversion(full, full * lsbUnits, params.fullConversionCycles());
        }
        int effective = effectiveBits(codeMax);
        // With noise an analog sum may pass the offline maximum; the shortened SAR then saturates at 2^N_eff − 1.
        long skipped = Math.min(full, (1L << effective) - 1);
        int t = params.intervalBits();
        if (scheme == AdcScheme.SKIP || effective <= t) {
            return new Conversion(skipped, skipped * lsbUnits, effective + 1);
        }
        if (skipped < (1L << t)) {
            return new Conversion(skipped, skipped * lsbUnits, 1 + 1 + t);
        }
        int p = params.truncatedBits();
        long high;
        if (params.intervalRounding() && p > 0) {
            // a half-LSB offset added before the coarse search rounds to the nearest multiple of 2^p
            long rounded = roundedCode(sum);
            high = Math.min(rounded, ((1L << effective) - 1) >> p << p);
            high = Math.max(high, 1L << t);
        } else {
            high = skipped >> p << p;
        }
        return new Conversion(high, high * lsbUnits, 1 + 1 + (effective - p));
    }
}
