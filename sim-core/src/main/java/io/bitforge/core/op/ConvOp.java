package io.bitforge.core.op;

/**
 * A 2-D convolution as SCALE-Sim's topology files describe it (input already padded): lowered to a GEMM
 * with M = output pixels, K = filter height × width × channels, N = filters (scalesim-project/scale-sim-v2,
 * {@code scalesim/topology_utils.py}).
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
        return (inputHeight - filterHeight) / stride + 1;
    }

    public long outputWidth() {
        return (inputWidth - filterWidth) / stride + 1;
    }

    /** The lowered GEMM at one precision for all operands. */
    public GemmOp toGemm(Precision precision) {
        return new GemmOp(name, OpKind.CONV, outputHeight() * outputWidth(), filterHeight * filterWidth * channels,
                filters, 1, precision, precision, precision, BOperand.WEIGHTS, 0);
    }
}
