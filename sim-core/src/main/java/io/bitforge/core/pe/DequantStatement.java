package io.bitforge.core.pe;

import java.util.List;
import java.util.Objects;

/**
 * A PE family's statement of where one GEMM's quantisation metadata (scales, zero points, group sums) is applied and
 * what each application costs: the basis of charging every family alike for dequantisation. The engine charges the
 * steps not already in the family's own cost ({@link DequantStep#inFamilyCost()}) under
 * {@link io.bitforge.core.cost.EnergyCategory#DEQUANT}. An empty list means the operands carry no metadata to apply
 * (FP16 × FP16) or the family folds it away (say so in {@code note}).
 *
 * @param config the operand configuration the statement is for, e.g. {@code fp16 x int4 g128}
 * @param note   why there are no steps, or what the steps leave out; may be empty
 */
public record DequantStatement(String config, List<DequantStep> steps, String note) {
    public DequantStatement {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(note, "note");
        steps = List.copyOf(steps);
    }

    /** The usual config text for {@code op}: {@code fp16 x int4 g128}, or {@code ... per channel} without groups. */
    public static String configOf(io.bitforge.core.op.GemmOp op) {
        return op.activations().format() + " x " + op.weights().format()
                + (op.weightGroupSize() > 0 ? " g" + op.weightGroupSize() : " per channel");
    }

    /** The steps the engine charges (those not in the family's own cost). */
    public List<DequantStep> engineCharged() {
        return steps.stream().filter(step -> !step.inFamilyCost()).toList();
    }
}
