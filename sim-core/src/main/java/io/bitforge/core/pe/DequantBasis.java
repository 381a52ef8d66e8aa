package io.bitforge.core.pe;

/** What a dequantisation step is counted per, for one GEMM instance of shape M × K × N with groups of g along K. */
public enum DequantBasis {
    /** Every multiply-accumulate: M·K·N. */
    PER_MAC("MAC"),
    /**
     * Every weight element read from the weight SRAM into the array (the fold model's weight reads; K·N for
     * families with their own GEMM cost).
     */
    PER_WEIGHT_READ("weight read into the array"),
    /** Every activation element: M·K. */
    PER_ACTIVATION("activation"),
    /** Every output element: M·N. */
    PER_OUTPUT("output"),
    /** Every output element and weight group: M·N·ceil(K/g). */
    PER_OUTPUT_GROUP("output and group");

    private final String text;

    DequantBasis(String text) {
        this.text = text;
    }

    /** Words for tables ({@code output and group}, ...). */
    public String text() {
        return text;
    }
}
