package io.bitforge.simulation.timing;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.op.VectorOp;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.DramSpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.memory.dram.AccessStream;
import io.bitforge.simulation.SimulationRun;
import io.bitforge.workloads.llm.OpFootprint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An op's DRAM streams on DDR4-3200's banks and row buffers, derived by hand. */
class RowBufferDramTest {
    private static final Registry REGISTRY = Registry.load();
    private static final HardwareSpec DDR4 = new HardwareSpecLoader(REGISTRY).resolve("tpu-like-int8", "--hw")
            .withDram(new DramSpec.Preset("ddr4-3200"));

    @Test
    void aCustomDramHasNoRowBufferTiming() {
        assertTrue(RowBufferDram.of(new HardwareSpecLoader(REGISTRY).resolve("tpu-like-int8", "--hw"), REGISTRY)
                .isEmpty());
    }

    @Test
    void aVectorOpIsOneSequentialStream() {
        Engine engine = SimulationRun.engine(REGISTRY, DDR4);
        // 1 Mi fp16 elements read and written: 4 MiB in one sequential stream; 65,536 bursts of 64 B x 2.5 ns,
        // stretched by refresh (1 - 350/7800), at 1 GHz
        VectorOp add = new VectorOp("add", OpKind.ELEMENTWISE, 1 << 20, 1, 1, 0, 1, Precision.FP16);
        OpFootprint footprint = OpFootprint.of(add);
        assertEquals(4L << 20, footprint.totalBytes());
        long cycles = RowBufferDram.of(DDR4, REGISTRY).orElseThrow().cycles(engine, add, CostReport.ZERO, footprint,
                false);
        assertEquals((long) Math.ceil(65536 * 2.5 / (1 - 350.0 / 7800)), cycles);
    }

    @Test
    void aGemmReadsWeightsSequentiallyAndActivationsInTileRows() {
        Engine engine = SimulationRun.engine(REGISTRY, DDR4);
        GemmOp gemm = new GemmOp("proj", OpKind.PROJECTION, 256, 4096, 4096, 1, Precision.INT8, Precision.INT8,
                Precision.INT8, BOperand.WEIGHTS, 0);
        var cost = engine.evaluate(gemm).cost();
        var tile = engine.dramTile(gemm).orElseThrow();
        List<AccessStream> streams = RowBufferDram.streams(engine, gemm, cost, OpFootprint.of(gemm), true);
        // A (256 x 4096 int8, row-major) in runs of the tile's K width, 4096 bytes apart; B sequential
        AccessStream a = streams.get(0);
        if (tile.k() < 4096) {
            assertEquals(tile.k(), a.runBytes());
            assertEquals(4096, a.strideBytes());
        } else {
            assertTrue(a.isSequential());
        }
        assertTrue(streams.get(1).isSequential());
        assertEquals(cost.actions().dramBytes(io.bitforge.core.cost.Operand.WEIGHTS), streams.get(1).bytes());
    }
}
