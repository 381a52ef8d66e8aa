package io.bitforge.memory.scalesim;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a double exactly as Python's {@code repr(float)} / {@code str(float)} does, so that the CSV reports of
 * the SCALE-Sim compatibility mode are byte-identical to SCALE-Sim's: the shortest decimal that reads back to
 * the same double, in positional notation with at least one fractional digit when the decimal exponent is in
 * [−4, 16), otherwise in scientific notation with a signed two-digit exponent ({@code 1e-05}, {@code 1.5e+16}).
 */
final class PythonFloats {
    private PythonFloats() {
    }

    static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        String sign = value < 0 ? "-" : "";
        BigDecimal exact = new BigDecimal(Math.abs(value));
        BigDecimal shortest = exact;
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == Math.abs(value)) {
                shortest = candidate;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int pointPosition = digits.length() - shortest.scale(); // digits before the decimal point
        int exponent = pointPosition - 1;
        if (exponent >= -4 && exponent < 16) {
            if (pointPosition <= 0) {
                return sign + "0." + "0".repeat(-pointPosition) + digits;
            }
            if (pointPosition >= digits.length()) {
                return sign + digits + "0".repeat(pointPosition - digits.length()) + ".0";
            }
            return sign + digits.substring(0, pointPosition) + "." + digits.substring(pointPosition);
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
