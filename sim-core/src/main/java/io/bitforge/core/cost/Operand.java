package io.bitforge.core.cost;

/**
 * The three GEMM operands and their buffers. SCALE-Sim's names: ifmap = activations (A), filter = weights (B),
 * ofmap = outputs (C).
 */
public enum Operand {
    ACTIVATIONS("ifmap"), WEIGHTS("filter"), OUTPUTS("ofmap");

    private final String scaleSimName;

    Operand(String scaleSimName) {
        this.scaleSimName = scaleSimName;
    }

    /** SCALE-Sim's word for this operand (ifmap, filter, ofmap). */
    public String scaleSimName() {
        return scaleSimName;
    }
}
