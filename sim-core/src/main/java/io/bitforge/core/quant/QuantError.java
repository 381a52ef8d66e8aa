package io.bitforge.core.quant;

/**
 * Error of a quantised tensor against the original: mean squared error, signal-to-quantisation-noise ratio
 * 10·log10(Σx² / Σ(x−x̂)²) in dB (+∞ when exact), and the largest absolute error.
 */
public record QuantError(long count, double mse, double sqnrDecibels, double maxAbsError) {
    /** The error of {@code quantized} against {@code original}, element by element. */
    public static QuantError of(float[] original, float[] quantized) {
        if (original.length != quantized.length) {
            throw new IllegalArgumentException("lengths differ: " + original.length + " vs " + quantized.length);
        }
        ErrorAccumulator acc = new ErrorAccumulator();
        acc.add(original, quantized, 0, original.length);
        return acc.result();
    }
}
