package io.bitforge.core.engine;

import java.util.Optional;

/**
 * The default mapper: {@link GemmTiler}'s search over tile sizes and loop orders for the least DRAM traffic, within
 * whatever the {@code pins} fix.
 */
public record TilerSearch(TilePins pins) implements Mapper {
    public TilerSearch {
        java.util.Objects.requireNonNull(pins, "pins");
    }

    @Override
    public Optional<GemmTiling> tile(long m, long k, long n, OperandBits bits, BufferBytes buffers) {
        return GemmTiler.best(m, k, n, bits, buffers, pins, null);
    }
}
