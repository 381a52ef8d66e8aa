package io.bitforge.core.spec;

/** The vector unit for softmax, norms, rotary, dequantisation and element-wise ops: lanes and word width. */
public record VectorUnitSpec(int lanes, int wordBits) {
    public VectorUnitSpec {
        if (lanes < 1 || wordBits < 1) {
            throw new IllegalArgumentException("vector unit needs lanes and word bits >= 1");
        }
    }
}
