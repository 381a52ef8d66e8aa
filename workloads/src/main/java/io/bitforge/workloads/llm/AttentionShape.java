package io.bitforge.workloads.llm;

/**
 * The self-attention block of one decoder layer.
 *
 * @param heads          query heads
 * @param kvHeads        key/value heads (grouped-query attention when fewer than {@code heads})
 * @param headDim        width of one head
 * @param qkvBias        Q, K and V projections carry biases (OPT, Phi-2, Qwen2)
 * @param outputBias     the output projection carries a bias (OPT, Phi-2)
 * @param positional     rotary or learned positions
 * @param rotaryFraction share of each head's width that is rotated (Phi-2's {@code partial_rotary_factor}; 1 for
 *                       Llama; 0 with learned positions)
 */
public record AttentionShape(int heads, int kvHeads, int headDim, boolean qkvBias, boolean outputBias,
                             PositionalKind positional, double rotaryFraction) {

    /** Query heads that share one key/value head. */
    public int groupSize() {
        return heads / kvHeads;
    }

    /** Width of all query heads together (the Q projection's output). */
    public long queryWidth() {
        return (long) heads * headDim;
    }

    /** Width of all key (or value) heads together. */
    public long kvWidth() {
        return (long) kvHeads * headDim;
    }

    /** Elements per head that the rotary embedding rotates (an even number, as HF's rotate_half needs). */
    public long rotaryDim() {
        if (positional != PositionalKind.ROTARY) {
            return 0;
        }
        long dim = (long) Math.floor(headDim * rotaryFraction);
        return dim - (dim % 2);
    }
}
