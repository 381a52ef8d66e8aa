package io.bitforge.workloads.quant;

import io.bitforge.core.format.IntFormat;
import io.bitforge.core.format.IntFormatIds;
import io.bitforge.core.format.NumberFormat;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.Precision;

import java.util.Map;
import java.util.Optional;

/**
 * Format ids for {@code --quant}: DESIGN.md's ids as sim-core's {@link NumberFormats} parses them, each with its
 * stored bits per value (per-group metadata excluded; it follows from the group size), plus {@code fp32}.
 */
public final class FormatIds {
    /**
     * BitMoD's FP3/FP4 weight types are per-group choices among the four variants (BitMoD, HPCA 2025, Sec. 4.2),
     * which DESIGN.md spells {@code bitmod-mix3}/{@code bitmod-mix4}; the family names are accepted as those.
     */
    private static final Map<String, String> ALIASES = Map.of("bitmod-fp3", "bitmod-mix3", "bitmod-fp4",
            "bitmod-mix4");

    private FormatIds() {
    }

    /** The precision a format id names, or empty when it is not a known id. */
    public static Optional<Precision> parse(String id) {
        String canonical = ALIASES.getOrDefault(id, id);
        if (canonical.equals("fp32")) {
            return Optional.of(Precision.FP32);
        }
        Optional<IntFormat> integer = IntFormatIds.parse(canonical); // the common case, without NumberFormats
        if (integer.isPresent()) {
            return Optional.of(new Precision(integer.get().id(), integer.get().bits()));
        }
        try {
            NumberFormat format = NumberFormats.parse(canonical);
            return Optional.of(new Precision(format.id(), format.bits()));
        } catch (BadInputException e) {
            return Optional.empty();
        }
    }

    /** What {@link #parse} accepts, for error messages. */
    public static String allowed() {
        return NumberFormats.allowedText() + ", fp32, bitmod-fp3 (= bitmod-mix3), bitmod-fp4 (= bitmod-mix4)";
    }
}
