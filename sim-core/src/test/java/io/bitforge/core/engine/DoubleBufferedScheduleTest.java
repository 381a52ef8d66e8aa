package io.bitforge.core.engine;

import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DoubleBufferedScheduleTest {
    private static final OperandBits INT8 = OperandBits.uniform(8);
    private static final TileCycles TEN = (m, k, n) -> 10;

    @Test
    void fourTilesAtOneBytePerCycleStall() {
        // M=K=N=4, tiles 2x4x2, order MNK: steps (m0,n0) (m0,n1) (m1,n0) (m1,n1), 10 cycles each.
        // A tile 2x4 = 8 B, B tile 4x2 = 8 B, C tile 2x2 = 4 B.
        // Loads: s0 A+B = 16 (prefetch), s1 B = 8, s2 A+B = 16, s3 B = 8. Every step leaves its C: 4 B.
        // Bus during s0: 8; s1: 16 + 4 = 20; s2: 8 + 4 = 12; s3: 0 + 4 = 4. Drain: 4.
        // At 1 B/cycle: stalls 0 + 10 + 2 + 0 = 12.
        GemmTiling tiling = GemmTiling.of(4, 4, 4, new GemmTile(2, 4, 2), LoopOrder.MNK, INT8);
        MemoryTimeline t = DoubleBufferedSchedule.run(tiling, TEN, OptionalDouble.of(1.0), 1);
        assertEquals(40, t.computeCycles());
        assertEquals(12, t.stallCycles());
        assertEquals(16, t.prefetchCycles());
        assertEquals(4, t.drainCycles());
        assertEquals(52, t.totalCycles());
        assertEquals(new DramTraffic(16, 32, 16, 0), t.traffic());
        assertEquals(2.0, t.stallFreeBytesPerCycle()); // 20 B over 10 cycles
    }

    @Test
    void unlimitedBandwidthNeverStallsAndReportsTheNeededRate() {
        GemmTiling tiling = GemmTiling.of(4, 4, 4, new GemmTile(2, 4, 2), LoopOrder.MNK, INT8);
        MemoryTimeline t = DoubleBufferedSchedule.run(tiling, TEN, OptionalDouble.empty(), 1);
        assertEquals(0, t.stallCycles());
        assertEquals(0, t.prefetchCycles());
        assertEquals(2.0, t.stallFreeBytesPerCycle());
        // at exactly that rate nothing stalls
        assertEquals(0, DoubleBufferedSchedule.run(tiling, TEN, OptionalDouble.of(2.0), 1).stallCycles());
    }

    @Test
    void aGemmThatFitsLoadsOnceAndNeverStalls() {
        // 8x8x8 in one tile: prefetch A + B = 128 B at 4 B/cycle = 32 cycles, drain C = 64 B = 16 cycles.
        GemmTiling tiling = GemmTiling.of(8, 8, 8, new GemmTile(8, 8, 8), LoopOrder.MKN, INT8);
        MemoryTimeline t = DoubleBufferedSchedule.run(tiling, (m, k, n) -> 29, OptionalDouble.of(4.0), 1);
        assertEquals(29, t.totalCycles());
        assertEquals(0, t.stallCycles());
        assertEquals(32, t.prefetchCycles());
        assertEquals(16, t.drainCycles());
        assertEquals(new DramTraffic(64, 64, 64, 0), t.traffic());
    }

    @Test
    void spilledPartialSumsAreReadBackAndTransfersRoundToBursts() {
        // M=2 K=4 N=2, tiles 2x2x2, order KMN: two steps (k0, k1) on the same C tile... C is revisited only when
        // (m, n) changes, which never happens here, so partial sums stay on chip.
        GemmTiling kmn = GemmTiling.of(2, 4, 2, new GemmTile(2, 2, 2), LoopOrder.KMN, INT8);
        MemoryTimeline t = DoubleBufferedSchedule.run(kmn, TEN, OptionalDouble.empty(), 1);
        assertEquals(new DramTraffic(8, 8, 4, 0), t.traffic());
        // M=4 K=4 N=2, tiles 2x2x2, KMN: steps (k0,m0) (k0,m1) (k1,m0) (k1,m1); C tiles revisited at k1.
        // A tiles 2x2 = 4 B x 4, B tiles 4 B x 2, C: partial writes 2 x 4 B, final writes 2 x 4 B, reads 2 x 4 B.
        GemmTiling spill = GemmTiling.of(4, 4, 2, new GemmTile(2, 2, 2), LoopOrder.KMN, INT8);
        assertEquals(new DramTraffic(16, 8, 16, 8),
                DoubleBufferedSchedule.run(spill, TEN, OptionalDouble.empty(), 1).traffic());
        assertEquals(spill.traffic(), DoubleBufferedSchedule.run(spill, TEN, OptionalDouble.empty(), 1).traffic());
        // 32-byte bursts: each of the 4 A, 2 B, 4 C-write and 2 C-read transfers becomes 32 B.
        assertEquals(new DramTraffic(128, 64, 128, 64),
                DoubleBufferedSchedule.run(spill, TEN, OptionalDouble.empty(), 32).traffic());
    }
}
