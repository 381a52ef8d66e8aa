package io.bitforge.core.quant;

/**
 * Sums for {@link QuantError} over a stream of blocks, so a large tensor can be measured block by block.
 * Not thread-safe; one per stream.
 */
public final class ErrorAccumulator {
    private long count;
    private double signalEnergy;
    private double noiseEnergy;
    private double maxAbsError;

    /** Adds elements {@code from .. to−1}. */
    public ErrorAccumulator add(float[] original, float[] quantized, int from, int to) {
        for (int i = from; i < to; i++) {
            double x = original[i];
            double e = x - quantized[i];
            signalEnergy += x * x;
            noiseEnergy += e * e;
            maxAbsError = Math.max(maxAbsError, Math.abs(e));
        }
        count += to - from;
        return this;
    }

    /** Adds another accumulator's sums. */
    public ErrorAccumulator add(ErrorAccumulator other) {
        count += other.count;
        signalEnergy += other.signalEnergy;
        noiseEnergy += other.noiseEnergy;
        maxAbsError = Math.max(maxAbsError, other.maxAbsError);
        return this;
    }

    public QuantError result() {
        double mse = count == 0 ? 0 : noiseEnergy / count;
        double sqnr = noiseEnergy == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(signalEnergy / noiseEnergy);
        return new QuantError(count, mse, sqnr, maxAbsError);
    }
}
