package io.bitforge.core.spec;

import java.util.OptionalInt;

/**
 * Optional mapping pins (DESIGN.md): tile sizes along M, K, N and a loop order; anything left empty is chosen by
 * the mapper. {@link #NONE} pins nothing.
 *
 * @param loopOrder a permutation of {@code mkn} from outermost to innermost loop, or empty
 */
public record MappingSpec(OptionalInt tileM, OptionalInt tileK, OptionalInt tileN, String loopOrder) {
    public static final MappingSpec NONE = new MappingSpec(OptionalInt.empty(), OptionalInt.empty(),
            OptionalInt.empty(), "");

    public MappingSpec {
        java.util.Objects.requireNonNull(loopOrder, "loopOrder");
    }

    public boolean isEmpty() {
        return tileM.isEmpty() && tileK.isEmpty() && tileN.isEmpty() && loopOrder.isEmpty();
    }
}
