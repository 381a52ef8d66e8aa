package io.bitforge.core.op;

/**
 * A 2-D convolution as SCALE-Sim's topology files describe it (input already padded): lowered to a GEMM
 * with M = output pixels, K = filter height × width × channels, N = filters (scalesim-project/scale-sim-v2,
 * {@code scalesim/topology_utils.py}). Output sizes follow SCALE-Sim: {@code ceil((in − filter + stride) /
 * stride)}, which counts a last partial window when {@code (in − filter)} is not a multiple of the stride
 * (AlexNet conv1 on a 224-pixel input gives 55, as in SCALE-Sim's golden run).
 */
public record ConvOp(String name, long inputHeight, long inputWidth, long filterHeight, long filterWidth,
                     long channels, long filters, long stride) {

    public ConvOp {
        if (inputHeight < 1 || inputWidth < 1 || filterHeight < 1 || filterWidth < 1 || channels < 1
                || filters < 1 || stride < 1) {
            throw new IllegalArgumentException(name + ": convolution dimensions must be >= 1");
        }
        if (filterHeight > inputHeight || filterWidth > inputWidth) {
            throw new IllegalArgumentException(name + ": filter " + filterHeight + "x" + filterWidth
                    + " is larger than the input " + inputHeight + "x" + inputWidth);
        }
    }

    public long outputHeight() {
        return ceilDiv(inputHeight - filterHeight + stride, stride);
    }

    public long outputWidth() {
        return ceilDiv(inputWidth - filterWidth + stride, stride);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /** The lowered GEMM at one precision for all operands. */
    public GemmOp toGemm(Precision precision) {
        return new GemmOp(name, OpKind.CONV, outputHeight() * outputWidth(), filterHeight * filterWidth * channels,
                filters, 1, precision, precision, precision, BOperand.WEIGHTS, 0);
    }
}
