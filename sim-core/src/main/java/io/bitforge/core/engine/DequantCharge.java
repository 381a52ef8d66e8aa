package io.bitforge.core.engine;

import io.bitforge.core.op.GemmOp;
import io.bitforge.core.pe.DequantStatement;
import io.bitforge.core.pe.DequantStep;
import io.bitforge.core.tech.TechNode;

import java.util.function.ToDoubleFunction;

/**
 * The dequantisation energy the engine charges for one GEMM instance: for each step of the family's
 * {@link DequantStatement} not already in the family's own cost, its energy per count × the count of its basis
 * (MACs, weight elements read into the array, outputs, or outputs × groups), scaled to the spec's node. Their
 * area and the vector-unit time of steps placed there are the engine's ({@code Engine#dequantVectorCycles}): edge
 * and in-PE units keep pace with the array and add no cycles; families that time their dequantisation (MixPE's side
 * work) do so in their own cost.
 */
final class DequantCharge {
    private DequantCharge() {
    }

    /**
     * Picojoules of the engine-charged steps of {@code statement} for one instance of {@code op}.
     *
     * @param weightReads weight elements read into the array for this instance
     * @param scale       energy factor from a step's node to the spec's node
     */
    static double picojoules(DequantStatement statement, GemmOp op, double weightReads,
                             ToDoubleFunction<TechNode> scale) {
        double total = 0;
        for (DequantStep step : statement.engineCharged()) {
            total += step.picojoules() * count(step, op, weightReads) * scale.applyAsDouble(step.node());
        }
        return total;
    }

    /** How many times {@code step} happens in one instance of {@code op}. */
    static double count(DequantStep step, GemmOp op, double weightReads) {
        double outputs = (double) op.m() * op.n();
        return switch (step.per()) {
            case PER_MAC -> (double) op.macs();
            case PER_WEIGHT_READ -> weightReads;
            case PER_ACTIVATION -> (double) op.m() * op.k();
            case PER_OUTPUT -> outputs;
            case PER_OUTPUT_GROUP -> outputs * (op.weightGroupSize() > 0
                    ? Math.ceil((double) op.k() / op.weightGroupSize()) : 1);
        };
    }
}
