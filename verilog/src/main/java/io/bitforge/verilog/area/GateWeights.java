package io.bitforge.verilog.area;

import java.util.Map;

/**
 * NAND2-equivalent weights of the generic cells {@link GenericSynthesis} maps to: each cell's area in the Nangate
 * 45 nm Open Cell Library (FreePDK45, typical-corner Liberty, X1 drive) divided by NAND2_X1's 0.798 µm²: INV_X1
 * 0.532, AND2_X1 and OR2_X1 1.064, NOR2_X1 0.798, XOR2_X1 and XNOR2_X1 1.596, MUX2_X1 1.862, DFF_X1 4.522 µm².
 * One library's ratios stand for "gate equivalents"; another library gives somewhat different ratios (XOR and MUX
 * vary most), which is why the table also lists the raw gate counts.
 */
public final class GateWeights {
    /** DFF_X1 / NAND2_X1 = 4.522 / 0.798 (Nangate 45 nm OCL). */
    public static final double FLIP_FLOP = 4.522 / 0.798;

    /** Yosys generic cell type to NAND2 equivalents (Nangate 45 nm OCL X1 areas / NAND2_X1). */
    static final Map<String, Double> LOGIC = Map.of(
            "$_NOT_", 0.532 / 0.798,
            "$_AND_", 1.064 / 0.798,
            "$_OR_", 1.064 / 0.798,
            "$_NAND_", 1.0,
            "$_NOR_", 0.798 / 0.798,
            "$_XOR_", 1.596 / 0.798,
            "$_XNOR_", 1.596 / 0.798,
            "$_MUX_", 1.862 / 0.798,
            "$_BUF_", 0.0);

    /** The flip-flop cell left after {@code dfflegalize -cell $_DFF_P_ 01}. */
    static final String FLIP_FLOP_CELL = "$_DFF_P_";

    private GateWeights() {
    }

    /** Two decimals, so that the JSON is stable across platforms' last-bit differences. */
    static double round(double nand2) {
        return Math.round(nand2 * 100.0) / 100.0;
    }
}
