package io.bitforge.core.device;

/**
 * The precision classes GPU and SoC datasheets quote peak dense throughput for. {@link #FP16} means FP16 or
 * BF16 multiplies with FP32 accumulation (what inference kernels use), {@link #FP8} FP8 with FP32
 * accumulation; {@link #FP32} is the non-tensor (CUDA-core) rate, which also runs element-wise work.
 */
public enum PrecisionClass {
    FP32("fp32"), TF32("tf32"), FP16("fp16"), FP8("fp8"), INT8("int8"), INT4("int4");

    private final String label;

    PrecisionClass(String label) {
        this.label = label;
    }

    /** Lower-case name used in output and facts. */
    public String label() {
        return label;
    }
}
