package io.bitforge.pe;

import io.bitforge.core.cost.CostSource;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.pe.DequantBasis;
import io.bitforge.core.pe.DequantSite;
import io.bitforge.core.pe.DequantStatement;
import io.bitforge.core.pe.DequantStep;
import io.bitforge.core.tech.TechNode;

import java.util.List;

/**
 * Energies of the arithmetic that applies quantisation metadata, and the statements shared by several families.
 * Figures: M. Horowitz, "Computing's energy problem (and what we can do about it)", ISSCC 2014, 45 nm: FP16 add
 * 0.4 pJ, FP16 multiply 1.1 pJ, FP32 add 0.9 pJ, FP32 multiply 3.7 pJ. The steps built from them are derived
 * (an op count × a published per-op energy) and flagged as estimates: the op mix of a real dequantiser
 * (conversion, rounding, pipeline registers) is not published for these designs. A step's unit area is the same
 * paper's area of its arithmetic (45 nm: FP16 multiply 1640 µm², add 1360 µm²; FP32 multiply 7700 µm²), one unit
 * per lane of the edge it sits on; steps on the vector unit use its lanes and add no area.
 */
public final class DequantOps {
    /** Horowitz, ISSCC 2014, 45 nm: FP16 multiply. */
    public static final double FP16_MULT_PICOJOULES = 1.1;
    /** Horowitz, ISSCC 2014, 45 nm: FP16 add. */
    public static final double FP16_ADD_PICOJOULES = 0.4;
    /** Horowitz, ISSCC 2014, 45 nm: FP32 multiply. */
    public static final double FP32_MULT_PICOJOULES = 3.7;
    /** Horowitz, ISSCC 2014, 45 nm: FP32 add. */
    public static final double FP32_ADD_PICOJOULES = 0.9;
    /** Horowitz, ISSCC 2014, 45 nm: FP16 multiplier area, µm². */
    public static final double FP16_MULT_SQUARE_MICROMETRES = 1640;
    /** Horowitz, ISSCC 2014, 45 nm: FP16 adder area, µm². */
    public static final double FP16_ADD_SQUARE_MICROMETRES = 1360;
    /** Horowitz, ISSCC 2014, 45 nm: FP32 multiplier area, µm². */
    public static final double FP32_MULT_SQUARE_MICROMETRES = 7700;
    /** Horowitz, ISSCC 2014, 45 nm: FP32 adder area, µm². */
    public static final double FP32_ADD_SQUARE_MICROMETRES = 4184;

    public static final CostSource FP16_SCALE = new CostSource("dequant-fp16-scale-per-weight", "derived: one FP16 "
            + "multiply (1.1 pJ, Horowitz ISSCC 2014, 45nm) per weight converted to FP16 at the array edge", "45nm",
            true);
    public static final CostSource FP32_OUTPUT_SCALE = new CostSource("dequant-fp32-output-scale", "derived: one FP32 "
            + "multiply (3.7 pJ, Horowitz ISSCC 2014, 45nm) per output for its activation x weight scale", "45nm",
            true);
    public static final CostSource FP32_GROUP_SCALE = new CostSource("dequant-fp32-group-scale", "derived: one FP32 "
            + "multiply and add (3.7 + 0.9 pJ, Horowitz ISSCC 2014, 45nm) per output and weight group to scale and "
            + "accumulate the group's partial sum", "45nm", true);
    public static final CostSource FP16_GROUP_SCALE = new CostSource("dequant-fp16-group-scale", "derived: one FP16 "
            + "multiply and add (1.1 + 0.4 pJ, Horowitz ISSCC 2014, 45nm) per output and weight group", "45nm", true);

    private DequantOps() {
    }

    /**
     * An integer (or value-grid) multiplier array whose accumulators hold integer sums: per-channel scales are one
     * FP32 multiply per output as results leave the array; per-group scales need each group's partial sum out of
     * the array, scaled and accumulated on the vector unit (an FP32 multiply and add per output and group).
     */
    public static DequantStatement integerArray(GemmOp op) {
        String config = DequantStatement.configOf(op);
        if (op.weightGroupSize() > 0) {
            return new DequantStatement(config, List.of(DequantStep.charged("group scale x group partial sum, "
                            + "accumulated", DequantSite.VECTOR_UNIT, DequantBasis.PER_OUTPUT_GROUP,
                    FP32_MULT_PICOJOULES + FP32_ADD_PICOJOULES, TechNode.N45, FP32_GROUP_SCALE)),
                    "symmetric codes: no zero point");
        }
        return new DequantStatement(config, List.of(DequantStep.charged("activation scale x channel scale",
                DequantSite.ARRAY_EDGE, DequantBasis.PER_OUTPUT, FP32_MULT_PICOJOULES, TechNode.N45,
                FP32_OUTPUT_SCALE).withUnitArea(FP32_MULT_SQUARE_MICROMETRES)), "symmetric codes: no zero point");
    }

    /**
     * An FP16 multiplier array given integer or grid-coded weights: each weight is converted to FP16 and scaled by
     * its group's (or channel's) scale as it enters the array, one FP16 multiply per weight element read into the
     * array; the code-to-FP16 conversion itself is exact wiring for codes of at most 11 significant bits.
     */
    public static DequantStatement floatArrayWithCodedWeights(GemmOp op) {
        return new DequantStatement(DequantStatement.configOf(op), List.of(DequantStep.charged(
                (op.weightGroupSize() > 0 ? "group" : "channel") + " scale x weight, to FP16",
                DequantSite.ARRAY_EDGE, DequantBasis.PER_WEIGHT_READ, FP16_MULT_PICOJOULES, TechNode.N45,
                FP16_SCALE).withUnitArea(FP16_MULT_SQUARE_MICROMETRES)), "symmetric codes: no zero point");
    }

    /** Floating-point weights and activations: nothing to apply. */
    public static DequantStatement none(GemmOp op, String why) {
        return new DequantStatement(DequantStatement.configOf(op), List.of(), why);
    }
}
