package io.bitforge.core.op;

/**
 * What an op is in the model, so reports can group by it and quantisation configs can say which ops stay
 * high-precision. GEMM kinds first, then vector-unit kinds.
 */
public enum OpKind {
    PROJECTION(true), MLP(true), ATTENTION_SCORE(true), ATTENTION_CONTEXT(true), LM_HEAD(true), CONV(true),
    ROUTER(true), LOW_RANK(true), GEMM(true),
    EMBEDDING(false), NORM(false), SOFTMAX(false), ROTARY(false), ELEMENTWISE(false), ACTIVATION(false),
    DEQUANT(false), OTHER(false);

    private final boolean gemm;

    OpKind(boolean gemm) {
        this.gemm = gemm;
    }

    /** True when ops of this kind run on the PE array rather than the vector unit. */
    public boolean isGemm() {
        return gemm;
    }
}
