package io.bitforge.core.engine;

import io.bitforge.core.spec.CycleModel;
import io.bitforge.core.spec.MappingSpec;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mapping stage: which mapper a mapping asks for, and what a fixed tiling moves. */
class MappingTest {
    private static final OperandBits INT8 = new OperandBits(8, 8, 8, 32);
    private static final BufferBytes BUFFERS = new BufferBytes(64 * 1024, 64 * 1024, 64 * 1024);

    @Test
    void aFixedTilingMovesWhatItsLoopOrderImplies() {
        // 64 x 64 x 64 GEMM, 32 x 32 x 32 tiles, loops M (outer), N, K (inner): 2 trips each.
        // A (64 x 64 bytes) is fetched once per N trip: 2 x 4096; B once per M trip: 2 x 4096; K is innermost,
        // so each C tile is finished on chip and written once: 4096 bytes, no partial sums.
        GemmTiling tiling = new FixedTiling(new GemmTile(32, 32, 32), LoopOrder.MNK).tile(64, 64, 64, INT8, BUFFERS)
                .orElseThrow();
        assertEquals(new DramTraffic(8192, 8192, 4096, 0), tiling.traffic());
        assertEquals(8, tiling.steps());
        // Loops K (outer), M, N (inner): A's innermost loop M has N inside it, so A comes once (4096); B's
        // innermost loop N sits inside M, so B comes once per M trip (2 x 4096); every C tile is visited twice,
        // spilling 32-bit partial sums once (64 x 64 x 4 bytes written, then read back) before its 8-bit write.
        GemmTiling spilling = new FixedTiling(new GemmTile(32, 32, 32), LoopOrder.KMN)
                .tile(64, 64, 64, INT8, BUFFERS).orElseThrow();
        assertEquals(new DramTraffic(4096, 8192, 4096 + 16384, 16384), spilling.traffic());
    }

    @Test
    void aFixedTileIsClippedToTheGemmAndRefusedWhenItDoesNotFit() {
        GemmTiling clipped = new FixedTiling(new GemmTile(1000, 1000, 1000), LoopOrder.MKN)
                .tile(16, 16, 16, INT8, BUFFERS).orElseThrow();
        assertEquals(new GemmTile(16, 16, 16), clipped.tile());
        // A 256 x 256 activation tile is 64 KiB: more than half the 64 KiB activation buffer (double buffering).
        assertTrue(new FixedTiling(new GemmTile(256, 256, 1), LoopOrder.MKN).tile(256, 256, 256, INT8, BUFFERS)
                .isEmpty());
    }

    @Test
    void fixingEveryTileAndTheOrderAsksForTheFixedMapperAndAgreesWithThePinnedSearch() {
        Mapping pinned = Mapping.of(new MappingSpec(OptionalInt.of(32), OptionalInt.of(64), OptionalInt.of(32),
                "mnk"));
        assertInstanceOf(FixedTiling.class, pinned.mapper());
        assertEquals(new TilerSearch(pinned.pins()).tile(64, 64, 64, INT8, BUFFERS),
                pinned.mapper().tile(64, 64, 64, INT8, BUFFERS));
        Mapping partly = Mapping.of(new MappingSpec(OptionalInt.of(32), OptionalInt.empty(), OptionalInt.empty(),
                ""));
        assertEquals(new TilerSearch(new TilePins(OptionalLong.of(32), OptionalLong.empty(), OptionalLong.empty(),
                Optional.empty())), partly.mapper());
        assertEquals(new TilerSearch(TilePins.NONE), Mapping.AUTO.mapper());
    }

    @Test
    void aMappingCarriesItsCycleModelIntoTheSpecTheEngineRuns() {
        Mapping overlap = Mapping.AUTO.withCycleModel(CycleModel.LAYER_OVERLAP);
        assertEquals(overlap, Mapping.of(new MappingSpec(OptionalInt.empty(), OptionalInt.empty(),
                OptionalInt.empty(), "", CycleModel.LAYER_OVERLAP)));
    }
}
