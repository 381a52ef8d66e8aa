package io.bitforge.memory.scalesim;

/**
 * Adds one double to a running sum many times, left to right, with the result of doing it one addition at a time
 * (SCALE-Sim sums per-fold figures with Python's sum(), so its averages carry the rounding of every step), in a few
 * steps per binade instead of one per addition. While the sum stays in one binade [2^e, 2^(e+1)) its values lie on a
 * grid of one ulp u, so each addition adds the same grid step, v rounded to a multiple of u, unless v/u ends in
 * exactly one half (then round-half-to-even depends on the sum, and those additions go one at a time); the steps
 * that keep the sum in the binade are taken at once, the one that leaves it by a real addition.
 */
final class RepeatedSum {
    private RepeatedSum() {
    }

    /** {@code sum + value + value + ...} ({@code times} additions, in order), for finite sum, value ≥ 0. */
    static double add(double sum, double value, long times) {
        if (!(sum >= 0) || !(value >= 0) || Double.isInfinite(sum) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("sum and value must be finite and non-negative: " + sum + ", " + value);
        }
        long left = times;
        while (left > 0) {
            if (value == 0) {
                return sum;
            }
            if (sum == 0 || sum < Double.MIN_NORMAL) {
                sum += value;
                left--;
                continue;
            }
            double ulp = Math.ulp(sum);
            double top = Math.scalb(1.0, Math.getExponent(sum) + 1);
            double units = value / ulp; // exact: ulp is a power of two and the quotient a normal double here
            if (units >= 0x1p52 || units - Math.floor(units) == 0.5) {
                sum += value; // a step that leaves the binade at once, or a tie: one real addition
                left--;
                continue;
            }
            long step = (long) Math.rint(units); // v rounded to the grid (never a tie here)
            long room = (long) ((top - sum) / ulp); // grid points from the sum up to the binade's top
            long steps = step == 0 ? left : Math.min(left, (room - 1) / step);
            if (steps == 0) {
                sum += value;
                left--;
                continue;
            }
            sum += (steps * step) * ulp; // exact: a grid point below the top
            left -= steps;
        }
        return sum;
    }
}
