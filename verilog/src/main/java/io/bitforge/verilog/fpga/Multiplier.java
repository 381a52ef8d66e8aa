package io.bitforge.verilog.fpga;

/**
 * One multiplier cell ({@code $mul}) of a flattened design, with its operand and product widths after Yosys's
 * width reduction.
 */
record Multiplier(String name, int aBits, int bBits, int productBits) {
    // synth_ice40 -dsp maps a $mul to SB_MAC16 only from 2x2 operands and an 11-bit product up, in 16x16 pieces
    // (Yosys 0.23 techlibs/ice40/synth_ice40.cc: mul2dsp with DSP_A/B_MAXWIDTH=16, DSP_A/B_MINWIDTH=2,
    // DSP_Y_MINWIDTH=11)
    private static final int DSP_OPERAND_BITS = 16;
    private static final int MIN_OPERAND_BITS = 2;
    private static final int MIN_PRODUCT_BITS = 11;

    /** DSP blocks {@code synth_ice40 -dsp} would spend on it (0: it stays in logic anyway). */
    int dspBlocks() {
        if (aBits < MIN_OPERAND_BITS || bBits < MIN_OPERAND_BITS || productBits < MIN_PRODUCT_BITS) {
            return 0;
        }
        return ceilDiv(aBits, DSP_OPERAND_BITS) * ceilDiv(bBits, DSP_OPERAND_BITS);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
