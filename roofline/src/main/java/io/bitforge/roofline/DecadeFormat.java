package io.bitforge.roofline;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * Formats a decade exponent n (the tick value of an axis over log10) as "10" with a superscript integer
 * exponent in Unicode: 10⁻¹, 10⁰, 10¹⁵.
 */
final class DecadeFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private static final char[] SUPERSCRIPT_DIGITS = {'⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'};

    /** The label of 10^exponent; {@code exponent} is rounded to the nearest integer. */
    static String label(double exponentValue) {
        long exponent = Math.round(exponentValue);
        StringBuilder out = new StringBuilder("10");
        if (exponent < 0) {
            out.append('⁻');
        }
        for (char digit : Long.toString(Math.abs(exponent)).toCharArray()) {
            out.append(SUPERSCRIPT_DIGITS[digit - '0']);
        }
        return out.toString();
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(label(number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(label(number));
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        throw new UnsupportedOperationException("decade labels are for display only");
    }
}
