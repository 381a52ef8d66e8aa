package io.bitforge.core.cost;

/**
 * Where energy goes, one category per kind of action (DESIGN.md, "Cost report"). Every PE family and memory
 * model books its energy into these so that reports compare families category by category.
 */
public enum EnergyCategory {
    /** Multiply-accumulate datapath of the PE cells. */
    MAC,
    /** Operand decoders (outlier-victim pairs, value-grid formats). */
    DECODE,
    /** Look-up-table precompute (LUT-based mpGEMM). */
    TABLE_PRECOMPUTE,
    /** Dequantisation (per-group scale multiply). */
    DEQUANT,
    /** Analog-to-digital conversion (crossbar read-out). */
    ADC,
    /** Digital-to-analog conversion (crossbar word-line drive). */
    DAC,
    /** Analog crossbar array read. */
    CROSSBAR,
    /** Shift-and-add of bit-sliced partial sums. */
    SHIFT_ADD,
    /** The vector unit (softmax, norms, element-wise). */
    VECTOR,
    SRAM_READ,
    SRAM_WRITE,
    DRAM,
    /** On-chip wires and networks between buffers and the array. */
    INTERCONNECT,
    /** Leakage over the run. */
    STATIC
}
