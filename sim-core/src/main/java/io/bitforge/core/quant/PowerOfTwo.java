package io.bitforge.core.quant;

/**
 * Rounding a scale to a sum of signed powers of two, as ShiftAddLLM's additive_power_of_2 does
 * (GATECH-EIC/ShiftAddLLM, quantizers/bcq_quant/bcq_shift.py): each term is ±2^round(log2 |remaining difference|).
 */
public final class PowerOfTwo {
    private PowerOfTwo() {
    }

    /** {@code value} as a sum of at most {@code terms} signed powers of two (0 stays 0). */
    public static double roundToSum(double value, int terms) {
        double sum = 0;
        for (int t = 0; t < terms; t++) {
            double difference = value - sum;
            if (difference == 0 || !Double.isFinite(difference)) {
                break;
            }
            // torch.round, which the reference uses, rounds half to even, as Math.rint does.
            long exponent = (long) Math.rint(Math.log(Math.abs(difference)) / Math.log(2));
            sum += Math.copySign(Math.scalb(1.0, (int) exponent), difference);
        }
        return sum;
    }
}
