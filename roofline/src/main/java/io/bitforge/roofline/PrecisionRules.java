package io.bitforge.roofline;

import io.bitforge.core.device.PrecisionClass;
import io.bitforge.core.op.Precision;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which datasheet precision class a GEMM computes in on a GPU-like device, given its operand formats.
 * <ul>
 *   <li>A weight format the device has no datapath for (BitMoD, flint, OVP, binary coding, FP4/FP6 ...) is
 *       dequantised to the activation format first, so the GEMM runs in the activation's class.</li>
 *   <li>Integer × integer runs in the narrowest integer class that holds both (W4A4 → INT4, W8A8 → INT8).
 *       Integers wider than 8 bits have no tensor path: FP32 (CUDA-core) class.</li>
 *   <li>When either operand is floating point, the other is converted to it and the class follows the wider
 *       operand: W4A16 → FP16 (weights dequantised), FP8 × FP8 → FP8, anything wider than 16 bits → FP32.</li>
 * </ul>
 * A device without the ideal class falls back along {@link #fallbacks(PrecisionClass)}: INT4 → INT8 → FP16,
 * FP8 → FP16, TF32 → FP32, FP16 → FP32.
 */
public final class PrecisionRules {
    private static final Pattern INTEGER = Pattern.compile("(u?int|sm-int)[0-9]+");
    private static final Set<String> NATIVE_FLOATS = Set.of("fp32", "tf32", "fp16", "bf16", "fp8-e4m3", "fp8-e5m2");

    private PrecisionRules() {
    }

    /** The class the GEMM would ideally run in. */
    public static PrecisionClass gemmClass(Precision activations, Precision weights) {
        Precision b = isNative(weights) ? weights : activations;
        boolean aFloat = activations.isFloat();
        boolean bFloat = b.isFloat();
        int bits = Math.max(activations.bits(), b.bits());
        if (!aFloat && !bFloat) {
            if (bits <= 4) {
                return PrecisionClass.INT4;
            }
            return bits <= 8 ? PrecisionClass.INT8 : PrecisionClass.FP32;
        }
        if (bits <= 8) {
            return PrecisionClass.FP8;
        }
        return bits <= 16 ? PrecisionClass.FP16 : PrecisionClass.FP32;
    }

    /** The class itself, then what a device without it uses instead, in order. */
    public static List<PrecisionClass> fallbacks(PrecisionClass ideal) {
        return switch (ideal) {
            case INT4 -> List.of(PrecisionClass.INT4, PrecisionClass.INT8, PrecisionClass.FP16, PrecisionClass.FP32);
            case INT8 -> List.of(PrecisionClass.INT8, PrecisionClass.FP16, PrecisionClass.FP32);
            case FP8 -> List.of(PrecisionClass.FP8, PrecisionClass.FP16, PrecisionClass.FP32);
            case FP16 -> List.of(PrecisionClass.FP16, PrecisionClass.FP32);
            case TF32 -> List.of(PrecisionClass.TF32, PrecisionClass.FP32);
            case FP32 -> List.of(PrecisionClass.FP32);
        };
    }

    /** True when GPUs have a multiply datapath for this format (plain integers and IEEE-style FP8/16/32). */
    static boolean isNative(Precision precision) {
        return INTEGER.matcher(precision.format()).matches() || NATIVE_FLOATS.contains(precision.format());
    }
}
