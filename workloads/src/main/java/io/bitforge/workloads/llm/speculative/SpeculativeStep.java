package io.bitforge.workloads.llm.speculative;

import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.op.OpGraph;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.op.VectorOp;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.core.workload.PhaseKind;
import io.bitforge.workloads.llm.LlmGraphBuilder;
import io.bitforge.workloads.llm.LlmOptions;
import io.bitforge.workloads.llm.ModelConfig;
import io.bitforge.workloads.quant.QuantConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * One steady-state decode step at a given context, plain and speculative, as op graphs: the plain step is one
 * decode step of the target; the speculative step is the proposal work (Medusa's heads on the last hidden
 * state, or the draft model's γ decode steps) plus the target's verification pass over the T candidates
 * ({@link LlmGraphBuilder#verify}). Time and energy per accepted token then follow from costing both and
 * dividing the speculative step by {@link Speculation#expectedTokensPerStep()}.
 *
 * @param plain       one plain decode step of the target
 * @param speculative the speculative step's parts in order (proposals, then verification)
 */
public record SpeculativeStep(Speculation speculation, PhaseGraph plain, List<PhaseGraph> speculative) {

    public SpeculativeStep {
        speculative = List.copyOf(speculative);
    }

    public static SpeculativeStep of(ModelConfig target, QuantConfig quant, LlmOptions options,
                                     Speculation speculation, long batch, long context) {
        LlmGraphBuilder builder = new LlmGraphBuilder(target, quant, options);
        List<PhaseGraph> parts = new ArrayList<>();
        if (speculation instanceof Speculation.Medusa medusa) {
            parts.add(medusaHeads(target, quant, medusa.heads(), batch));
        } else if (speculation instanceof Speculation.DraftModel draft) {
            PhaseGraph steps = new LlmGraphBuilder(draft.draft(), quant, options).decode(batch, context,
                    draft.draftTokens());
            parts.add(new PhaseGraph("draft", PhaseKind.DECODE, steps.graph(), 1, 0));
        }
        parts.add(builder.verify(batch, context, speculation.verifyTokens()));
        return new SpeculativeStep(speculation, builder.decode(batch, context, 1), parts);
    }

    /**
     * Medusa-1 heads (Cai et al. 2024, Sec. 2.1.1): per head a residual block SiLU(W·h + b) + h and its own
     * lm_head over the vocabulary, on the one hidden state of each sequence. lm_heads run at lm_head's precision.
     */
    static PhaseGraph medusaHeads(ModelConfig target, QuantConfig quant, int heads, long batch) {
        long hidden = target.hiddenSize();
        Precision high = quant.highPrecision();
        boolean highHead = quant.lmHeadIsHighPrecision();
        List<Op> ops = new ArrayList<>();
        ops.add(new GemmOp("medusa_resblock", OpKind.PROJECTION, batch, hidden, hidden, heads, quant.activations(),
                quant.weights(), quant.activations(), BOperand.WEIGHTS, quant.weightGroupSize()));
        ops.add(new VectorOp("medusa_bias_act_residual", OpKind.ACTIVATION, batch * hidden, 4, 2, hidden, heads,
                high));
        ops.add(new GemmOp("medusa_lm_head", OpKind.LM_HEAD, batch, hidden, target.vocabSize(), heads,
                highHead ? high : quant.activations(), quant.lmHead(), high, BOperand.WEIGHTS,
                highHead ? 0 : quant.weightGroupSize()));
        return new PhaseGraph("medusa-heads", PhaseKind.DECODE, new OpGraph(target.id() + " medusa heads H=" + heads,
                ops), 1, 0);
    }

    /** Parameters the Medusa heads add: heads × (h² + h + h × vocab); 0 for draft-model speculation. */
    public static long medusaParameters(ModelConfig target, int heads) {
        long hidden = target.hiddenSize();
        return Math.multiplyExact((long) heads, hidden * hidden + hidden + hidden * target.vocabSize());
    }
}
