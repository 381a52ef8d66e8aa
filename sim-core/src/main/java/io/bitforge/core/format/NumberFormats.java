package io.bitforge.core.format;

import io.bitforge.core.io.BadInputException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named formats of DESIGN.md "Format ids" and the parser from id to format. Named formats are immutable
 * constants; families with a width ({@code int{N}}, {@code sm-int{N}}, {@code uint{N}}, {@code bcq{q}}) are built
 * on demand.
 */
public final class NumberFormats {
    private static final String OCP_FP8 = "OCP 8-bit Floating Point Specification (OFP8) rev 1.0, Table 1";
    private static final String OCP_MX = "OCP Microscaling Formats (MX) v1.0, §5.3 (FP6/FP4 element formats)";

    /** IEEE 754 binary16: max 65504. */
    public static final MiniFloat FP16 = new MiniFloat("fp16", 5, 10, 15, true, MiniFloat.Specials.IEEE,
            Overflow.SATURATE, "IEEE 754-2019 binary16");
    /** bfloat16: FP32's exponent with 7 mantissa bits. */
    public static final MiniFloat BF16 = new MiniFloat("bf16", 8, 7, 127, true, MiniFloat.Specials.IEEE,
            Overflow.SATURATE, "bfloat16 (Google Brain; Intel BF16 specification 2018)");
    /** OCP FP8 E4M3: no infinities, NaN = S.1111.111, max 448 (0x7E). */
    public static final MiniFloat FP8_E4M3 = new MiniFloat("fp8-e4m3", 4, 3, 7, true,
            MiniFloat.Specials.NAN_ONLY_ALL_ONES, Overflow.SATURATE, OCP_FP8);
    /** OCP FP8 E5M2: IEEE-like, max 57344 (0x7B). */
    public static final MiniFloat FP8_E5M2 = new MiniFloat("fp8-e5m2", 5, 2, 15, true, MiniFloat.Specials.IEEE,
            Overflow.SATURATE, OCP_FP8);
    /** OCP FP6 E2M3: no Inf/NaN, max 7.5. */
    public static final MiniFloat FP6_E2M3 = new MiniFloat("fp6-e2m3", 2, 3, 1, true, MiniFloat.Specials.NONE,
            Overflow.SATURATE, OCP_MX);
    /** OCP FP6 E3M2: no Inf/NaN, max 28. */
    public static final MiniFloat FP6_E3M2 = new MiniFloat("fp6-e3m2", 3, 2, 3, true, MiniFloat.Specials.NONE,
            Overflow.SATURATE, OCP_MX);
    /** OCP FP4 E2M1: no Inf/NaN, max 6. */
    public static final MiniFloat FP4_E2M1 = new MiniFloat("fp4-e2m1", 2, 1, 1, true, MiniFloat.Specials.NONE,
            Overflow.SATURATE, OCP_MX);

    public static final GridFormat FLINT4 = GridFormats.flint4();
    public static final GridFormat UFLINT4 = GridFormats.uflint4();
    public static final GridFormat TERNARY = GridFormats.ternary();
    public static final GridFormat POT3 = GridFormats.pot(3);
    public static final GridFormat POT4 = GridFormats.pot(4);
    public static final OvpFormat OVP_INT4 = new OvpFormat(OvpFormat.Normal.INT4, VictimRule.EVEN_FIRST);
    public static final OvpFormat OVP_FLINT4 = new OvpFormat(OvpFormat.Normal.FLINT4, VictimRule.EVEN_FIRST);
    public static final OvpFormat OVP_INT8 = new OvpFormat(OvpFormat.Normal.INT8, VictimRule.EVEN_FIRST);
    public static final BitmodMixture BITMOD_MIX3 = new BitmodMixture(3);
    public static final BitmodMixture BITMOD_MIX4 = new BitmodMixture(4);
    public static final AntTypeChoice ANT4 = new AntTypeChoice(4);

    private static final Map<String, NumberFormat> NAMED = named();
    private static final Pattern BCQ = Pattern.compile("bcq([0-9])(-pot)?");

    private NumberFormats() {
    }

    private static Map<String, NumberFormat> named() {
        Map<String, NumberFormat> map = new LinkedHashMap<>();
        for (NumberFormat f : List.of(FP16, BF16, FP8_E4M3, FP8_E5M2, FP6_E2M3, FP6_E3M2, FP4_E2M1, FLINT4, UFLINT4,
                POT3, POT4)) {
            map.put(f.id(), f);
        }
        for (int bits : new int[] {3, 4}) {
            for (BitmodVariant v : BitmodVariant.values()) {
                GridFormat f = GridFormats.bitmod(bits, v);
                map.put(f.id(), f);
            }
        }
        for (NumberFormat f : List.of(BITMOD_MIX3, BITMOD_MIX4, ANT4, OVP_INT4, OVP_FLINT4, OVP_INT8, TERNARY)) {
            map.put(f.id(), f);
        }
        if (!List.copyOf(map.keySet()).equals(FormatIdList.NAMED)) {
            throw new IllegalStateException("FormatIdList.NAMED must list the named formats in order: " + map.keySet());
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * The format with this id. Unknown ids are bad input naming the id and every allowed id; use
     * {@link #parse(String, String)} to name the field or file it came from.
     */
    public static NumberFormat parse(String id) {
        return parse("format", id);
    }

    /** As {@link #parse(String)}, with {@code field} (e.g. {@code "spec.yaml: workload.weights"}) in the message. */
    public static NumberFormat parse(String field, String id) {
        if (id != null) {
            NumberFormat named = NAMED.get(id);
            if (named != null) {
                return named;
            }
            Optional<IntFormat> integer = IntFormatIds.parse(id);
            if (integer.isPresent()) {
                return integer.get();
            }
            Matcher b = BCQ.matcher(id);
            if (b.matches()) {
                int planes = Integer.parseInt(b.group(1));
                if (planes >= 1 && planes <= BcqFormat.MAX_PLANES) {
                    return BcqFormat.of(planes, b.group(2) != null);
                }
            }
        }
        throw BadInputException.field(null, field, id == null ? "nothing" : "'" + id + "'",
                "unknown number format; allowed: " + allowedText());
    }

    /** The allowed ids as one line, families with their width ranges. */
    public static String allowedText() {
        return "int{N} (N 1-16), sm-int{N} (N 2-16), uint{N} (N 1-16), " + String.join(", ", NAMED.keySet())
                + ", bcq{q} and bcq{q}-pot (q 1-" + BcqFormat.MAX_PLANES + ")";
    }

    /** Every id the parser accepts, families expanded, in a stable order. */
    public static List<String> allIds() {
        return FormatIdList.all();
    }
}
