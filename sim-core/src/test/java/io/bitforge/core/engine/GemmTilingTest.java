package io.bitforge.core.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GemmTilingTest {
    private static final OperandBits INT8 = OperandBits.uniform(8);

    @Test
    void kInnermostFinishesEachOutputOnChip() {
        // M=4 K=6 N=8, tile 2x3x4: trips 2, 2, 2. Order MNK.
        GemmTiling t = GemmTiling.of(4, 6, 8, new GemmTile(2, 3, 4), LoopOrder.MNK, INT8);
        // A (4x6 = 24 B) is refetched for each of the 2 N trips (N is outside K): 48 B.
        assertEquals(48, t.traffic().ifmapReadBytes());
        // B (6x8 = 48 B) is refetched for each of the 2 M trips: 96 B.
        assertEquals(96, t.traffic().filterReadBytes());
        // C (4x8 = 32 B) is finished on chip and written once.
        assertEquals(32, t.traffic().ofmapWriteBytes());
        assertEquals(0, t.traffic().ofmapReadBytes());
        assertFalse(t.spillsPartialSums());
        assertEquals(8, t.steps());
    }

    @Test
    void kOutermostSpillsPartialSums() {
        GemmTiling t = GemmTiling.of(4, 6, 8, new GemmTile(2, 3, 4), LoopOrder.KMN, INT8);
        // A: innermost indexing loop is M (position 1), N is inside it: fetched once, 24 B.
        assertEquals(24, t.traffic().ifmapReadBytes());
        // B: innermost indexing loop is N (position 2), M outside it: 2 x 48 = 96 B.
        assertEquals(96, t.traffic().filterReadBytes());
        // C visited once per K trip (2): one partial write + one final write of 32 B, one read-back of 32 B.
        assertEquals(64, t.traffic().ofmapWriteBytes());
        assertEquals(32, t.traffic().ofmapReadBytes());
        assertTrue(t.spillsPartialSums());
    }

    @Test
    void loopsOfOneTripAreIgnored() {
        // K in one tile: under MNK, A (m, k) does not change while N iterates: fetched once (16 B... 4x4 = 16 B).
        GemmTiling t = GemmTiling.of(4, 4, 4, new GemmTile(2, 4, 2), LoopOrder.MNK, INT8);
        assertEquals(16, t.traffic().ifmapReadBytes());
        assertEquals(32, t.traffic().filterReadBytes()); // B refetched for each of 2 M trips
        assertEquals(16, t.traffic().ofmapWriteBytes());
    }

    @Test
    void subByteSweepsRoundOncePerSweep() {
        // A = 5 x 3 at 4 bits = 60 bits -> 8 bytes whatever the tiling
        assertEquals(8, GemmTiling.sweepBytes(5, 2, 3, 2, 4));
        assertEquals(8, GemmTiling.sweepBytes(5, 5, 3, 3, 4));
        // B = 6 x 3 at 4 bits = 72 bits = 9 bytes per sweep: K tiles of 2 or 3 move the same bytes
        GemmTiling two = GemmTiling.of(3, 6, 3, new GemmTile(3, 2, 3), LoopOrder.MKN, new OperandBits(8, 4, 8, 32));
        GemmTiling three = GemmTiling.of(3, 6, 3, new GemmTile(3, 3, 3), LoopOrder.MKN, new OperandBits(8, 4, 8, 32));
        assertEquals(9, two.traffic().filterReadBytes());
        assertEquals(9, three.traffic().filterReadBytes());
    }
}
