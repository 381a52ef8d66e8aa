package io.bitforge.workloads.quant;

import io.bitforge.core.op.Precision;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number-format ids of DESIGN.md ("Format ids") and the code width each one stores per element. Widths of
 * the value-grid and scaled formats are their code widths: BitMoD FP3/FP4 variants 3/4 bits (BitMoD, HPCA 2025,
 * Sec. 4), OliVe's outlier-victim pairs 4 or 8 bits per element (OliVe, ISCA 2023), binary coding q bits
 * (one per ±1 plane; LUT-GEMM / ShiftAddLLM), ternary 2 bits (the packed I2 code of BitNet b1.58 kernels).
 * Scales and other per-group metadata are not part of the width; they follow from the group size.
 */
public final class FormatIds {
    private static final Map<String, Integer> FIXED = Map.ofEntries(
            Map.entry("fp32", 32), Map.entry("fp16", 16), Map.entry("bf16", 16),
            Map.entry("fp8-e4m3", 8), Map.entry("fp8-e5m2", 8), Map.entry("fp6-e2m3", 6), Map.entry("fp6-e3m2", 6),
            Map.entry("fp4-e2m1", 4), Map.entry("flint4", 4), Map.entry("uflint4", 4),
            Map.entry("bitmod-fp3-er+", 3), Map.entry("bitmod-fp3-er-", 3), Map.entry("bitmod-fp3-ea+", 3),
            Map.entry("bitmod-fp3-ea-", 3), Map.entry("bitmod-fp4-er+", 4), Map.entry("bitmod-fp4-er-", 4),
            Map.entry("bitmod-fp4-ea+", 4), Map.entry("bitmod-fp4-ea-", 4), Map.entry("bitmod-mix3", 3),
            Map.entry("bitmod-mix4", 4), Map.entry("ovp-int4", 4), Map.entry("ovp-flint4", 4),
            Map.entry("ovp-int8", 8), Map.entry("ternary", 2));
    /**
     * BitMoD's FP3/FP4 weight types are per-group choices among the four variants (BitMoD Sec. 4.2), which
     * DESIGN.md spells {@code bitmod-mix3}/{@code bitmod-mix4}; the family names are accepted as those.
     */
    private static final Map<String, String> ALIASES = Map.of("bitmod-fp3", "bitmod-mix3", "bitmod-fp4",
            "bitmod-mix4");
    private static final Pattern INTEGER = Pattern.compile("(int|sm-int|uint)([0-9]{1,2})");
    private static final Pattern BCQ = Pattern.compile("bcq([0-9])(-pot)?");

    /** What {@link #parse} accepts, for error messages. */
    public static final List<String> DESCRIPTION = List.of("int{2..32}", "sm-int{2..32}", "uint{1..32}", "fp32",
            "fp16", "bf16", "fp8-e4m3", "fp8-e5m2", "fp6-e2m3", "fp6-e3m2", "fp4-e2m1", "flint4", "uflint4",
            "bitmod-fp3-{er+,er-,ea+,ea-}", "bitmod-fp4-{er+,er-,ea+,ea-}", "bitmod-mix3", "bitmod-mix4",
            "bitmod-fp3 (= bitmod-mix3)", "bitmod-fp4 (= bitmod-mix4)", "ovp-int4", "ovp-flint4", "ovp-int8",
            "bcq{1..8}", "bcq{1..8}-pot", "ternary");

    private FormatIds() {
    }

    /** The precision a format id names, or empty when the id is not one of DESIGN.md's. */
    public static Optional<Precision> parse(String id) {
        String canonical = ALIASES.getOrDefault(id, id);
        Integer fixed = FIXED.get(canonical);
        if (fixed != null) {
            return Optional.of(new Precision(canonical, fixed));
        }
        Matcher integer = INTEGER.matcher(canonical);
        if (integer.matches()) {
            int bits = Integer.parseInt(integer.group(2));
            int min = integer.group(1).equals("uint") ? 1 : 2;
            return bits >= min && bits <= 32 ? Optional.of(new Precision(canonical, bits)) : Optional.empty();
        }
        Matcher bcq = BCQ.matcher(canonical);
        if (bcq.matches()) {
            int planes = Integer.parseInt(bcq.group(1));
            return planes >= 1 ? Optional.of(new Precision(canonical, planes)) : Optional.empty();
        }
        return Optional.empty();
    }
}
