package io.bitforge.workloads.tensors;

import io.bitforge.core.format.MiniFloat;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.format.Overflow;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The safetensors element types BitForge reads, little-endian as the format specifies
 * (huggingface/safetensors, README "Format"): F32, F16 (IEEE binary16), BF16, I8 and I32. Values are widened to
 * {@code float}; I32 above 2^24 in magnitude loses low bits.
 */
public enum DType {
    F32(4), F16(2), BF16(2), I8(1), I32(4);

    private static final MiniFloat HALF = NumberFormats.FP16.withOverflow(Overflow.NON_SATURATING);
    private static final MiniFloat BFLOAT = NumberFormats.BF16.withOverflow(Overflow.NON_SATURATING);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    public static Optional<DType> fromName(String name) {
        return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
    }

    /** The names as the header spells them, for error messages. */
    public static String allowedNames() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** The value of a 16-bit F16 or BF16 pattern. */
    float decode16(int bits) {
        return this == F16 ? (float) HALF.decode(bits & 0xFFFF) : Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }

    /** The 16-bit F16 or BF16 pattern of a float, rounded to nearest even, overflowing to infinity (IEEE). */
    int encode16(float value) {
        return this == F16 ? HALF.encode(value) : BFLOAT.encode(value);
    }
}
