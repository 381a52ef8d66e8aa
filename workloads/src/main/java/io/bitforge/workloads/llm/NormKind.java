package io.bitforge.workloads.llm;

/** RMSNorm (scale only: one weight vector) or LayerNorm (scale and bias: two vectors). */
public enum NormKind {
    RMS_NORM(1), LAYER_NORM(2);

    private final int vectors;

    NormKind(int vectors) {
        this.vectors = vectors;
    }

    /** Parameter vectors of one norm of width {@code width}: RMSNorm has a scale, LayerNorm a scale and a bias. */
    public long parameters(long width) {
        return vectors * width;
    }
}
