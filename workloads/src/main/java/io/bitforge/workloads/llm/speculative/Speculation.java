package io.bitforge.workloads.llm.speculative;

import io.bitforge.workloads.llm.ModelConfig;

import java.util.List;
import java.util.Objects;

/**
 * A speculative decoding scheme: per step, cheap proposals and one verification pass of the target model over
 * the candidates; the expected tokens accepted per step (the target's own next token included) set the speedup.
 */
public sealed interface Speculation {

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
            if (heads < 1 || treeTokens < 1) {
                throw new IllegalArgumentException("Medusa needs >= 1 head and >= 1 tree token");
            }
            if (acceptance.size() != 1 && acceptance.size() != heads) {
                throw new IllegalArgumentException("give one acceptance rate or one per head (" + heads + ")");
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
            if (draftTokens < 1) {
                throw new IllegalArgumentException("draft tokens must be >= 1");
            }
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
            throw new IllegalArgumentException("an acceptance rate must be in [0, 1], got " + rate);
        }
    }
}
