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

    /**
     * Output height as SCALE-Sim computes it ({@code scalesim/topology_utils.py}): {@code ceil((in − filter +
     * stride) / stride)}, which counts a last partial window when {@code in − filter} is not a multiple of the
     * stride (AlexNet conv1 on a 224-pixel input: 55, where {@link #outputHeight()} gives 54).
     */
    public long scaleSimOutputHeight() {
        return ceilDiv(inputHeight - filterHeight + stride, stride);
    }

    /** Output width as SCALE-Sim computes it (see {@link #scaleSimOutputHeight()}). */
    public long scaleSimOutputWidth() {
        return ceilDiv(inputWidth - filterWidth + stride, stride);
    }

    /** The GEMM SCALE-Sim runs for this layer: its output-size rule, one precision for all operands. */
    public GemmOp toScaleSimGemm(Precision precision) {
        return new GemmOp(name, OpKind.CONV, scaleSimOutputHeight() * scaleSimOutputWidth(),
                filterHeight * filterWidth * channels, filters, 1, precision, precision, precision, BOperand.WEIGHTS,
                0);
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
