package io.bitforge.core.engine;

import io.bitforge.core.spec.MappingSpec;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** Tile sizes and loop order a spec's {@code mapping:} fixes; the tiler chooses whatever is left empty. */
public record TilePins(OptionalLong m, OptionalLong k, OptionalLong n, Optional<LoopOrder> order) {
    public static final TilePins NONE = new TilePins(OptionalLong.empty(), OptionalLong.empty(),
            OptionalLong.empty(), Optional.empty());

    /** The pins of a spec's mapping (its loop order is already validated as a permutation of mkn). */
    public static TilePins of(MappingSpec mapping) {
        return new TilePins(pin(mapping.tileM()), pin(mapping.tileK()), pin(mapping.tileN()),
                mapping.loopOrder().isEmpty() ? Optional.empty()
                        : Optional.of(LoopOrder.valueOf(mapping.loopOrder().toUpperCase(Locale.ROOT))));
    }

    private static OptionalLong pin(java.util.OptionalInt value) {
        return value.isPresent() ? OptionalLong.of(value.getAsInt()) : OptionalLong.empty();
    }
}
