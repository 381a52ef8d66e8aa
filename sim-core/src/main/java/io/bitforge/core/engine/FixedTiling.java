package io.bitforge.core.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * A mapper that searches nothing: every GEMM gets {@code tile} (each size clipped to its dimension) in
 * {@code order}, or no tiling when that tile does not fit the buffers.
 */
public record FixedTiling(GemmTile tile, LoopOrder order) implements Mapper {
    public FixedTiling {
        Objects.requireNonNull(tile, "tile");
        Objects.requireNonNull(order, "order");
    }

    @Override
    public Optional<GemmTiling> tile(long m, long k, long n, OperandBits bits, BufferBytes buffers) {
        GemmTile clipped = new GemmTile(Math.min(tile.m(), m), Math.min(tile.k(), k), Math.min(tile.n(), n));
        if (!GemmTiler.fits(clipped, k, bits, buffers)) {
            return Optional.empty();
        }
        return Optional.of(GemmTiling.of(m, k, n, clipped, order, bits));
    }
}
