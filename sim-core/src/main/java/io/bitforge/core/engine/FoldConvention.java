package io.bitforge.core.engine;

/**
 * How the fold model counts a fold's cycles.
 * <ul>
 *   <li>{@link #SCALE_SIM} (the default): SCALE-Sim v2's systolic schedule — operand skew, pipeline fill and
 *       drain, stationary-operand preload — and its report convention (cycle counts are the index of the last
 *       cycle, one less than the cycles counted).</li>
 *   <li>{@link #STREAM_ONLY}: a fold costs only its streaming steps ({@code cyclesPerStep × T}), no fill, drain or
 *       preload, and cycles are counted as they are. This is how the simulators shipped with Bit Fusion
 *       (hsharma35/bitfusion {@code bitfusion/src/simulator/accelerator.py}: cycles = tiles × K) and BitMoD
 *       (yc2367/BitMoD-HPCA-25 {@code bitmod_sim}: cycles = tiles × L) count compute cycles, so their published
 *       cycle figures are reproduced under this convention.</li>
 * </ul>
 */
public enum FoldConvention {
    SCALE_SIM, STREAM_ONLY
}
