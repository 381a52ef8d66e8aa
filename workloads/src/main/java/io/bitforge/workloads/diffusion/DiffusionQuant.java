package io.bitforge.workloads.diffusion;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.BadRequestException;

import io.bitforge.core.op.Precision;
import io.bitforge.workloads.quant.FormatIds;
import io.bitforge.workloads.quant.QuantConfig;
import io.bitforge.workloads.quant.QuantParser;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A diffusion quantisation config: the precision of each {@link LayerKind}, and SVDQuant's low-rank branch.
 *
 * <p>Syntax (comma-separated parts; the per-kind parts apply after the general ones, in their order):
 * <ul>
 *   <li>the LLM grammar's weight/activation items ({@link QuantParser}: {@code W4A8}, {@code W8A8g128},
 *       {@code W4:bitmod-fp4,A8:int8}, {@code g64}) set conv, attention, ffn and adaln; a {@code KV..} part
 *       (the LLM default {@code W16A16KV16}) is accepted and ignored: denoisers keep no KV cache;</li>
 *   <li>{@code kind:W8A8[g..]} or {@code kind:WFORMAT/AFORMAT} (format ids, e.g. {@code conv:bitmod-fp4/int8})
 *       sets one kind ({@code conv, attention, ffn, adaln, embed});</li>
 *   <li>{@code matmul:A8} or {@code matmul:FORMAT} sets the attention matmuls (both operands are
 *       activations);</li>
 *   <li>{@code all:W8A8} sets every kind, the matmuls at the activation width (an integer-only array runs
 *       nothing at fp16).</li>
 * </ul>
 * Embeddings and the attention matmuls stay 16-bit unless named, as in Q-Diffusion (Li et al., ICCV 2023) and
 * SVDQuant (Li et al., ICLR 2025), which keep the first/last layers and attention in 16-bit.
 *
 * <p>SVDQuant (option {@code svdquant=true}, rank {@code svdquantRank}, default 32, as in the paper) adds
 * beside every GEMM with 4-bit (or narrower) weights a 16-bit low-rank branch X·L1·L2 with L1 (K×r) and L2 (r×N).
 * Time-step-dependent activation ranges (Q-Diffusion's calibration across steps, TDQ) change scales, not
 * shapes or widths, so they do not change this cost model and are out of scope.
 *
 * @param svdquantRank rank r of the low-rank branch; 0 when SVDQuant is off
 */
public record DiffusionQuant(Map<LayerKind, LayerPrecision> kinds, int svdquantRank) {
    public static final String SVDQUANT_OPTION = "svdquant";
    public static final String SVDQUANT_RANK_OPTION = "svdquantRank";
    /** SVDQuant's default rank (Li et al., "SVDQuant: Absorbing Outliers by Low-Rank Components for 4-Bit
     *  Diffusion Models", ICLR 2025, §5: rank 32 throughout the main results). */
    public static final int DEFAULT_SVDQUANT_RANK = 32;
    public static final String GRAMMAR = "QUANT = PART(,PART)*; PART = W{w}A{a}[g{n}] | W{w}:FORMAT | A{a}:FORMAT |"
            + " g{n} | KIND:W{w}A{a}[g{n}] | KIND:WFORMAT/AFORMAT (KIND = all, conv, attention, ffn, adaln, embed) |"
            + " matmul:A{a} | matmul:FORMAT;"
            + " e.g. W4A8, W8A8,embed:W8A8,matmul:A8, all:W8A8";

    private static final Pattern A_ONLY = Pattern.compile("A([0-9]{1,2})");
    private static final Set<LayerKind> BODY_KINDS = Set.of(LayerKind.CONV, LayerKind.ATTENTION, LayerKind.FFN,
            LayerKind.ADALN);

    public DiffusionQuant {
        Objects.requireNonNull(kinds, "kinds");
        EnumMap<LayerKind, LayerPrecision> full = new EnumMap<>(LayerKind.class);
        for (LayerKind kind : LayerKind.values()) {
            full.put(kind, kinds.getOrDefault(kind, LayerPrecision.W16A16));
        }
        kinds = Map.copyOf(full);
        if (svdquantRank < 0) {
            throw new IllegalArgumentException("SVDQuant rank must be >= 0, got " + svdquantRank);
        }
    }

    /** The config that runs every layer kind at one weight and one activation format (the matmuls at the
     *  activation format), as {@code all:W/A} does. */
    public static String uniformText(Precision weights, Precision activations) {
        return "all:" + weights.format() + "/" + activations.format();
    }

    /** Everything at fp16, no low-rank branch. */
    public static DiffusionQuant fp16() {
        return new DiffusionQuant(Map.of(), 0);
    }

    public LayerPrecision of(LayerKind kind) {
        return kinds.get(kind);
    }

    /**
     * Parses {@code --quant} and the SVDQuant options.
     *
     * @throws BadInputException naming {@code --quant} or the option, the value and what is allowed
     */
    public static DiffusionQuant parse(String quant, Map<String, String> options) {
        Map<LayerKind, LayerPrecision> kinds = new EnumMap<>(LayerKind.class);
        List<String> bodyParts = new ArrayList<>();
        List<String> kindParts = new ArrayList<>();
        for (String rawToken : quant.split(",", -1)) {
            String token = rawToken.strip();
            int colon = token.indexOf(':');
            String word = colon < 0 ? "" : token.substring(0, colon).strip();
            if (word.equals("all") || LayerKind.fromWord(word).isPresent()) {
                kindParts.add(token);
            } else if (word.isEmpty() || word.matches("(W|A|KV)(1\\.58|[0-9]{1,2})")) {
                bodyParts.add(token); // W4A8, W4:bitmod-fp4, A8:int8, g128: the LLM grammar's items
            } else if (word.equals("outliers") || word.equals("lm_head")) {
                throw error(quant, "outliers and lm_head are LLM options; a denoiser has neither");
            } else {
                throw error(quant, "layer kind '" + word + "' is not one of all, " + LayerKind.allowedWords());
            }
        }
        if (!bodyParts.isEmpty()) {
            body(quant, bodyParts, kinds);
        }
        for (String token : kindParts) {
            int colon = token.indexOf(':');
            String word = token.substring(0, colon).strip();
            String value = token.substring(colon + 1).strip();
            if (word.equals("all")) {
                LayerPrecision precision = compact(quant, value);
                for (LayerKind kind : LayerKind.values()) {
                    kinds.put(kind, kind == LayerKind.MATMUL ? new LayerPrecision(precision.activations(),
                            precision.activations(), 0) : precision);
                }
            } else {
                LayerKind kind = LayerKind.fromWord(word).orElseThrow();
                kinds.put(kind, kind == LayerKind.MATMUL ? activationsOnly(quant, value) : compact(quant, value));
            }
        }
        return new DiffusionQuant(kinds, svdquantRank(options, kinds));
    }

    /** The LLM grammar's items for the body kinds; LLM-only items are rejected. */
    private static void body(String quant, List<String> parts, Map<LayerKind, LayerPrecision> kinds) {
        String text = String.join(",", parts);
        QuantConfig config;
        try {
            config = QuantParser.parse(text);
        } catch (BadInputException e) {
            throw error(quant, "'" + text + "': " + e.getMessage().replaceFirst(";\\s*grammar:.*$", ""));
        }
        LayerPrecision precision = precision(quant, config);
        BODY_KINDS.forEach(kind -> kinds.put(kind, precision));
    }

    private static LayerPrecision compact(String quant, String value) {
        int slash = value.indexOf('/');
        if (slash >= 0) {
            return new LayerPrecision(format(quant, value.substring(0, slash).strip()),
                    format(quant, value.substring(slash + 1).strip()), 0);
        }
        if (value.contains(":")) {
            throw error(quant, "a layer kind takes W{w}A{a}[g{n}] or WEIGHTFORMAT/ACTIVATIONFORMAT, got '" + value
                    + "'");
        }
        QuantConfig config;
        try {
            config = QuantParser.parse(value);
        } catch (BadInputException e) {
            throw error(quant, "'" + value + "': " + e.getMessage().replaceFirst(";\\s*grammar:.*$", ""));
        }
        return precision(quant, config);
    }

    private static Precision format(String quant, String id) {
        return FormatIds.parse(id).orElseThrow(() -> error(quant, "unknown format '" + id + "'; format ids: "
                + FormatIds.allowed()));
    }

    private static LayerPrecision precision(String quant, QuantConfig config) {
        if (config.weightGroupSize() > 0 && config.weights().bits() >= 16) {
            throw error(quant, "a weight group size needs weights below 16 bits");
        }
        return new LayerPrecision(config.weights(), config.activations(), config.weightGroupSize());
    }

    private static LayerPrecision activationsOnly(String quant, String value) {
        Matcher matcher = A_ONLY.matcher(value);
        if (matcher.matches()) {
            LayerPrecision both = compact(quant, "W" + matcher.group(1) + "A" + matcher.group(1));
            return new LayerPrecision(both.activations(), both.activations(), 0);
        }
        if (FormatIds.parse(value).isEmpty()) {
            throw error(quant, "matmul takes activation bits or one format id, e.g. matmul:A8 or matmul:fp8-e4m3,"
                    + " got '" + value + "'");
        }
        Precision format = format(quant, value);
        return new LayerPrecision(format, format, 0);
    }

    private static BadInputException error(String quant, String problem) {
        return new BadRequestException("quant", "'" + quant + "': " + problem + "; grammar: " + GRAMMAR);
    }

    private static int svdquantRank(Map<String, String> options, Map<LayerKind, LayerPrecision> kinds) {
        String enabled = options.getOrDefault(SVDQUANT_OPTION, "false");
        if (!enabled.equals("true") && !enabled.equals("false")) {
            throw BadInputException.field(null, "option " + SVDQUANT_OPTION, "'" + enabled + "'",
                    "must be true or false");
        }
        String rankText = options.get(SVDQUANT_RANK_OPTION);
        if (enabled.equals("false")) {
            if (rankText != null) {
                throw BadInputException.field(null, "option " + SVDQUANT_RANK_OPTION, rankText,
                        "only applies with " + SVDQUANT_OPTION + "=true");
            }
            return 0;
        }
        int rank;
        try {
            rank = rankText == null ? DEFAULT_SVDQUANT_RANK : Integer.parseInt(rankText.strip());
        } catch (NumberFormatException e) {
            rank = -1;
        }
        if (rank < 1) {
            throw BadInputException.field(null, "option " + SVDQUANT_RANK_OPTION, rankText,
                    "must be an integer >= 1");
        }
        boolean anyFourBit = kinds.values().stream().anyMatch(p -> p.weights().bits() <= 4);
        if (!anyFourBit) {
            throw BadInputException.field(null, "option " + SVDQUANT_OPTION, "true",
                    "SVDQuant's low-rank branch sits beside 4-bit weights: quant must give some kind W4 or narrower");
        }
        return rank;
    }

    /** A short label, e.g. {@code conv=W4A8 attention=W4A8 ... svdquant-r32}. */
    public String label() {
        StringBuilder out = new StringBuilder();
        for (LayerKind kind : LayerKind.values()) {
            LayerPrecision p = kinds.get(kind);
            out.append(out.isEmpty() ? "" : " ").append(kind.word()).append('=')
                    .append(kind == LayerKind.MATMUL ? "A" + p.activations().bits() : p.label());
        }
        return svdquantRank > 0 ? out + " svdquant-r" + svdquantRank : out.toString();
    }
}
