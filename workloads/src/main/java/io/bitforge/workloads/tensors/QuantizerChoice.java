package io.bitforge.workloads.tensors;

import io.bitforge.core.format.NumberFormat;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.format.OvpFormat;
import io.bitforge.core.format.VictimRule;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.quant.Granularity;
import io.bitforge.core.quant.QuantMethod;
import io.bitforge.core.quant.Quantizer;

import java.util.ArrayList;
import java.util.List;

/**
 * The quantizers a quantisation study runs, as a caller names them: a comma-separated list of format ids (or
 * {@code all}), the scale sharing, the group size, OVP's victim rule, whose scale search the paper formats use and
 * ShiftAddLLM's refinement rounds. {@link #quantizers()} checks every field; errors name it ({@code format},
 * {@code granularity}, {@code groupSize}, {@code victimRule}, {@code scaleSearch}, {@code bcqRounds}).
 *
 * @param formats     format ids, comma-separated, or {@code all} ({@link #ALL_FORMATS})
 * @param granularity {@code tensor}, {@code channel} or {@code group}; null: group when a group size is given,
 *                    else channel
 * @param groupSize   values per group along the reduction; null: {@value #DEFAULT_GROUP_SIZE}
 * @param victimRule  {@code even-first} or {@code keep-larger}
 * @param scaleSearch {@code paper} or {@code bitforge}
 * @param bcqRounds   ShiftAddLLM's refinement rounds for the bcq formats under the paper's scale search
 */
public record QuantizerChoice(String formats, String granularity, Integer groupSize, String victimRule,
                              String scaleSearch, int bcqRounds) {
    public static final int DEFAULT_GROUP_SIZE = 128;
    /**
     * The most ShiftAddLLM refinement rounds accepted: 20 times the 50 its README runs (its --bcq_round default is
     * 5); each round costs a pass over every value (see {@link QuantizeWork}).
     */
    public static final int MAX_BCQ_ROUNDS = 1000;
    /**
     * The formats {@code all} runs: the signed weight formats of DESIGN.md in their usual widths, plus fp16/bf16
     * and uint4 (asymmetric). uflint4 is left out: ANT uses it for non-negative activations, not weights; ant4 is
     * left out because its per-tensor choice reads every tensor whole, which a large checkpoint may not allow.
     */
    public static final List<String> ALL_FORMATS = List.of("int3", "int4", "int8", "sm-int4", "uint4", "fp16",
            "bf16", "fp8-e4m3", "fp8-e5m2", "fp6-e2m3", "fp6-e3m2", "fp4-e2m1", "flint4", "pot4", "bitmod-fp3-er+",
            "bitmod-fp3-er-", "bitmod-fp3-ea+", "bitmod-fp3-ea-", "bitmod-fp4-er+", "bitmod-fp4-er-",
            "bitmod-fp4-ea+", "bitmod-fp4-ea-", "bitmod-mix3", "bitmod-mix4", "ovp-int4", "ovp-flint4", "ovp-int8",
            "bcq2", "bcq3", "bcq4", "bcq3-pot", "ternary");

    /** The quantizers, in the order the formats are listed. */
    public List<Quantizer> quantizers() {
        if (formats == null || formats.isBlank()) {
            throw new BadRequestException("format", "at least one format id (or all) is needed");
        }
        List<String> ids = formats.strip().equals("all") ? ALL_FORMATS : List.of(formats.split(","));
        Granularity g = resolvedGranularity();
        if (groupSize != null && groupSize < 1) {
            throw BadRequestException.of("groupSize", groupSize, "must be >= 1");
        }
        VictimRule rule = switch (victimRule) {
            case "even-first" -> VictimRule.EVEN_FIRST;
            case "keep-larger" -> VictimRule.KEEP_LARGER;
            default -> throw BadRequestException.of("victimRule", "'" + victimRule + "'",
                    "must be even-first or keep-larger");
        };
        QuantMethod method = switch (scaleSearch) {
            case "paper" -> QuantMethod.PAPER;
            case "bitforge" -> QuantMethod.BITFORGE;
            default -> throw BadRequestException.of("scaleSearch", "'" + scaleSearch + "'",
                    "must be paper or bitforge");
        };
        if (bcqRounds < 0 || bcqRounds > MAX_BCQ_ROUNDS) {
            throw BadRequestException.of("bcqRounds", bcqRounds, "must be from 0 to " + MAX_BCQ_ROUNDS);
        }
        int size = resolvedGroupSize();
        List<Quantizer> out = new ArrayList<>();
        for (String id : ids) {
            NumberFormat format = format(id.strip());
            if (format instanceof OvpFormat o) {
                format = o.withVictimRule(rule);
                if (g == Granularity.GROUP && size % 2 != 0) {
                    throw BadRequestException.of("groupSize", size, "must be even for OVP formats, which pair "
                            + "neighbouring values");
                }
            }
            Quantizer.Builder builder = Quantizer.builder(format).granularity(g).method(method).bcqRounds(bcqRounds);
            if (g == Granularity.GROUP) {
                builder.groupSize(size);
            }
            out.add(builder.build());
        }
        return out;
    }

    /** The scale sharing used: as given, or group when a group size is given, else channel. */
    public Granularity resolvedGranularity() {
        if (granularity == null) {
            return groupSize != null ? Granularity.GROUP : Granularity.CHANNEL;
        }
        return switch (granularity) {
            case "tensor" -> Granularity.TENSOR;
            case "channel" -> Granularity.CHANNEL;
            case "group" -> Granularity.GROUP;
            default -> throw BadRequestException.of("granularity", "'" + granularity + "'",
                    "must be tensor, channel or group");
        };
    }

    public int resolvedGroupSize() {
        return groupSize == null ? DEFAULT_GROUP_SIZE : groupSize;
    }

    private static NumberFormat format(String id) {
        try {
            return NumberFormats.parse("format", id);
        } catch (BadInputException e) {
            throw BadRequestException.of("format", "'" + id + "'", "unknown number format; allowed: "
                    + NumberFormats.allowedText());
        }
    }
}
