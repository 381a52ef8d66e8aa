package io.bitforge.core.engine;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.cost.Operand;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Precision;
import io.bitforge.core.spec.BufferSpec;
import io.bitforge.core.spec.BufferSpecs;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.DramSpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.TestPeFamily;
import io.bitforge.core.tech.TechNode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Bit Fusion simulator's tiling search on hand-derived cases: a 4x4 array of one-MAC cells, 8-bit operands,
 * 8 KiB buffers (half: 32,768 bits), a 16-byte (128-bit) DRAM interface at 10 pJ/bit, stream-only fold cycles.
 * The weight buffers have 4 one-byte banks, one per array column, so SRAM ports never stall.
 */
class BitFusionTilingModelTest {
    private static final double EPS = 1e-9;

    private static HardwareSpec spec(BufferSpec weights, Dataflow dataflow) {
        HardwareSpec base = EngineTest.spec(TechNode.N45);
        BufferSpec eightKib = base.buffers().activations();
        return new HardwareSpec(base.name(), base.node(), base.clockMegahertz(), base.pe(), base.array(), dataflow,
                new BufferSpecs(eightKib, weights, eightKib), base.vectorUnit(), new DramSpec.Custom(16, 100, 10, 1),
                base.mapping());
    }

    private static CostReport cost(HardwareSpec spec, GemmOp op) {
        Engine engine = new Engine(spec, new TestPeFamily(EnumSet.of(Dataflow.OS, Dataflow.WS)), new HorowitzSram(),
                new BitFusionTilingModel(new HorowitzSram()), FoldConvention.STREAM_ONLY);
        return engine.evaluate(op).cost();
    }

    @Test
    void everythingFitsOneTile() {
        // M=4 K=8 N=4: the whole GEMM is the fastest tile (b=4, ic=8, oc=4), compute ceil(4/4)*ceil(4/4)*8 = 8.
        // Fills: activations ceil(8/4)*4 * 4 * 8 = 256 bits, weights ceil(8/4)*4 * 4 * 8 = 256 bits; write-back
        // 4*4*16 = 256 bits. Every loop has one tile, so the first fills are the whole fills (512 bits: 4 interface
        // cycles) and the write-back promotes (the artefact then records 0 for it): latency 4. Middle traffic
        // 768 - 512 = 256 bits = 2 cycles < 8 compute: stalls = 4. Splitting K into 2 or 4 tiles ties on cycles but
        // reads and writes the 16-bit partial sums once per K tile, so it loses the tie-break.
        CostReport cost = cost(spec(new BufferSpec(8, 4, 1, 8), Dataflow.OS), GemmOp.of("g", 4, 8, 4,
                Precision.INT8));
        assertEquals(8, cost.cycles().compute());
        assertEquals(4, cost.cycles().memoryStall());
        assertEquals(12, cost.totalCycles());
        assertEquals(32, cost.actions().dramBytes(Operand.ACTIVATIONS));
        assertEquals(32, cost.actions().dramBytes(Operand.WEIGHTS));
        assertEquals(32, cost.actions().dramBytes(Operand.OUTPUTS));
        assertEquals(768 * 10.0, cost.energy().picojoules(EnergyCategory.DRAM), EPS);
    }

    @Test
    void weightTilesThatStopFittingAreFetchedPerTile() {
        // 32-byte weight buffer (half: 128 bits): an ic=4 x oc tile of weights is 32*oc bits, so oc <= 4 and N=8
        // takes 2 tiles. Fastest: b=4, ic=4, oc=4, compute 2 * (1*1*4) = 8. Walking the N loop, weights grow to
        // 256 bits > 128 (stop: the first fill stays 128), activations do not depend on N (fetched once, 128 bits)
        // and the write-back grows to 2*4*4*16 = 512 bits (fits, recorded as 0). Latency ceil((128+128)/128) = 2;
        // middle (128 + 256 + 512) - 256 = 640 bits = 5 cycles < 8: stalls 2, total 10.
        CostReport cost = cost(spec(new BufferSpec(32.0 / 1024, 4, 1, 8), Dataflow.OS),
                GemmOp.of("g", 4, 4, 8, Precision.INT8));
        assertEquals(8, cost.cycles().compute());
        assertEquals(2, cost.cycles().memoryStall());
        assertEquals(16, cost.actions().dramBytes(Operand.ACTIVATIONS));
        assertEquals(32, cost.actions().dramBytes(Operand.WEIGHTS));
        assertEquals(64, cost.actions().dramBytes(Operand.OUTPUTS));
    }

    @Test
    void tileSizesArePowersOfTwoCappedAtTheExtent() {
        assertArrayEquals(new long[] {1}, BitFusionTilingModel.tiles(1));
        assertArrayEquals(new long[] {1, 2, 3}, BitFusionTilingModel.tiles(3));
        assertArrayEquals(new long[] {1, 2, 4, 8}, BitFusionTilingModel.tiles(8));
        long[] n = BitFusionTilingModel.tiles(12288);
        // ceil(log2 12288) + 1 = 15 sizes, the last capped at 12288
        assertEquals(15, n.length);
        assertEquals(12288, n[14]);
        assertEquals(8192, n[13]);
        assertEquals(24, BitFusionTilingModel.Loop.ORDERS.size());
        assertTrue(BitFusionTilingModel.Loop.ORDERS.stream().distinct().count() == 24);
    }

    @Test
    void badInputsAreNamed() {
        GemmOp op = GemmOp.of("g", 4, 8, 4, Precision.INT8);
        BadInputException tooSmall = assertThrows(BadInputException.class,
                () -> cost(spec(new BufferSpec(2.0 / 1024, 1, 1, 8), Dataflow.OS), op));
        assertTrue(tooSmall.getMessage().contains("hardware.buffers: too small for g"), tooSmall.getMessage());
        BadInputException ws = assertThrows(BadInputException.class,
                () -> cost(spec(new BufferSpec(8, 4, 1, 8), Dataflow.WS), op));
        assertTrue(ws.getMessage().contains("output-stationary"), ws.getMessage());
        HardwareSpec preset = spec(new BufferSpec(8, 4, 1, 8), Dataflow.OS);
        HardwareSpec withPreset = new HardwareSpec(preset.name(), preset.node(), preset.clockMegahertz(), preset.pe(),
                preset.array(), preset.dataflow(), preset.buffers(), preset.vectorUnit(),
                new DramSpec.Preset("hbm2e"), preset.mapping());
        BadInputException dram = assertThrows(BadInputException.class, () -> cost(withPreset, op));
        assertTrue(dram.getMessage().startsWith("hardware.dram: memory bitfusion-tiling needs"), dram.getMessage());
        assertEquals(1, Arrays.stream(new String[] {tooSmall.getMessage(), ws.getMessage(), dram.getMessage()})
                .mapToLong(m -> m.lines().count()).max().orElse(0));
    }
}
