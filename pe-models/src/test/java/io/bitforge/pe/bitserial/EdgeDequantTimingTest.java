package io.bitforge.pe.bitserial;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.pe.DequantSite;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.spec.PeSpec;
import io.bitforge.core.spec.SpecNode;
import io.bitforge.core.tech.TechNode;
import io.bitforge.core.tech.TechScaling;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BitMoD with {@code dequant: edge}: the column dequantisers' cycle rule, energy and area, derived by hand. */
class EdgeDequantTimingTest {
    private static final BitSerialParams PE = new BitSerialParams(TimingMode.BITMOD, "bitmod-mix4", "fp16", 16, 4, 2,
            1.0);
    private static final BitSerialParams EDGE = PE.withDequant(BitSerialDequant.EDGE);
    private final Registry registry = Registry.load();
    private final BitSerialFamily family = new BitSerialFamily();

    /** M = 8, K = 64, N = 8, FP16 x bitmod-mix4 (4 bits: 2 cycles per step of 4 lanes), groups of 16. */
    private static GemmOp op() {
        return op(16);
    }

    private static GemmOp op(int groupSize) {
        return new GemmOp("g", OpKind.GEMM, 8, 64, 8, 1, Precision.FP16, new Precision("bitmod-mix4", 4),
                Precision.FP16, BOperand.WEIGHTS, groupSize);
    }

    private CostReport cost(BitSerialParams params, int rows, int cols) {
        return cost(params, rows, cols, op());
    }

    private CostReport cost(BitSerialParams params, int rows, int cols, GemmOp op) {
        HardwareSpec spec = new HardwareSpecLoader(registry).resolve("bitmod-prefill", "--hw")
                .withPe(new PeSpec("bit-serial", params)).withArray(new ArraySpec(rows, cols));
        return new Engine(spec, family).evaluate(op).cost();
    }

    private static long arrayCycles(CostReport cost) {
        return cost.cycles().compute() + cost.cycles().fillDrain();
    }

    @Test
    void aGroupOfAsManyStepsAsRowsKeepsPace() {
        // 4x4: T = 64/4 = 16 steps, folds ceil(8/4)·ceil(8/4) = 4 of 16 + 4 + 4 − 2 = 22 steps of 2 cycles = 176;
        // R = 4 rows per boundary, a group is S = 16/4 = 4 steps: no wait
        assertEquals(176, arrayCycles(cost(EDGE, 4, 4)));
        assertEquals(176, arrayCycles(cost(PE, 4, 4)));
    }

    @Test
    void moreRowsThanAGroupHasStepsMakeTheArrayWait() {
        // 8x4: one row fold, two column folds of 16 + 8 + 4 − 2 = 26 steps: 2·26·2 = 104 cycles; R − S = 8 − 4 = 4
        // steps (8 cycles) at each of the 64/16 − 1 = 3 inner boundaries of both folds: 2·3·8 = 48 more
        assertEquals(104, arrayCycles(cost(PE, 8, 4)));
        assertEquals(104 + 48, arrayCycles(cost(EDGE, 8, 4)));
        // per-channel weights are one group along K: dequantised once, no inner boundary
        assertEquals(104, arrayCycles(cost(EDGE, 8, 4, op(0))));
    }

    @Test
    void chargesOneFp32MultiplyAndAddPerOutputAndGroupAndAUnitPerColumn() {
        CostReport edge = cost(EDGE, 4, 4);
        // 8·8 outputs × 64/16 = 4 groups × (3.7 + 0.9) pJ at 45 nm, scaled to the spec's 28 nm
        assertEquals(256 * 4.6 * TechScaling.energyFactor(TechNode.N45, TechNode.N28),
                edge.energy().picojoules(EnergyCategory.DEQUANT), 1e-9);
        // 4 columns × (7700 + 4184) µm² at 45 nm, scaled to 28 nm
        assertEquals(4 * 11884 * TechScaling.areaFactor(TechNode.N45, TechNode.N28),
                edge.areaSquareMicrometres().get("dequant"), 1e-6);
        assertTrue(edge.sources().stream().anyMatch(s -> s.id().equals("bitmod-dequant-edge") && s.estimate()));
        // the PE's own dequantiser is inside the published PE figure: nothing added
        CostReport pe = cost(PE, 4, 4);
        assertEquals(0.0, pe.energy().picojoules(EnergyCategory.DEQUANT));
        assertFalse(pe.areaSquareMicrometres().containsKey("dequant"));
        assertEquals(DequantSite.ARRAY_EDGE, family.dequantisation(EDGE, op()).steps().get(0).where());
    }

    @Test
    void parsedFromTheSpecOnlyWrittenWhenSetAndOutputStationaryOnly() {
        assertEquals(BitSerialDequant.EDGE, ((BitSerialParams) family.parseParams(node("{\"dequant\": \"edge\"}")))
                .dequant());
        assertEquals("edge", EDGE.asMap().get("dequant"));
        assertFalse(PE.asMap().containsKey("dequant"));
        assertBad("{\"dequant\": \"vector\"}", "hardware.pe.params.dequant: must be pe or edge");
        assertBad("{\"timing\": \"stripes\", \"dequant\": \"edge\"}", "edge needs timing bitmod");
        HardwareSpec ws = new HardwareSpecLoader(registry).resolve("bitmod-prefill", "--hw")
                .withPe(new PeSpec("bit-serial", EDGE)).withDataflow(Dataflow.WS);
        BadInputException e = assertThrows(BadInputException.class, () -> new Engine(ws, family).evaluate(op()));
        assertTrue(e.getMessage().contains("hardware.pe.params.dequant: edge") && e.getMessage().contains("ws"),
                e.getMessage());
    }

    private SpecNode node(String json) {
        try {
            return SpecNode.detached(Json.mapper().readTree(json), "test.yaml", "hardware.pe.params");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private void assertBad(String json, String expected) {
        BadInputException e = assertThrows(BadInputException.class, () -> family.parseParams(node(json)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
