package io.bitforge.core.engine;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.cost.Operand;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.spec.CycleModel;
import io.bitforge.core.spec.DramSpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.TestPeFamily;
import io.bitforge.core.tech.TechNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layer-overlap cycle model (BitMoD's artefact) on hand-derived cases: a 4x4 array of one-MAC cells,
 * 8 KiB (8192-byte) buffers, custom DRAM at 10 pJ/bit.
 */
class LayerOverlapModelTest {
    private static final double EPS = 1e-6;

    private static HardwareSpec spec(double bytesPerCycle) {
        HardwareSpec base = EngineTest.spec(TechNode.N45);
        return new HardwareSpec(base.name(), base.node(), base.clockMegahertz(), base.pe(), base.array(),
                base.dataflow(), base.buffers(), base.vectorUnit(), new DramSpec.Custom(bytesPerCycle, 100, 10, 1),
                base.mapping().withCycleModel(CycleModel.LAYER_OVERLAP));
    }

    @Test
    void computeBoundLayerByHand() {
        Engine engine = new Engine(spec(16), new TestPeFamily());
        GemmEvaluation evaluation = engine.evaluate(GemmOp.of("g", 10, 100, 6, Precision.INT8));
        CostReport cost = evaluation.cost();
        assertNull(evaluation.metrics());
        // tiles = ceil(K/1)·ceil(N/rows)·ceil(M/cols) = 100·ceil(6/4)·ceil(10/4) = 100·2·3 = 600, one cycle each
        assertEquals(600, cost.cycles().compute());
        assertEquals(0, cost.cycles().fillDrain());
        // bytes: weights 100·6 = 600, inputs 100·10 = 1000, outputs 6·10 = 60 (all below 8192: no re-fetch);
        // DRAM cycles floor(8·1660 / 128) = 103 < 600, so no stall
        assertEquals(0, cost.cycles().memoryStall());
        assertEquals(600, cost.totalCycles());
        assertEquals(600, cost.actions().dramBytes(Operand.WEIGHTS));
        assertEquals(1000, cost.actions().dramBytes(Operand.ACTIVATIONS));
        assertEquals(60, cost.actions().dramBytes(Operand.OUTPUTS));
        assertEquals(8 * 1660 * 10.0, cost.energy().picojoules(EnergyCategory.DRAM), EPS);
        // 6000 MACs, but every lane of every tile is charged: 600 tiles x 16 cells x 1 MAC per step x 1 pJ
        assertEquals(6000, cost.actions().macs());
        assertEquals(9600.0, cost.energy().picojoules(EnergyCategory.MAC), EPS);
        // SRAM reads: weights K·N·ceil(M/cols) = 100·6·3, activations K·M·ceil(N/rows) = 100·10·2; writes: what DRAM
        // brings in (weights 100·6, inputs 100·10, one fetch each) and the outputs 6·10
        assertEquals(1800, cost.actions().sramReads(Operand.WEIGHTS));
        assertEquals(2000, cost.actions().sramReads(Operand.ACTIVATIONS));
        assertEquals(600, cost.actions().sramWrites(Operand.WEIGHTS));
        assertEquals(1000, cost.actions().sramWrites(Operand.ACTIVATIONS));
        assertEquals(60, cost.actions().sramWrites(Operand.OUTPUTS));
    }

    @Test
    void refetchInputsOnATieAndDramBoundLayer() {
        Engine engine = new Engine(spec(1), new TestPeFamily());
        CostReport cost = engine.evaluate(GemmOp.of("g", 200, 1000, 100, Precision.INT8)).cost();
        // weights 1000·100 = 100,000 B, inputs 1000·200 = 200,000 B, outputs 100·200 = 20,000 B; both operands
        // exceed 8192 B. Re-fetch weights ceil(200000/8192) = 25 times: 25·100000 + 200000 = 2,700,000; or inputs
        // ceil(100000/8192) = 13 times: 13·200000 + 100000 = 2,700,000. Not strictly less, so inputs (the
        // artefact's else branch): 100,000 + 2,600,000 + 20,000 = 2,720,000 B at 1 B/cycle.
        assertEquals(2_600_000, cost.actions().dramBytes(Operand.ACTIVATIONS));
        assertEquals(100_000, cost.actions().dramBytes(Operand.WEIGHTS));
        // compute: 1000·ceil(100/4)·ceil(200/4) = 1,250,000; layer = max(1,250,000, 2,720,000)
        assertEquals(1_250_000, cost.cycles().compute());
        assertEquals(1_470_000, cost.cycles().memoryStall());
        assertEquals(2_720_000, cost.totalCycles());
    }

    @Test
    void refetchWeightsWhenCheaper() {
        Engine engine = new Engine(spec(1), new TestPeFamily());
        CostReport cost = engine.evaluate(GemmOp.of("g", 40, 1000, 100, Precision.INT8).withCount(3)).cost();
        // weights 100,000 B, inputs 40,000 B: weights 5 times (5·100000 + 40000 = 540,000) beats inputs 13 times
        // (13·40000 + 100000 = 620,000); DRAM 500,000 + 40,000 + outputs 100·40 = 544,000 B -> 544,000 cycles;
        // compute 1000·25·10 = 250,000. Three instances.
        assertEquals(3 * 500_000, cost.actions().dramBytes(Operand.WEIGHTS));
        assertEquals(3 * 544_000, cost.totalCycles());
        assertEquals(3 * 250_000, cost.cycles().compute());
    }

    @Test
    void storedWeightBitsAndCellLanes() {
        HardwareSpec spec = spec(16);
        // int4 weights stored at 4 + 8/128 = 4.0625 bits (BitMoD's metadata): ceil(256·4.0625/8) = 130 B per column
        GemmOp grouped = new GemmOp("g", OpKind.PROJECTION, 8, 256, 2, 1, Precision.FP16, Precision.INT4,
                Precision.FP16, BOperand.WEIGHTS, 128);
        LayerOverlapModel.Result result = LayerOverlapModel.gemm(spec, grouped, new CellTiming(1, 4, 1, 2), 4.0625,
                256);
        assertEquals(260, result.weightBytes());
        // tiles = ceil(256/4)·ceil(2/4)·ceil(8/4) = 64·1·2 = 128, two cycles per step
        assertEquals(128, result.tiles());
        assertEquals(256, result.computeCycles());
        // inputs 256·2·8 = 4096 B, outputs 2·2·8 = 32 B: floor(8·(260 + 4096 + 32)/128) = 274
        assertEquals(274, result.dramCycles());
        // a fractional effective width rounds each row up: ceil(256·3.875/8) = 124 B per column
        assertEquals(248, LayerOverlapModel.gemm(spec, grouped, new CellTiming(1, 4, 1, 2), 3.875, 256)
                .weightBytes());
        // through the engine the test family's default applies: one FP16 scale per group, 4 + 16/128 = 4.125 bits,
        // ceil(256·4.125/8) = 132 B per column
        Engine engine = new Engine(spec, new TestPeFamily());
        assertEquals(4.125, engine.storedWeightBits(grouped), EPS);
        assertEquals(264, engine.evaluate(grouped).cost().actions().dramBytes(Operand.WEIGHTS));
    }

    @Test
    void attentionInputWidthOption() {
        HardwareSpec spec = spec(16);
        // an attention product M=64 K=8 N=4 (FP16): its A operand is charged W = 32 elements per row instead of K
        GemmOp scores = new GemmOp("qk", OpKind.ATTENTION_SCORE, 64, 8, 4, 1, Precision.FP16, Precision.FP16,
                Precision.FP16, BOperand.KV_CACHE, 0);
        Engine plain = new Engine(spec, new TestPeFamily());
        Engine wide = plain.withOptions(EngineOptions.DEFAULT.withAttentionInputWidth(32));
        // inputs ceil(8·16/8)·64 = 1024 B by K; ceil(32·16/8)·64 = 4096 B by the option
        assertEquals(1024, plain.evaluate(scores).cost().actions().dramBytes(Operand.ACTIVATIONS));
        assertEquals(4096, wide.evaluate(scores).cost().actions().dramBytes(Operand.ACTIVATIONS));
        // ... and written into the activation SRAM once: 32·64 elements
        assertEquals(2048, wide.evaluate(scores).cost().actions().sramWrites(Operand.ACTIVATIONS));
        // a projection keeps K
        GemmOp projection = new GemmOp("p", OpKind.PROJECTION, 64, 8, 4, 1, Precision.FP16, Precision.FP16,
                Precision.FP16, BOperand.WEIGHTS, 0);
        assertEquals(1024, wide.evaluate(projection).cost().actions().dramBytes(Operand.ACTIVATIONS));
        // the option only exists for the layer-overlap model
        HardwareSpec folds = spec.withMapping(spec.mapping().withCycleModel(CycleModel.FOLDS));
        String message = assertThrows(BadInputException.class, () -> new Engine(folds, new TestPeFamily(),
                new HorowitzSram(), MemoryModel.UNLIMITED_BANDWIDTH, EngineOptions.DEFAULT.withAttentionInputWidth(32)))
                .getMessage();
        assertTrue(message.startsWith("engine option attentionInputWidth: applies only with mapping.cycleModel "
                + "layer-overlap"), message);
    }

    @Test
    void needsCustomDram() {
        HardwareSpec base = spec(16);
        HardwareSpec preset = new HardwareSpec(base.name(), base.node(), base.clockMegahertz(), base.pe(),
                base.array(), base.dataflow(), base.buffers(), base.vectorUnit(), new DramSpec.Preset("hbm2e"),
                base.mapping());
        String message = assertThrows(BadInputException.class, () -> new Engine(preset, new TestPeFamily()))
                .getMessage();
        assertTrue(message.startsWith("hardware.dram: mapping.cycleModel layer-overlap needs dram: {custom:"),
                message);
    }
}
