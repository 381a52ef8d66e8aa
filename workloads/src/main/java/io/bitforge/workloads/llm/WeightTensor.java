package io.bitforge.workloads.llm;

/**
 * One named parameter tensor of a model, e.g. {@code layers.q_proj} of shape hidden × (heads × headDim),
 * present {@code copies} times (decoder layers × experts).
 *
 * @param rows   input features (K of the GEMM that uses it; 1 for a vector such as a norm scale or a bias)
 * @param cols   output features (N of the GEMM; the vector length for norms and biases)
 */
public record WeightTensor(String name, long rows, long cols, long copies) {
    public long elements() {
        return Math.multiplyExact(Math.multiplyExact(rows, cols), copies);
    }
}
