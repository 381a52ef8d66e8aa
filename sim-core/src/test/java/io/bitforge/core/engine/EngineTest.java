package io.bitforge.core.engine;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.cost.Operand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpGraph;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.op.VectorOp;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.BufferSpec;
import io.bitforge.core.spec.BufferSpecs;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.DramSpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.MappingSpec;
import io.bitforge.core.spec.PeSpec;
import io.bitforge.core.spec.TestPeFamily;
import io.bitforge.core.spec.VectorUnitSpec;
import io.bitforge.core.tech.TechNode;
import io.bitforge.core.tech.TechScaling;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The engine's accounting on hand-derived cases with the round-number test family (1 pJ/MAC, 100 um2/cell). */
class EngineTest {
    private static final double EPS = 1e-9;

    static HardwareSpec spec(TechNode node) {
        // one bank of 256-bit words: enough for an 8-wide array edge of 32-bit partial sums per cycle, so the
        // schedules in these tests never wait on an SRAM (and the Horowitz energy is the 8 KB bank's)
        BufferSpec eightKib = new BufferSpec(8, 1, 1, 256);
        return new HardwareSpec("t", node, 1000, new PeSpec("int-test", new TestPeFamily.Params(8)),
                new ArraySpec(4, 4), Dataflow.OS, new BufferSpecs(eightKib, eightKib, eightKib),
                new VectorUnitSpec(16, 16), new DramSpec.Custom(16, 100, 10, 1), MappingSpec.NONE);
    }

    @Test
    void gemmCostsAtTheTablesNode() {
        Engine engine = new Engine(spec(TechNode.N45), new TestPeFamily());
        GemmEvaluation evaluation = engine.evaluate(GemmOp.of("g", 4, 4, 4, Precision.INT8));
        CostReport cost = evaluation.cost();
        // one 4x4 os fold: L = 4 + 4 + 4 - 2 = 10 cycles = 4 streaming + 6 fill/drain (SCALE-Sim reports 9)
        assertEquals(10, cost.totalCycles());
        assertEquals(9, evaluation.metrics().totalCycles());
        assertEquals(4, cost.cycles().compute());
        assertEquals(6, cost.cycles().fillDrain());
        // 64 MACs x 1 pJ
        assertEquals(64.0, cost.energy().picojoules(EnergyCategory.MAC), EPS);
        // os, one fold each way: 16 activation and 16 weight reads, 16 output writes
        assertEquals(16, cost.actions().sramReads(Operand.ACTIVATIONS));
        assertEquals(16, cost.actions().sramReads(Operand.WEIGHTS));
        assertEquals(16, cost.actions().sramWrites(Operand.OUTPUTS));
        // Horowitz 8 KB: 10 pJ per 64 bits; 32 reads x 8 bits x 10/64 = 40 pJ, 16 writes x 8 x 10/64 = 20 pJ
        assertEquals(40.0, cost.energy().picojoules(EnergyCategory.SRAM_READ), EPS);
        assertEquals(20.0, cost.energy().picojoules(EnergyCategory.SRAM_WRITE), EPS);
        assertEquals(1600.0, cost.areaSquareMicrometres().get("pe-array"), EPS);
    }

    @Test
    void oneEngineServesManyThreads() {
        Engine engine = new Engine(spec(TechNode.N28), new TestPeFamily());
        List<GemmOp> ops = java.util.stream.IntStream.range(0, 2000)
                .mapToObj(i -> GemmOp.of("g" + i, 1 + i % 97, 1 + i % 53, 1 + i % 71, Precision.INT8)).toList();
        List<CostReport> sequential = ops.stream().map(op -> engine.evaluate(op).cost()).toList();
        List<CostReport> parallel = ops.parallelStream().map(op -> engine.evaluate(op).cost()).toList();
        assertEquals(sequential, parallel);
    }

    @Test
    void conventionIsAnEngineOption() {
        Engine scaleSim = new Engine(spec(TechNode.N45), new TestPeFamily());
        Engine streamOnly = scaleSim.withConvention(FoldConvention.STREAM_ONLY);
        GemmOp op = GemmOp.of("g", 4, 4, 4, Precision.INT8);
        assertEquals(10, scaleSim.evaluate(op).cost().totalCycles());
        // one fold of K = 4 streaming steps, nothing else
        assertEquals(4, streamOnly.evaluate(op).cost().totalCycles());
        assertEquals(4, streamOnly.evaluate(op).metrics().totalCycles());
        assertEquals(0, streamOnly.evaluate(op).cost().cycles().fillDrain());
    }

    @Test
    void peakIsCellsTimesMacsPerStep() {
        // 4x4 cells, one MAC per cycle each
        assertEquals(16.0, new Engine(spec(TechNode.N45), new TestPeFamily())
                .peakMacsPerCycle(GemmOp.of("g", 1, 1, 1, Precision.INT8)), EPS);
    }

    @Test
    void costsAreScaledToTheSpecsNode() {
        Engine engine = new Engine(spec(TechNode.N7), new TestPeFamily());
        CostReport cost = engine.evaluate(GemmOp.of("g", 4, 4, 4, Precision.INT8)).cost();
        assertEquals(64.0 * TechScaling.energyFactor(TechNode.N45, TechNode.N7),
                cost.energy().picojoules(EnergyCategory.MAC), EPS);
        // Stillmaker & Baas Table 4: 45 nm -> 7 nm area x 0.059
        assertEquals(1600.0 * 0.059, cost.areaSquareMicrometres().get("pe-array"), EPS);
    }

    @Test
    void graphIsTheSumOfItsOps() {
        Engine engine = new Engine(spec(TechNode.N45), new TestPeFamily());
        GemmOp gemm = GemmOp.of("g", 4, 4, 4, Precision.INT8).withCount(3);
        VectorOp softmax = new VectorOp("softmax", OpKind.SOFTMAX, 1024, 5, 1, 0, 2, Precision.FP16);
        CostReport total = engine.evaluate(new OpGraph("graph", List.of(gemm, softmax)));
        // vector: ceil(1024 * 5 / 16) = 320 cycles per instance, 2 instances
        assertEquals(640, total.cycles().vector());
        // gemm: 3 x 10 cycles
        assertEquals(3 * 10 + 640, total.totalCycles());
        // vector energy: 1024 * 5 * 2 ops x (0.4 + 1.1)/2 pJ (Horowitz FP16 add/mult mean)
        assertEquals(1024 * 5 * 2 * 0.75, total.energy().picojoules(EnergyCategory.VECTOR), 1e-6);
        assertEquals(3 * 64.0, total.energy().picojoules(EnergyCategory.MAC), EPS);
        assertEquals(3 * 64, total.actions().macs());
        assertEquals(engine.evaluate(gemm).cost().plus(engine.evaluate(softmax)), total);
        io.bitforge.core.workload.PhaseGraph steps = new io.bitforge.core.workload.PhaseGraph("denoise",
                io.bitforge.core.workload.PhaseKind.DENOISE_STEP, new OpGraph("graph", List.of(gemm, softmax)), 4, 1);
        assertEquals(4 * (3 * 10 + 640), engine.evaluate(steps).totalCycles());
        List<CostReport> each = engine.evaluateEach(new OpGraph("graph", List.of(gemm, softmax)));
        assertEquals(List.of(engine.evaluate(gemm).cost(), engine.evaluate(softmax)), each);
    }

    @Test
    void aMemoryModelAddsStallsTrafficAndEnergyPerFold() {
        // A toy model: 3 stall cycles per fold, 10 bytes of weights per fold at 2 pJ per byte.
        MemoryModel perFold = new MemoryModel() {
            @Override
            public MemoryCost gemm(HardwareSpec spec, GemmOp op, OperandBits stored, ArrayMetrics metrics) {
                long folds = metrics.foldClasses().stream().mapToLong(FoldClass::count).sum();
                return new MemoryCost(3 * folds, 0, 10 * folds, 0, 20.0 * folds, List.of());
            }

            @Override
            public MemoryCost vector(HardwareSpec spec, VectorOp op, long vectorCycles) {
                return MemoryCost.NONE;
            }
        };
        Engine engine = new Engine(spec(TechNode.N45), new TestPeFamily(), new HorowitzSram(), perFold);
        // M=8 K=4 N=4 on 4x4 os: 2 folds of 10 cycles -> 20 cycles + 6 stalls
        GemmEvaluation evaluation = engine.evaluate(GemmOp.of("g", 8, 4, 4, Precision.INT8));
        assertEquals(6, evaluation.metrics().stallCycles());
        assertEquals(19 + 6, evaluation.metrics().totalCycles());
        assertEquals(100.0 * 128 / (25 * 16), evaluation.metrics().overallUtilizationPercent(), EPS);
        CostReport cost = evaluation.cost();
        assertEquals(26, cost.totalCycles());
        assertEquals(6, cost.cycles().memoryStall());
        assertEquals(20, cost.actions().dramBytes(Operand.WEIGHTS));
        assertEquals(40.0, cost.energy().picojoules(EnergyCategory.DRAM), EPS);
    }

    @Test
    void aFamilyMayCostGemmsItself() {
        // a non-systolic family (think crossbar) that charges 7 cycles and 2 pJ of ADC energy per GEMM instance
        TestPeFamily base = new TestPeFamily();
        io.bitforge.core.pe.PeFamily crossbar = new io.bitforge.core.pe.PeFamily() {
            @Override
            public String id() {
                return "int-test";
            }

            @Override
            public String description() {
                return "custom-cost test family";
            }

            @Override
            public String source() {
                return "test";
            }

            @Override
            public io.bitforge.core.spec.PeParams parseParams(io.bitforge.core.spec.SpecNode params) {
                return base.parseParams(params);
            }

            @Override
            public io.bitforge.core.spec.PeParams defaultParams() {
                return base.defaultParams();
            }

            @Override
            public java.util.Set<Dataflow> dataflows() {
                return base.dataflows();
            }

            @Override
            public io.bitforge.core.pe.NativePrecisions nativePrecisions(io.bitforge.core.spec.PeParams params) {
                return base.nativePrecisions(params);
            }

            @Override
            public io.bitforge.core.pe.CellTiming timing(io.bitforge.core.spec.PeParams params, GemmOp op) {
                throw new AssertionError("the fold model must not be used");
            }

            @Override
            public io.bitforge.core.pe.CellCost cellCost(io.bitforge.core.spec.PeParams params, GemmOp op) {
                throw new AssertionError("the fold model must not be used");
            }

            @Override
            public java.util.Optional<CostReport> customGemmCost(io.bitforge.core.spec.PeParams params, GemmOp op,
                                                                 HardwareSpec spec) {
                return java.util.Optional.of(new CostReport(new io.bitforge.core.cost.CycleBreakdown(7, 0, 0, 0),
                        io.bitforge.core.cost.ActionCounts.ZERO,
                        io.bitforge.core.cost.EnergyBreakdown.of(EnergyCategory.ADC, 2.0), java.util.Map.of(),
                        List.of()));
            }
        };
        GemmEvaluation evaluation = new Engine(spec(TechNode.N45), crossbar)
                .evaluate(GemmOp.of("g", 4, 4, 4, Precision.INT8).withCount(5));
        assertEquals(null, evaluation.metrics());
        assertEquals(35, evaluation.cost().totalCycles());
        assertEquals(10.0, evaluation.cost().energy().picojoules(EnergyCategory.ADC), EPS);
    }
}
