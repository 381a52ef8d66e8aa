package io.bitforge.core.engine;

import io.bitforge.core.io.BadInputException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tiler's candidate tile sizes are bounded by the buffers, so huge GEMM dimensions stay fast. */
class GemmTilerSizesTest {
    /** The capped list is every size the definition admits (checked one by one) that is no wider than the cap. */
    @Property(tries = 200)
    void cappedSizesAreTheDefinitionFiltered(@ForAll @IntRange(min = 1, max = 3000) int size,
                                             @ForAll @IntRange(min = 1, max = 4000) int cap) {
        long[] expected = LongStream.rangeClosed(1, Math.min(size, cap))
                .filter(s -> GemmTiling.trips(size, GemmTiling.trips(size, s)) == s).toArray();
        assertArrayEquals(expected, GemmTiler.tileSizes(size, cap));
    }

    /** 2^56 rows with 64 KiB buffers: A and C each swept once (2^56 bytes at 8 bits), B's one byte once. */
    @Test
    void aGemmOfTwoToTheFiftySixRowsIsTiledInSeconds() {
        long m = 1L << 56;
        GemmTiling tiling = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> GemmTiler.best(m, 1, 1,
                new OperandBits(8, 8, 8, 32), new BufferBytes(65536, 65536, 65536))).orElseThrow();
        assertEquals(2 * m + 1, tiling.traffic().totalBytes());
        assertTrue(tiling.tile().m() <= 32768, "an A tile fits in half of 64 KiB: " + tiling.tile());
    }

    /** Buffers of 2^50 bytes leave the √D bound: 2^56 rows would need about 2^29 sizes, so it is refused. */
    @Test
    void aSearchPastTheSizeLimitIsRefusedWithItsEstimate() {
        BadInputException e = assertThrows(BadInputException.class, () -> GemmTiler.best(1L << 56, 1, 1,
                new OperandBits(8, 8, 8, 32), new BufferBytes(1L << 50, 1L << 50, 1L << 50)));
        assertTrue(e.getMessage().contains("5.37e+08 tile sizes"), e.getMessage());
    }
}
