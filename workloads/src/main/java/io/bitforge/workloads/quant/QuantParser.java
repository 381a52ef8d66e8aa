package io.bitforge.workloads.quant;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.op.Precision;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code --quant}. Items separated by commas, in any order:
 * <pre>
 *   W{w}A{a}[KV{kv}][g{group}]   compact form: W4A8KV4g128, W4A16, W8A8, W16A16KV16, W1.58A8
 *                                 widths 2..8 are int{n}, 16 is fp16, 1.58 is ternary; KV defaults to A
 *   W{w}:{format}  A{a}:{format}  KV{kv}:{format}   one operand's format id, its width must equal the prefix
 *   g{group}                      weights per quantisation group along K
 *   lm_head:{fp16|same|format}    lm_head's weight format (default fp16; same = as the other weights)
 *   outliers:{fraction}           LLM.int8()-style: this share of input features kept in fp16
 * </pre>
 */
public final class QuantParser {
    public static final String GRAMMAR = "QUANT = ITEM(,ITEM)*; ITEM = W{w}A{a}[KV{kv}][g{n}] (w,a,kv in 1.58,"
            + " 2..8 = int, 16 = fp16) | W{w}:FORMAT | A{a}:FORMAT | KV{kv}:FORMAT | g{n} | lm_head:fp16|same|FORMAT"
            + " | outliers:FRACTION (0 <= f < 1); e.g. W4A8KV4g128, W4A16, W8A8, W16A16KV16, W4:bitmod-fp4,A8:int8";
    private static final Pattern COMPACT = Pattern.compile(
            "W(1\\.58|[0-9]{1,2})A([0-9]{1,2})(?:KV([0-9]{1,2}))?(?:g([0-9]{1,6}))?");
    private static final Pattern OPERAND = Pattern.compile("(W|A|KV)(1\\.58|[0-9]{1,2}):(.+)");
    private static final Pattern GROUP = Pattern.compile("g([0-9]{1,6})");
    private static final Precision FP16 = Precision.FP16;

    private QuantParser() {
    }

    public static QuantConfig parse(String text) {
        if (text == null || text.isBlank()) {
            throw error(String.valueOf(text), "is empty");
        }
        Precision weights = null;
        Precision activations = null;
        Precision kv = null;
        Precision lmHead = FP16;
        int group = 0;
        double outliers = 0;
        for (String raw : text.split(",", -1)) {
            String item = raw.strip();
            Matcher compact = COMPACT.matcher(item);
            Matcher operand = OPERAND.matcher(item);
            Matcher groupItem = GROUP.matcher(item);
            if (compact.matches()) {
                weights = widthFormat(text, "W", compact.group(1));
                activations = widthFormat(text, "A", compact.group(2));
                if (compact.group(3) != null) {
                    kv = widthFormat(text, "KV", compact.group(3));
                }
                if (compact.group(4) != null) {
                    group = groupSize(text, compact.group(4));
                }
            } else if (operand.matches()) {
                Precision format = FormatIds.parse(operand.group(3)).orElseThrow(() -> error(text, "unknown format '"
                        + operand.group(3) + "' for " + operand.group(1) + "; format ids: " + FormatIds.allowed()));
                int width = operand.group(2).equals("1.58") ? 2 : Integer.parseInt(operand.group(2));
                if (width != format.bits()) {
                    throw error(text, operand.group(1) + operand.group(2) + " says " + operand.group(2)
                            + " bits but " + format.format() + " stores " + format.bits());
                }
                switch (operand.group(1)) {
                    case "W" -> weights = format;
                    case "A" -> activations = format;
                    default -> kv = format;
                }
            } else if (groupItem.matches()) {
                group = groupSize(text, groupItem.group(1));
            } else if (item.startsWith("lm_head:")) {
                String value = item.substring("lm_head:".length());
                lmHead = value.equals("same") ? null : FormatIds.parse(value).orElseThrow(() -> error(text,
                        "unknown lm_head format '" + value + "'; use fp16, same or a format id"));
            } else if (item.startsWith("outliers:")) {
                outliers = fraction(text, item.substring("outliers:".length()));
            } else {
                throw error(text, "cannot read item '" + item + "'");
            }
        }
        if (weights == null || activations == null) {
            throw error(text, "needs a weight and an activation format");
        }
        return new QuantConfig(text, weights, activations, kv == null ? activations : kv, group,
                lmHead == null ? weights : lmHead, FP16, outliers);
    }

    private static Precision widthFormat(String text, String operand, String width) {
        if (width.equals("1.58")) {
            if (!operand.equals("W")) {
                throw error(text, "1.58 bits (ternary) is a weight format only");
            }
            return new Precision("ternary", 2);
        }
        int bits = Integer.parseInt(width);
        if (bits == 16) {
            return FP16;
        }
        if (bits < 2 || bits > 8) {
            throw error(text, operand + width + ": width must be 1.58 (weights), 2..8 or 16");
        }
        return new Precision("int" + bits, bits);
    }

    private static int groupSize(String text, String digits) {
        int group = Integer.parseInt(digits);
        if (group < 1) {
            throw error(text, "group size must be >= 1, got " + group);
        }
        return group;
    }

    private static double fraction(String text, String value) {
        Optional<Double> parsed;
        try {
            parsed = Optional.of(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            parsed = Optional.empty();
        }
        if (parsed.isEmpty() || !(parsed.get() >= 0 && parsed.get() < 1)) {
            throw error(text, "outliers must be a fraction in [0, 1), got '" + value + "'");
        }
        return parsed.get();
    }

    private static BadInputException error(String text, String problem) {
        return new BadRequestException("quant", "'" + text + "': " + problem + "; grammar: " + GRAMMAR);
    }
}
