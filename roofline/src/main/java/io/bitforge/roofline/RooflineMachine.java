package io.bitforge.roofline;

import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Precision;

import java.util.List;
import java.util.OptionalDouble;

/**
 * What a roofline needs of a machine, real or simulated: the compute roof that applies to a GEMM at its operand
 * precisions, the roof of element-wise work, the memory roof, and the link for tensor parallelism.
 */
public interface RooflineMachine {
    /** Name shown in tables and chart titles. */
    String name();

    /** Peak DRAM bandwidth in bytes per second. */
    double memoryBytesPerSecond();

    /** The roof a GEMM with these operand precisions computes under. */
    Peak gemmPeak(Precision activations, Precision weights);

    /** The roof of element-wise and reduction work (softmax, norms, adds) on this operand precision. */
    Peak vectorPeak(Precision precision);

    /** Every distinct roof, highest first, for plots. */
    List<Peak> roofs();

    /** Device-to-device bandwidth per direction in bytes per second, if the machine has a link. */
    OptionalDouble linkBytesPerSecond();

    /**
     * Bits one weight of {@code op} is stored at, metadata included, when the machine says (a simulated design's PE
     * family: {@code PeFamily.storedWeightBits}); empty means the format's bits plus one FP16 scale per group.
     */
    default OptionalDouble storedWeightBits(GemmOp op) {
        return OptionalDouble.empty();
    }
}
