package io.bitforge.core.spec;

import java.util.OptionalInt;

/**
 * Optional mapping pins (DESIGN.md): tile sizes along M, K, N and a loop order; anything left empty is chosen by
 * the mapper. {@link #NONE} pins nothing. {@code cycleModel} picks the engine's cycle model ({@link CycleModel};
 * {@code folds} unless the spec says otherwise).
 *
 * @param loopOrder a permutation of {@code mkn} from outermost to innermost loop, or empty
 */
public record MappingSpec(OptionalInt tileM, OptionalInt tileK, OptionalInt tileN, String loopOrder,
                          CycleModel cycleModel) {
    public static final MappingSpec NONE = new MappingSpec(OptionalInt.empty(), OptionalInt.empty(),
            OptionalInt.empty(), "");

    public MappingSpec {
        java.util.Objects.requireNonNull(loopOrder, "loopOrder");
        java.util.Objects.requireNonNull(cycleModel, "cycleModel");
    }

    /** Pins with the default cycle model ({@link CycleModel#FOLDS}). */
    public MappingSpec(OptionalInt tileM, OptionalInt tileK, OptionalInt tileN, String loopOrder) {
        this(tileM, tileK, tileN, loopOrder, CycleModel.FOLDS);
    }

    public MappingSpec withCycleModel(CycleModel model) {
        return new MappingSpec(tileM, tileK, tileN, loopOrder, model);
    }

    public boolean isEmpty() {
        return tileM.isEmpty() && tileK.isEmpty() && tileN.isEmpty() && loopOrder.isEmpty()
                && cycleModel == CycleModel.FOLDS;
    }
}
