package io.bitforge.pe.shiftadd;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.pe.CellCost;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.spec.SpecNode;
import io.bitforge.core.spec.VectorUnitSpec;
import io.bitforge.core.tech.TechNode;
import io.bitforge.core.tech.TechScaling;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShiftAddFamilyTest {
    private static final Precision BCQ3 = new Precision("bcq3-pot", 3);
    private final Registry registry = Registry.load();
    private final ShiftAddFamily family = new ShiftAddFamily();

    @Test
    void registeredAndPresetsLoad() {
        assertTrue(registry.peFamily("shift-add").isPresent());
        HardwareSpecLoader loader = new HardwareSpecLoader(registry);
        HardwareSpec w4a8 = loader.resolve("mixpe-w4a8", "--hw");
        assertEquals(new ShiftAddParams(ShiftAddVariant.MIXPE, 4, 8, 128), w4a8.pe().params());
        assertEquals(new ArraySpec(64, 64), w4a8.array());
        assertEquals(500, w4a8.clockMegahertz());
        HardwareSpec w4a16 = loader.resolve("mixpe-w4a16", "--hw");
        assertEquals(new ShiftAddParams(ShiftAddVariant.MIXPE, 4, 16, 128), w4a16.pe().params());
        assertEquals(new ArraySpec(32, 32), w4a16.array());
    }

    @Test
    void throughputFactorsFollowBitFusionsRule() {
        // (8,4) unit: f_a = floor(8 / max(8, 4)) = 1, f_w = floor(8 / max(4, 4)) = 2; int2 weights clamp to p_min.
        assertEquals(new CellTiming(1, 1, 2, 1), family.timing(w4a8(), op(Precision.INT8, Precision.INT4, 0)));
        assertEquals(new CellTiming(1, 1, 2, 1), family.timing(w4a8(), op(Precision.INT8, new Precision("int2", 2),
                0)));
        // (16,8) unit: f_a = floor(16 / 16) = 1, f_w = floor(16 / max(4, 8)) = 2.
        assertEquals(new CellTiming(1, 1, 2, 1), family.timing(w4a16(), op(Precision.FP16, Precision.INT4, 0)));
        // ShiftAddLLM: 8 activations per lookup, one plane per cycle.
        assertEquals(new CellTiming(1, 8, 1, 3), family.timing(bcq(3), op(Precision.FP16, BCQ3, 0)));
    }

    @Test
    void w4a8CyclesByHand() {
        HardwareSpec spec = preset("mixpe-w4a8").withArray(new ArraySpec(4, 4));
        CostReport cost = new Engine(spec, family).evaluate(op(Precision.INT8, Precision.INT4, 4)).cost();
        // M=4, K=8, N=8, lanes (1,1,2): 4 x 8 x 4 steps on 4x4, one fold of 8 + 4 + 4 - 2 = 14 cycles.
        // Dequant: 4*8 outputs x 2 groups x 4 ops = 256 ops on 256 lanes = 1 cycle; sums: 4 rows x 2 groups x
        // 4 adds = 32 ops -> 1 cycle. Concurrent with the array: exposed max(2 - 14, ceil(2 / 2 groups)) = 1.
        assertEquals(14, cost.cycles().compute() + cost.cycles().fillDrain());
        assertEquals(1, cost.cycles().vector());
        assertEquals(15, cost.totalCycles());
        assertEquals(256, cost.actions().macs());
        // 344.3 uW / 500 MHz = 0.6886 pJ per cycle over 2 products, 45 nm table scaled to the preset's 28 nm.
        assertEquals(256 * 0.6886 / 2 * TechScaling.energyFactor(TechNode.N45, TechNode.N28),
                cost.energy().picojoules(EnergyCategory.MAC), 1e-9);
        assertTrue(cost.energy().picojoules(EnergyCategory.DEQUANT) > 0);
        assertEquals(0.0, cost.energy().picojoules(EnergyCategory.VECTOR));

        // One dequantisation lane: 256 + 32 = 288 cycles, of which 288 - 14 = 274 exceed the array's (> 144).
        HardwareSpec narrow = new HardwareSpec(spec.name(), spec.node(), spec.clockMegahertz(), spec.pe(),
                spec.array(), spec.dataflow(), spec.buffers(), new VectorUnitSpec(1, 32), spec.dram(), spec.mapping());
        CostReport slow = new Engine(narrow, family).evaluate(op(Precision.INT8, Precision.INT4, 4)).cost();
        assertEquals(274, slow.cycles().vector());
        assertEquals(288, slow.totalCycles());
    }

    @Test
    void w4a16CyclesByHand() {
        HardwareSpec spec = preset("mixpe-w4a16").withArray(new ArraySpec(4, 4));
        GemmOp op = new GemmOp("g", OpKind.GEMM, 3, 16, 10, 2, Precision.FP16, Precision.INT4, Precision.FP16,
                BOperand.WEIGHTS, 8);
        CostReport cost = new Engine(spec, family).evaluate(op).cost();
        // lanes (1,1,2): 3 x 16 x 5 steps; col folds ceil(5/4) = 2, each 16 + 4 + 4 - 2 = 22 -> 44 cycles.
        // Dequant: 3*10 outputs x 2 groups x 4 ops = 240 ops / 64 lanes -> 4; sums: 3 x 2 x 8 = 48 / 64 -> 1;
        // exposed max(5 - 44, ceil(5 / 2)) = 3. Per instance 47, two instances 94.
        assertEquals(2 * 44, cost.cycles().compute() + cost.cycles().fillDrain());
        assertEquals(2 * 3, cost.cycles().vector());
        assertEquals(94, cost.totalCycles());
        // 673.44 uW / 500 MHz = 1.34688 pJ per cycle over 2 products.
        CellCost cell = family.cellCost(w4a16(), op);
        assertEquals(1.34688 / 2, cell.picojoulesPerMac().get(EnergyCategory.MAC), 1e-12);
        assertTrue(cell.sources().stream().anyMatch(s -> s.estimate() && s.id().startsWith("mixpe-area")));
    }

    @Test
    void shiftAddLlmCostsTablesLookupsAndShifts() {
        HardwareSpec spec = preset("mixpe-w4a16").withArray(new ArraySpec(2, 2))
                .withPe(new io.bitforge.core.spec.PeSpec("shift-add", bcq(3)));
        GemmOp op = op(Precision.FP16, BCQ3, 0).withShape(2, 16, 2);
        CostReport cost = new Engine(spec, family).evaluate(op).cost();
        // lanes (1,8,1), 3 cycles per step: 2 x 2 x 2 steps on 2x2, one fold of 3 x (2 + 2 + 2 - 2) = 12 cycles.
        // Tables: 2 rows x 2 chunks x 128 entries x 134/128 adds = 536 ops on 64 lanes -> 9 cycles, serialised.
        assertEquals(12, cost.cycles().compute() + cost.cycles().fillDrain());
        assertEquals(9, cost.cycles().vector());
        // Lookups: 3 planes x (0.37 + 0.4) pJ per 8 MACs; shifts: 3 planes x 3 terms x (0.15 + 0.4) / 128.
        double scale = TechScaling.energyFactor(TechNode.N45, TechNode.N28);
        assertEquals(64 * 3 * 0.77 / 8 * scale, cost.energy().picojoules(EnergyCategory.MAC), 1e-9);
        assertEquals(64 * 3 * 3 * 0.55 / 128 * scale, cost.energy().picojoules(EnergyCategory.SHIFT_ADD), 1e-9);
        assertTrue(cost.energy().picojoules(EnergyCategory.TABLE_PRECOMPUTE) > 0);
        // Table reads: one column fold, 2 x 2 x 128 entries instead of 2 x 16 activations.
        assertEquals(2 * 16 + (2 * 2 * 128 - 2 * 16), cost.actions().sramReads(
                io.bitforge.core.cost.Operand.ACTIVATIONS));
    }

    @Test
    void badParamsAndOpsAreRejected() {
        assertBad("{\"variant\": \"mixpe2\"}", "hardware.pe.params.variant");
        assertBad("{\"activationBits\": 12}", "must be 8 (INT8) or 16 (FP16)");
        assertBad("{\"weightBits\": 5}", "hardware.pe.params.weightBits");
        assertBad("{\"variant\": \"shiftaddllm\", \"groupSize\": 12}", "multiple of 8");
        assertBad("{\"variant\": \"shiftaddllm\", \"activationBits\": 8}", "must be 16 (FP16)");
        assertBad("{\"rows\": 4}", "rows");
        BadInputException e = assertThrows(BadInputException.class,
                () -> family.timing(w4a8(), op(Precision.FP16, Precision.INT4, 0)));
        assertTrue(e.getMessage().contains("fp16 activations"), e.getMessage());
        assertThrows(BadInputException.class, () -> family.timing(w4a8(), op(Precision.INT8, Precision.INT8, 0)));
        assertThrows(BadInputException.class, () -> family.timing(bcq(3), op(Precision.FP16, Precision.INT4, 0)));
    }

    @Test
    void fusionUnitModelIsTheArtefactsFusibleUnit() {
        ShiftAddParams w4a8 = fusion(8);
        ShiftAddParams w4a16 = fusion(16);
        // (8,4): the benchmark's 4-bit tags on both sides, f = floor(8/4) = 2 each: 4 products per cycle; 8-bit
        // tags (patch embedding, dequantisation GEMM): f = 1.
        assertEquals(new CellTiming(2, 1, 2, 1), family.timing(w4a8, op(Precision.INT4, Precision.INT4, 0)));
        assertEquals(new CellTiming(1, 1, 1, 1), family.timing(w4a8, op(Precision.INT8, Precision.INT8, 0)));
        // (16,8): 8-bit tags f = floor(16/8) = 2, 16-bit tags f = 1.
        Precision int16 = new Precision("int16", 16);
        assertEquals(new CellTiming(2, 1, 2, 1), family.timing(w4a16, op(Precision.INT8, Precision.INT8, 0)));
        assertEquals(new CellTiming(1, 1, 1, 1), family.timing(w4a16, op(int16, int16, 0)));
        // power per PE per cycle unchanged: (8,4) 344.3 uW at 500 MHz = 0.6886 pJ over 4 products
        CellCost cost = family.cellCost(w4a8, op(Precision.INT4, Precision.INT4, 0));
        assertEquals(344.3 / 500 / 4, cost.picojoulesPerMac().get(EnergyCategory.MAC), 1e-12);
        // no dequantisation side work: the workload carries it
        HardwareSpec spec = preset("mixpe-w4a8").withPe(new io.bitforge.core.spec.PeSpec("shift-add", w4a8));
        assertTrue(family.customGemmCost(w4a8, op(Precision.INT4, Precision.INT4, 128), spec).isEmpty());
        // floats and operands wider than p_max are not fusible-unit operands
        assertThrows(BadInputException.class, () -> family.timing(w4a8, op(Precision.FP16, Precision.INT4, 0)));
        BadInputException wide = assertThrows(BadInputException.class,
                () -> family.timing(w4a8, op(int16, Precision.INT8, 0)));
        assertTrue(wide.getMessage().contains("(8, 4) fusible unit multiplying integer operands of at most 8 bits"),
                wide.getMessage());
        // canonical form: unitModel only when it is not the default
        assertEquals("fusion", w4a8.asMap().get("unitModel"));
        assertTrue(!w4a8().asMap().containsKey("unitModel"));
        assertEquals(w4a8, family.parseParams(node("{\"unitModel\": \"fusion\"}")));
        assertBad("{\"unitModel\": \"fused\"}", "must be native or fusion");
        assertBad("{\"variant\": \"shiftaddllm\", \"unitModel\": \"fusion\"}", "fusion needs variant mixpe");
    }

    private static ShiftAddParams fusion(int activationBits) {
        return new ShiftAddParams(ShiftAddVariant.MIXPE, 4, activationBits, 128, MixPeUnitModel.FUSION);
    }

    private static SpecNode node(String json) {
        try {
            return SpecNode.detached(Json.mapper().readTree(json), "test.yaml", "hardware.pe.params");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private void assertBad(String json, String expected) {
        SpecNode node;
        try {
            node = SpecNode.detached(Json.mapper().readTree(json), "test.yaml", "hardware.pe.params");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        BadInputException e = assertThrows(BadInputException.class, () -> family.parseParams(node));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private HardwareSpec preset(String name) {
        return new HardwareSpecLoader(registry).resolve(name, "--hw");
    }

    private static ShiftAddParams w4a8() {
        return new ShiftAddParams(ShiftAddVariant.MIXPE, 4, 8, 128);
    }

    private static ShiftAddParams w4a16() {
        return new ShiftAddParams(ShiftAddVariant.MIXPE, 4, 16, 128);
    }

    private static ShiftAddParams bcq(int planes) {
        return new ShiftAddParams(ShiftAddVariant.SHIFTADDLLM, planes, 16, 128);
    }

    private static GemmOp op(Precision activations, Precision weights, int groupSize) {
        return new GemmOp("g", OpKind.GEMM, 4, 8, 8, 1, activations, weights, Precision.FP16, BOperand.WEIGHTS,
                groupSize);
    }
}
