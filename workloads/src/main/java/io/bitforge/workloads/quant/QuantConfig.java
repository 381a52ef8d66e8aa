package io.bitforge.workloads.quant;

import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How a model is quantised: the formats of weights, activations and KV cache, the weight group size, what
 * stays at high precision, and an optional LLM.int8()-style decomposition. Parsed from the command line's
 * {@code --quant} by {@link QuantParser}.
 *
 * <p>Ops on the vector unit (norms, softmax, rotary, activations, residual adds, embedding gather) always run at
 * {@link #highPrecision()}. {@code lm_head} is high-precision by default, as GPTQ and AWQ leave it; the MoE router
 * follows lm_head (quantisation methods leave it unquantised too, e.g. QMoE, Frantar and Alistarh 2023), so
 * {@code lm_head:same} puts both on the quantised datapath (needed on integer-only arrays).
 *
 * @param text            the string it was parsed from
 * @param weights         GEMM weight format
 * @param activations     GEMM activation format (the A operand and outputs of projections)
 * @param kvCache         KV cache format (K/V projection outputs, B operand of attention GEMMs)
 * @param weightGroupSize weights per quantisation group along K (0 = per channel)
 * @param lmHead          weight format of lm_head
 * @param highPrecision   format of everything left at high precision
 * @param outlierFraction share of input features (K columns) computed in {@code highPrecision} beside the
 *                        quantised GEMM, as LLM.int8() (Dettmers et al. 2022, Sec. 3.2) does; 0 = off
 */
public record QuantConfig(String text, Precision weights, Precision activations, Precision kvCache,
                          int weightGroupSize, Precision lmHead, Precision highPrecision, double outlierFraction) {

    public QuantConfig {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(activations, "activations");
        Objects.requireNonNull(kvCache, "kvCache");
        Objects.requireNonNull(lmHead, "lmHead");
        Objects.requireNonNull(highPrecision, "highPrecision");
        if (weightGroupSize < 0 || outlierFraction < 0 || outlierFraction >= 1) {
            throw new IllegalArgumentException("group size must be >= 0 and outlier fraction in [0, 1)");
        }
    }

    /** The op kinds that run at {@link #highPrecision()} whatever the weights and activations are. */
    public Set<OpKind> highPrecisionKinds() {
        Set<OpKind> kinds = EnumSet.of(OpKind.EMBEDDING, OpKind.NORM, OpKind.SOFTMAX, OpKind.ROTARY,
                OpKind.ELEMENTWISE, OpKind.ACTIVATION);
        if (lmHeadIsHighPrecision()) {
            kinds.add(OpKind.LM_HEAD);
            kinds.add(OpKind.ROUTER);
        }
        return kinds;
    }

    /** lm_head (and the MoE router) run at {@link #highPrecision()} rather than on the quantised datapath. */
    public boolean lmHeadIsHighPrecision() {
        return lmHead.equals(highPrecision);
    }

    /**
     * The config of an array's native formats, e.g. INT8 weights and activations for a TPU-like array: KV cache at
     * the weight format ({@link #nativeWithKvAtWeightsText}), lm_head and router on the same datapath
     * ({@code lm_head:same}). What {@code simulate} runs without {@code --quant}, the demo and a space's
     * {@code quant: native} use.
     */
    public static QuantConfig nativeTo(Precision weights, Precision activations) {
        return QuantParser.parse(nativeWithKvAtWeightsText(weights, activations));
    }

    /** The word a space file or the demo uses for {@link #nativeWithKvAtWeightsText}. */
    public static final String NATIVE = "native";

    /**
     * The config text of an array's native formats with the KV cache stored at the weight format, so the attention
     * GEMMs (activations × cached keys and values) run on the same datapath as the weights: a weight-only design
     * (4-bit weights × FP16 activations) cannot multiply two FP16 operands.
     */
    public static String nativeWithKvAtWeightsText(Precision weights, Precision activations) {
        return "W" + weights.bits() + ":" + weights.format() + ",A" + activations.bits() + ":" + activations.format()
                + ",KV" + weights.bits() + ":" + weights.format() + ",lm_head:same";
    }

    /** A canonical one-line description, e.g. {@code W=int4 A=int8 KV=int4 g=128 lm_head=fp16 outliers=0}. */
    public String describe() {
        return "W=" + weights + " A=" + activations + " KV=" + kvCache + " g=" + weightGroupSize + " lm_head="
                + lmHead + " high=" + highPrecision + " outliers=" + outlierFraction;
    }

    /** The unquantised baseline: FP16 everywhere. */
    public static QuantConfig fp16() {
        return QuantParser.parse("W16A16KV16");
    }
}
