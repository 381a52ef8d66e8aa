package io.bitforge.core.engine;

import java.util.Optional;

/**
 * The mapping stage's chooser: lays one GEMM onto the design's double-buffered operand SRAMs, picking the tile
 * sizes and the loop order over tiles. {@link TilerSearch} searches for the least DRAM traffic (the default);
 * {@link FixedTiling} takes the caller's tiling as given. A {@link Mapping} says which one a run uses.
 */
public interface Mapper {
    /**
     * The tiling of an {@code m × k × n} GEMM whose operands are stored at {@code bits}, within {@code buffers};
     * empty when nothing this mapper may choose fits.
     */
    Optional<GemmTiling> tile(long m, long k, long n, OperandBits bits, BufferBytes buffers);
}
