package io.bitforge.core.format;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The integer families' ids ({@code int{N}}, {@code sm-int{N}}, {@code uint{N}}), parsed without touching
 * {@link NumberFormats}, whose named constants build value tables when it initialises: a run that only names
 * integer formats (a plain {@code --quant W8A8}) builds none of them.
 */
public final class IntFormatIds {
    private static final Pattern WIDTH_FAMILY = Pattern.compile("(int|sm-int|uint)([0-9]{1,2})");

    private IntFormatIds() {
    }

    /** The integer format this id names, or empty when it names none (unknown, or a width out of range). */
    public static Optional<IntFormat> parse(String id) {
        Matcher m = WIDTH_FAMILY.matcher(id);
        if (!m.matches()) {
            return Optional.empty();
        }
        int bits = Integer.parseInt(m.group(2));
        IntFormat.Encoding encoding = m.group(1).equals("int") ? IntFormat.Encoding.TWOS_COMPLEMENT
                : m.group(1).equals("uint") ? IntFormat.Encoding.UNSIGNED : IntFormat.Encoding.SIGN_MAGNITUDE;
        int min = encoding == IntFormat.Encoding.SIGN_MAGNITUDE ? 2 : 1;
        if (bits >= min && bits <= IntFormat.MAX_BITS && !m.group(2).startsWith("0")) {
            return Optional.of(new IntFormat(encoding, bits));
        }
        return Optional.empty();
    }
}
