package io.bitforge.pe.shiftadd;

import java.util.Arrays;
import java.util.Optional;

/** Which shift-and-add datapath a {@code shift-add} cell implements. */
public enum ShiftAddVariant {
    /** MixPE (Zhang et al., arXiv 2411.16158): INT weights by shift-and-add, dequantisation after the group sum. */
    MIXPE("mixpe"),
    /** ShiftAddLLM (You et al., arXiv 2406.05981): binary-coded weights, ±1 activation-sum tables, shifted scales. */
    SHIFTADDLLM("shiftaddllm");

    private final String id;

    ShiftAddVariant(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<ShiftAddVariant> fromId(String id) {
        return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
    }
}
