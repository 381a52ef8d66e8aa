package io.bitforge.workloads.llm.speculative;

import io.bitforge.core.io.BadRequestException;
import io.bitforge.workloads.llm.ModelConfig;

import java.util.List;
import java.util.Objects;

/**
 * A speculative decoding scheme: per step, cheap proposals and one verification pass of the target model over
 * the candidates; the expected tokens accepted per step (the target's own next token included) set the speedup.
 */
public sealed interface Speculation {
    /** The schemes {@link #of} knows. */
    List<String> SCHEMES = List.of("medusa", "draft");

    /**
     * A scheme from its request fields, each checked with an error naming it ({@code speculative} for the scheme,
     * {@code acceptance}, {@code medusaHeads}, {@code treeTokens}, {@code draftModel}, {@code draftTokens}).
     *
     * @param draft the draft model (for {@code draft}; null is an error there and ignored for {@code medusa})
     */
    static Speculation of(String scheme, int medusaHeads, int treeTokens, List<Double> acceptance, ModelConfig draft,
                          int draftTokens) {
        if (!SCHEMES.contains(scheme)) {
            throw BadRequestException.of("speculative", "'" + scheme + "'", "must be medusa or draft");
        }
        if (acceptance == null || acceptance.isEmpty()) {
            throw new BadRequestException("acceptance", "is required with speculation (a rate in [0, 1], or one per "
                    + "Medusa head)");
        }
        acceptance.forEach(Speculation::requireRate);
        if (scheme.equals("medusa")) {
            return new Medusa(medusaHeads, treeTokens, acceptance);
        }
        requirePositive("draftTokens", draftTokens);
        if (acceptance.size() != 1) {
            throw BadRequestException.of("acceptance", acceptance.size() + " rates", "must be one rate for a draft "
                    + "model");
        }
        if (draft == null) {
            throw new BadRequestException("draftModel", "is required with draft speculation (a zoo id or a "
                    + "config.json)");
        }
        return new DraftModel(draft, draftTokens, acceptance.get(0));
    }

    /** Candidate tokens the target verifies in one pass (T query rows). */
    int verifyTokens();

    /** Expected tokens produced per step, the target's own token included (>= 1). */
    double expectedTokensPerStep();

    /** The same scheme with one acceptance rate everywhere (for the break-even search). */
    Speculation withAcceptance(double rate);

    /**
     * The acceptance rate (one for every head or draft token) at which the expected tokens per step equal
     * {@code stepCostRatio}, the speculative step's time (or energy) over a plain decode step's: above it
     * speculation gains, below it loses. NaN when even certain acceptance does not pay ({@code stepCostRatio} >
     * the tokens of a fully accepted step); 0 when any rate pays (ratio <= 1). Expected tokens grow monotonically
     * with the rate, so bisection finds it.
     */
    default double breakEvenAcceptance(double stepCostRatio) {
        if (stepCostRatio <= 1) {
            return 0;
        }
        if (withAcceptance(1).expectedTokensPerStep() < stepCostRatio) {
            return Double.NaN;
        }
        double low = 0;
        double high = 1;
        for (int i = 0; i < 60; i++) {
            double mid = (low + high) / 2;
            if (withAcceptance(mid).expectedTokensPerStep() < stepCostRatio) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    /**
     * Medusa (Cai et al., ICML 2024): {@code heads} extra decoding heads on the target's last hidden state, each
     * a residual block (Linear(h, h) + SiLU) and its own lm_head (Sec. 2.1.1), propose a candidate tree of
     * {@code treeTokens} nodes verified in one pass with tree attention (Sec. 2.1.2). {@code acceptance.get(i)} is
     * the probability that depth i + 1 of the tree holds an accepted token given depth i did (one value = the same
     * for every head). Expected tokens per step: 1 + sum over i of the product of the first i acceptances.
     */
    record Medusa(int heads, int treeTokens, List<Double> acceptance) implements Speculation {
        public Medusa {
            acceptance = List.copyOf(acceptance);
            requirePositive("medusaHeads", heads);
            requirePositive("treeTokens", treeTokens);
            if (acceptance.size() != 1 && acceptance.size() != heads) {
                throw BadRequestException.of("acceptance", acceptance.size() + " rates", "must be one rate or one "
                        + "per head (" + heads + ")");
            }
            acceptance.forEach(Speculation::requireRate);
        }

        @Override
        public int verifyTokens() {
            return treeTokens;
        }

        @Override
        public Medusa withAcceptance(double rate) {
            return new Medusa(heads, treeTokens, List.of(rate));
        }

        @Override
        public double expectedTokensPerStep() {
            double expected = 1;
            double chain = 1;
            for (int i = 0; i < heads; i++) {
                chain *= acceptance.get(acceptance.size() == 1 ? 0 : i);
                expected += chain;
            }
            return expected;
        }
    }

    /**
     * Draft-model speculation (Leviathan et al., ICML 2023; Chen et al. 2023): the draft model decodes
     * {@code draftTokens} = γ tokens, the target verifies γ + 1 positions in one pass; with acceptance rate α,
     * expected tokens per step (1 − α^(γ+1)) / (1 − α) (Leviathan et al., Eq. 1).
     */
    record DraftModel(ModelConfig draft, int draftTokens, double acceptance) implements Speculation {
        public DraftModel {
            Objects.requireNonNull(draft, "draft");
            requirePositive("draftTokens", draftTokens);
            requireRate(acceptance);
        }

        @Override
        public int verifyTokens() {
            return draftTokens + 1;
        }

        @Override
        public DraftModel withAcceptance(double rate) {
            return new DraftModel(draft, draftTokens, rate);
        }

        @Override
        public double expectedTokensPerStep() {
            if (acceptance >= 1) {
                return draftTokens + 1.0;
            }
            return (1 - Math.pow(acceptance, draftTokens + 1)) / (1 - acceptance);
        }
    }

    private static void requireRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw BadRequestException.of("acceptance", rate, "must be in [0, 1]");
        }
    }

    private static void requirePositive(String field, int value) {
        if (value < 1) {
            throw BadRequestException.of(field, value, "must be >= 1");
        }
    }
}
