package io.bitforge.workloads.llm;

/**
 * Expected load of a mixture-of-experts layer for one forward pass of {@code tokens} tokens, each routed to
 * {@code topK} of {@code experts} experts. Assuming uniform, independent routing (what a load-balancing loss
 * drives towards; Switch Transformer, Fedus et al. 2022, Sec. 2.2), an expert is untouched by a token with
 * probability 1 - k/E, so the expected number of experts whose weights must be read is E (1 - (1 - k/E)^T),
 * and the token-expert pairs T·k are shared among them.
 */
public record ExpertLoad(long tokens, int experts, int topK) {

    /** E (1 - (1 - k/E)^T). */
    public double expectedActiveExperts() {
        return experts * (1.0 - Math.pow(1.0 - (double) topK / experts, tokens));
    }

    /** Active experts as a whole number for the op graph: the expectation rounded up (an upper bound on reads). */
    public long activeExperts() {
        double expected = expectedActiveExperts();
        long rounded = (long) Math.ceil(expected - 1e-9);
        return Math.max(1, Math.min(experts, rounded));
    }

    /** Rows each active expert processes: T·k shared evenly, rounded up. */
    public long rowsPerExpert() {
        long pairs = tokens * topK;
        return -Math.floorDiv(-pairs, activeExperts());
    }
}
