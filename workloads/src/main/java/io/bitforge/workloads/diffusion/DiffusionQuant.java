package io.bitforge.workloads.diffusion;

import io.bitforge.core.io.BadInputException;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A diffusion quantisation config: the precision of each {@link LayerKind}, and SVDQuant's low-rank branch.
 *
 * <p>Syntax (comma-separated): an optional bare {@code W4A8} (optionally {@code g128}) sets conv, attention,
 * ffn and adaln; {@code kind:W8A8} sets one kind ({@code conv, attention, ffn, adaln, embed});
 * {@code matmul:A8} sets the attention matmuls (both operands are activations); {@code all:W8A8} sets every
 * kind, the matmuls at the activation width (an integer-only array runs nothing at fp16). Later parts
 * override earlier ones. Weights 4, 8 or 16 bits,
 * activations 4, 8 or 16 bits; 16 means fp16, smaller widths INT. A {@code KV..} suffix (the LLM default
 * {@code W16A16KV16}) is accepted and ignored: denoisers keep no KV cache. Embeddings and the attention
 * matmuls stay 16-bit unless named, as in Q-Diffusion (Li et al., ICCV 2023) and SVDQuant (Li et al.,
 * ICLR 2025), which keep the first/last layers and attention in 16-bit.
 *
 * <p>SVDQuant (option {@code svdquant=true}, rank {@code svdquantRank}, default 32, as in the paper) adds
 * beside every GEMM with 4-bit weights a 16-bit low-rank branch X·L1·L2 with L1 (K×r) and L2 (r×N).
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

    private static final Pattern WA = Pattern.compile("W(\\d+)A(\\d+)(?:KV(\\d+))?(?:g(\\d+))?");
    private static final Pattern A_ONLY = Pattern.compile("A(\\d+)");
    private static final Set<Integer> BITS = Set.of(4, 8, 16);
    private static final Set<LayerKind> BARE_KINDS = Set.of(LayerKind.CONV, LayerKind.ATTENTION, LayerKind.FFN,
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
        for (String rawToken : quant.split(",", -1)) {
            String token = rawToken.strip();
            int colon = token.indexOf(':');
            if (colon < 0) {
                LayerPrecision precision = weightsAndActivations(token, quant);
                BARE_KINDS.forEach(kind -> kinds.put(kind, precision));
                continue;
            }
            String word = token.substring(0, colon).strip();
            String value = token.substring(colon + 1).strip();
            if (word.equals("all")) {
                // Every kind, matmuls at the activation width: what an integer-only array needs.
                LayerPrecision precision = weightsAndActivations(value, quant);
                for (LayerKind kind : LayerKind.values()) {
                    kinds.put(kind, kind == LayerKind.MATMUL ? new LayerPrecision(precision.activations(),
                            precision.activations(), 0) : precision);
                }
                continue;
            }
            LayerKind kind = LayerKind.fromWord(word).orElseThrow(() -> BadInputException.field(null, "--quant",
                    "'" + quant + "'", "layer kind '" + word + "' is not one of all, " + LayerKind.allowedWords()));
            kinds.put(kind, kind == LayerKind.MATMUL ? activationsOnly(value, quant)
                    : weightsAndActivations(value, quant));
        }
        return new DiffusionQuant(kinds, svdquantRank(options, kinds));
    }

    private static LayerPrecision weightsAndActivations(String token, String quant) {
        Matcher matcher = WA.matcher(token);
        if (!matcher.matches()) {
            throw BadInputException.field(null, "--quant", "'" + quant + "'", "each part must be W<bits>A<bits>"
                    + "[g<group>] or <kind>:W<bits>A<bits> (kinds " + LayerKind.allowedWords()
                    + "; matmul:A<bits>), e.g. W4A8 or W8A8,embed:W8A8,matmul:A8");
        }
        int weightBits = bits(matcher.group(1), "weight", quant);
        int activationBits = bits(matcher.group(2), "activation", quant);
        int group = matcher.group(4) == null ? 0 : Integer.parseInt(matcher.group(4));
        if (matcher.group(4) != null && (group < 1 || weightBits == 16)) {
            throw BadInputException.field(null, "--quant", "'" + quant + "'",
                    "a weight group size must be >= 1 and needs weights below 16 bits");
        }
        return new LayerPrecision(LayerPrecision.ofBits(weightBits), LayerPrecision.ofBits(activationBits), group);
    }

    private static LayerPrecision activationsOnly(String token, String quant) {
        Matcher matcher = A_ONLY.matcher(token);
        if (!matcher.matches()) {
            throw BadInputException.field(null, "--quant", "'" + quant + "'",
                    "matmul takes activation bits only, e.g. matmul:A8");
        }
        int activationBits = bits(matcher.group(1), "activation", quant);
        return new LayerPrecision(LayerPrecision.ofBits(activationBits), LayerPrecision.ofBits(activationBits), 0);
    }

    private static int bits(String digits, String what, String quant) {
        int bits;
        try {
            bits = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            bits = -1;
        }
        if (!BITS.contains(bits)) {
            throw BadInputException.field(null, "--quant", "'" + quant + "'", what + " bits must be 4, 8 or 16");
        }
        return bits;
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
        boolean anyFourBit = kinds.values().stream().anyMatch(p -> p.weights().bits() == 4);
        if (!anyFourBit) {
            throw BadInputException.field(null, "option " + SVDQUANT_OPTION, "true",
                    "SVDQuant's low-rank branch sits beside 4-bit weights: --quant must give some kind W4");
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
