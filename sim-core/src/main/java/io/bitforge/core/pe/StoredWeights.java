package io.bitforge.core.pe;

import io.bitforge.core.op.GemmOp;

/**
 * How many bits one element of a GEMM's B operand occupies where it is stored: in DRAM (the traffic the engine's
 * memory models charge) and in the weight SRAM (the bits its reads and writes cost). It may be fractional: 4-bit
 * codes with 8 bits of metadata per group of 128 are 4.0625 bits, and a published model may charge an effective
 * width such as OliVe's 3.875 bits (BitMoD, HPCA 2025). {@link PeFamily#storedWeightBits} gives the figure; this
 * class holds the default rule every family starts from.
 */
public final class StoredWeights {
    /**
     * Metadata per quantisation group BitForge charges unless a family says otherwise: one FP16 scale, as the
     * workload capacity model stores it.
     */
    public static final int DEFAULT_METADATA_BITS_PER_GROUP = 16;

    private StoredWeights() {
    }

    /**
     * The B operand's code width plus {@code metadataBitsPerGroup} spread over each group of
     * {@link GemmOp#weightGroupSize()} elements; the code width alone when the op has no groups.
     */
    public static double codePlusMetadata(GemmOp op, int metadataBitsPerGroup) {
        if (metadataBitsPerGroup < 0) {
            throw new IllegalArgumentException("metadata bits must be >= 0, got " + metadataBitsPerGroup);
        }
        int group = op.weightGroupSize();
        return group == 0 ? op.weights().bits() : op.weights().bits() + (double) metadataBitsPerGroup / group;
    }
}
