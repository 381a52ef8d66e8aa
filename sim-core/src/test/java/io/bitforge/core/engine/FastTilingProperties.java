package io.bitforge.core.engine;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The pruned tiler and the closed-form schedule give exactly what the exhaustive search and the step-by-step
 * replay they replaced give ({@link GemmTilerReference}, {@link DoubleBufferedScheduleReplay}).
 */
class FastTilingProperties {
    @Property(tries = 300)
    void prunedSearchChoosesWhatTheExhaustiveSearchChooses(
            @ForAll @IntRange(min = 1, max = 3000) int m, @ForAll @IntRange(min = 1, max = 3000) int k,
            @ForAll @IntRange(min = 1, max = 3000) int n,
            @ForAll @IntRange(min = 2, max = 200_000) int bufferA, @ForAll @IntRange(min = 2, max = 200_000) int bufferB,
            @ForAll @IntRange(min = 2, max = 200_000) int bufferC,
            @ForAll @IntRange(min = 1, max = 16) int aBits, @ForAll @IntRange(min = 1, max = 40) int bTenthBits,
            @ForAll @IntRange(min = 1, max = 32) int cBits, @ForAll @IntRange(min = 1, max = 40) int partialBits,
            @ForAll @IntRange(min = 0, max = 15) int pinMask, @ForAll @IntRange(min = 1, max = 500) int pin,
            @ForAll @IntRange(min = 0, max = 5) int pinnedOrder, @ForAll boolean withCost) {
        OperandBits bits = new OperandBits(aBits, bTenthBits / 4.0, cBits, partialBits);
        BufferBytes buffers = new BufferBytes(bufferA, bufferB, bufferC);
        TilePins pins = new TilePins(pinned(pinMask, 1, pin), pinned(pinMask, 2, pin + 3),
                pinned(pinMask, 4, pin * 2),
                (pinMask & 8) != 0 ? Optional.of(LoopOrder.values()[pinnedOrder]) : Optional.empty());
        TileCycles cost = withCost ? (tm, tk, tn) -> tm * tk + tn * 3 + tk : null;
        assertEquals(GemmTilerReference.best(m, k, n, bits, buffers, pins, cost),
                GemmTiler.best(m, k, n, bits, buffers, pins, cost));
    }

    /**
     * The default mapper's case (no K pin, no compute cost), which {@link TileRectangles} searches: every M, N and
     * loop-order pin, dimensions from 1 to 5,000 with some of them tiny, buffers from 2 bytes, fractional weight
     * widths and partial sums narrower or wider than outputs. The tiling (tile, loop order, traffic) and its step
     * count equal the exhaustive search's.
     */
    @Property(tries = 300)
    void rectangleSearchChoosesWhatTheExhaustiveSearchChooses(
            @ForAll @IntRange(min = 1, max = 5000) int m, @ForAll @IntRange(min = 1, max = 5000) int k,
            @ForAll @IntRange(min = 1, max = 5000) int n, @ForAll @IntRange(min = 0, max = 7) int tiny,
            @ForAll @IntRange(min = 2, max = 300_000) int bufferA, @ForAll @IntRange(min = 2, max = 300_000) int bufferB,
            @ForAll @IntRange(min = 2, max = 300_000) int bufferC, @ForAll @IntRange(min = 0, max = 7) int smallBuffers,
            @ForAll @IntRange(min = 1, max = 16) int aBits, @ForAll @IntRange(min = 1, max = 70) int bEighthBits,
            @ForAll @IntRange(min = 1, max = 32) int cBits, @ForAll @IntRange(min = 1, max = 48) int partialBits,
            @ForAll @IntRange(min = 0, max = 7) int pinMask, @ForAll @IntRange(min = 1, max = 700) int pin,
            @ForAll @IntRange(min = 0, max = 5) int pinnedOrder) {
        long mm = (tiny & 1) != 0 ? 1 + m % 9 : m;
        long kk = (tiny & 2) != 0 ? 1 + k % 9 : k;
        long nn = (tiny & 4) != 0 ? 1 + n % 9 : n;
        BufferBytes buffers = new BufferBytes((smallBuffers & 1) != 0 ? 2 + bufferA % 200 : bufferA,
                (smallBuffers & 2) != 0 ? 2 + bufferB % 200 : bufferB,
                (smallBuffers & 4) != 0 ? 2 + bufferC % 200 : bufferC);
        OperandBits bits = new OperandBits(aBits, bEighthBits / 8.0, cBits, partialBits);
        TilePins pins = new TilePins(pinned(pinMask, 1, pin), OptionalLong.empty(), pinned(pinMask, 2, pin * 3L),
                (pinMask & 4) != 0 ? Optional.of(LoopOrder.values()[pinnedOrder]) : Optional.empty());
        Optional<GemmTiling> exhaustive = GemmTilerReference.best(mm, kk, nn, bits, buffers, pins, null);
        Optional<GemmTiling> searched = GemmTiler.best(mm, kk, nn, bits, buffers, pins, null);
        assertEquals(exhaustive, searched);
        assertEquals(exhaustive.map(GemmTiling::steps), searched.map(GemmTiling::steps));
    }

    @Property(tries = 60)
    void prunedSearchMatchesOnLlmShapes(@ForAll @IntRange(min = 0, max = 5) int shape,
                                        @ForAll @IntRange(min = 1, max = 4096) int tokens,
                                        @ForAll @IntRange(min = 1, max = 512) int kib,
                                        @ForAll @IntRange(min = 0, max = 2) int widths) {
        long[][] kn = {{4096, 4096}, {4096, 11008}, {11008, 4096}, {4096, 32000}, {128, 2048}, {5120, 13824}};
        OperandBits bits = switch (widths) {
            case 0 -> OperandBits.uniform(8);
            case 1 -> new OperandBits(8, 4.125, 16, 32);
            default -> new OperandBits(16, 16, 16, 32);
        };
        BufferBytes buffers = new BufferBytes(kib * 1024L, kib * 1024L, kib * 512L);
        assertEquals(GemmTilerReference.best(tokens, kn[shape][0], kn[shape][1], bits, buffers, TilePins.NONE, null),
                GemmTiler.best(tokens, kn[shape][0], kn[shape][1], bits, buffers));
    }

    @Property(tries = 400)
    void closedFormScheduleEqualsTheReplay(@ForAll @IntRange(min = 1, max = 200) int m,
                                           @ForAll @IntRange(min = 1, max = 200) int k,
                                           @ForAll @IntRange(min = 1, max = 200) int n,
                                           @ForAll @IntRange(min = 1, max = 60) int mt,
                                           @ForAll @IntRange(min = 1, max = 60) int kt,
                                           @ForAll @IntRange(min = 1, max = 60) int nt,
                                           @ForAll @IntRange(min = 0, max = 5) int orderIndex,
                                           @ForAll @IntRange(min = 0, max = 300) int bandwidthTenths,
                                           @ForAll @IntRange(min = 1, max = 64) int burst,
                                           @ForAll @IntRange(min = 0, max = 2) int cycleRule) {
        GemmTiling tiling = GemmTiling.of(m, k, n, new GemmTile(Math.min(mt, m), Math.min(kt, k), Math.min(nt, n)),
                LoopOrder.values()[orderIndex], new OperandBits(8, 4.5, 16, 32));
        TileCycles cycles = switch (cycleRule) {
            case 0 -> (tm, tk, tn) -> tm + tk + tn;
            case 1 -> (tm, tk, tn) -> tm * tk * tn / 7; // zero for small edge tiles
            default -> (tm, tk, tn) -> Math.round(tm * tk * (double) tn * 0.37);
        };
        OptionalDouble bandwidth = bandwidthTenths == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(bandwidthTenths / 10.0);
        assertEquals(DoubleBufferedScheduleReplay.run(tiling, cycles, bandwidth, burst),
                DoubleBufferedSchedule.run(tiling, cycles, bandwidth, burst));
    }

    private static OptionalLong pinned(int mask, int bit, long value) {
        return (mask & bit) != 0 ? OptionalLong.of(value) : OptionalLong.empty();
    }
}
