package io.bitforge.core.op;

import java.util.Objects;

/**
 * The number format of one operand as the cost model sees it: a format id from DESIGN.md's list
 * ({@code int8}, {@code fp16}, {@code bitmod-fp4-er+}, ...) and its code width in bits. Per-group metadata
 * (scales, zero points) is carried by the op's group size, not folded into {@code bits}.
 */
public record Precision(String format, int bits) {
    public static final Precision INT4 = new Precision("int4", 4);
    public static final Precision INT8 = new Precision("int8", 8);
    public static final Precision INT32 = new Precision("int32", 32);
    public static final Precision FP16 = new Precision("fp16", 16);
    public static final Precision BF16 = new Precision("bf16", 16);
    public static final Precision FP32 = new Precision("fp32", 32);

    public Precision {
        Objects.requireNonNull(format, "format");
        if (format.isBlank()) {
            throw new IllegalArgumentException("format id must not be blank");
        }
        if (bits < 1 || bits > 64) {
            throw new IllegalArgumentException("bits must be 1..64, got " + bits + " for " + format);
        }
    }

    /** Bytes for {@code elements} values packed densely (rounded up to whole bytes). */
    public long bytesFor(long elements) {
        long bitCount = Math.multiplyExact(elements, (long) bits);
        return -Math.floorDiv(-bitCount, 8L);
    }

    /** True for floating-point formats (fp*, bf16), whose arithmetic needs alignment and normalisation. */
    public boolean isFloat() {
        return format.startsWith("fp") || format.equals("bf16");
    }

    @Override
    public String toString() {
        return format;
    }
}
