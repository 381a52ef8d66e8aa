package io.bitforge.core.pe;

/** Where a dequantisation step (scale, zero point, group sum) is applied in a design. */
public enum DequantSite {
    /** Inside every PE cell (BitMoD's bit-serial dequantiser, a LUT unit's per-group scale). */
    IN_PE("in the PE"),
    /** Once per operand or output at the array edge (weights converted as they enter, outputs scaled as they leave). */
    ARRAY_EDGE("at the array edge"),
    /** On the vector unit, after the array has produced per-group partial sums. */
    VECTOR_UNIT("in the vector unit");

    private final String text;

    DequantSite(String text) {
        this.text = text;
    }

    /** Words for tables ({@code in the PE}, ...). */
    public String text() {
        return text;
    }
}
