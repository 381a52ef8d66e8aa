package io.bitforge.api;

import java.util.List;

/**
 * A speculative decoding scheme as a caller gives it, for {@link BitForge#speculation}: {@code medusa} (heads, tree
 * tokens, one acceptance rate or one per head) or {@code draft} (a draft model by zoo id or config file, tokens
 * drafted per step, one acceptance rate). Checked by the library; errors name these fields.
 *
 * @param speculative  {@code medusa} or {@code draft}
 * @param medusaHeads  Medusa's decoding heads (default 4)
 * @param treeTokens   Medusa's candidate-tree tokens verified per step (default 64: the 63 candidates + root of
 *                     Medusa's mc_sim_7b_63 tree)
 * @param acceptance   acceptance rates in [0, 1]
 * @param draftModel   the draft model, a zoo id or a config.json (draft only)
 * @param draftTokens  tokens drafted per step (default 4)
 */
public record SpeculationRequest(String speculative, int medusaHeads, int treeTokens, List<Double> acceptance,
                                 String draftModel, int draftTokens) {
    public static final int DEFAULT_MEDUSA_HEADS = 4;
    public static final int DEFAULT_TREE_TOKENS = 64;
    public static final int DEFAULT_DRAFT_TOKENS = 4;

    public SpeculationRequest {
        acceptance = acceptance == null ? List.of() : List.copyOf(acceptance);
    }

    /** Medusa with the default heads and tree. */
    public static SpeculationRequest medusa(List<Double> acceptance) {
        return new SpeculationRequest("medusa", DEFAULT_MEDUSA_HEADS, DEFAULT_TREE_TOKENS, acceptance, null,
                DEFAULT_DRAFT_TOKENS);
    }

    /** A draft model drafting the default number of tokens. */
    public static SpeculationRequest draft(String draftModel, double acceptance) {
        return new SpeculationRequest("draft", DEFAULT_MEDUSA_HEADS, DEFAULT_TREE_TOKENS, List.of(acceptance),
                draftModel, DEFAULT_DRAFT_TOKENS);
    }
}
