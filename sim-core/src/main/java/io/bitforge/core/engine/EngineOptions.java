package io.bitforge.core.engine;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Engine switches that stand for simplifying choices of published simulators; {@link #DEFAULT} is BitForge's own
 * model.
 *
 * @param foldConvention      how fold cycles are counted ({@link FoldConvention#SCALE_SIM} by default)
 * @param stepTiming          which precisions a GEMM's cell steps are timed and costed at
 *                            ({@link StepTiming#OPERANDS} by default)
 * @param attentionInputWidth under {@code mapping.cycleModel: layer-overlap} only: the elements per row of the A
 *                            operand the attention products (op kinds {@code ATTENTION_SCORE},
 *                            {@code ATTENTION_CONTEXT}) read from DRAM, instead of K. BitMoD's artefact
 *                            (yc2367/BitMoD-HPCA-25 {@code bitmod_sim/pe_array.py}) gives both products an input
 *                            of the model's K/V width, hidden·kv_heads/heads; empty (the default) means K
 * @param energyConvention    how energy is booked from the cost tables ({@link EnergyConvention#DEFAULT}:
 *                            BitForge's own accounting)
 */
public record EngineOptions(FoldConvention foldConvention, StepTiming stepTiming, OptionalLong attentionInputWidth,
                            EnergyConvention energyConvention) {
    public static final EngineOptions DEFAULT = new EngineOptions(FoldConvention.SCALE_SIM, StepTiming.OPERANDS,
            OptionalLong.empty(), EnergyConvention.DEFAULT);

    public EngineOptions {
        Objects.requireNonNull(foldConvention, "foldConvention");
        Objects.requireNonNull(stepTiming, "stepTiming");
        Objects.requireNonNull(attentionInputWidth, "attentionInputWidth");
        Objects.requireNonNull(energyConvention, "energyConvention");
        if (attentionInputWidth.isPresent() && attentionInputWidth.getAsLong() < 1) {
            throw new IllegalArgumentException("attention input width must be >= 1, got "
                    + attentionInputWidth.getAsLong());
        }
    }

    public EngineOptions withFoldConvention(FoldConvention convention) {
        return new EngineOptions(convention, stepTiming, attentionInputWidth, energyConvention);
    }

    public EngineOptions withStepTiming(StepTiming timing) {
        return new EngineOptions(foldConvention, timing, attentionInputWidth, energyConvention);
    }

    public EngineOptions withAttentionInputWidth(long elements) {
        return new EngineOptions(foldConvention, stepTiming, OptionalLong.of(elements), energyConvention);
    }

    public EngineOptions withEnergyConvention(EnergyConvention convention) {
        return new EngineOptions(foldConvention, stepTiming, attentionInputWidth, convention);
    }
}
