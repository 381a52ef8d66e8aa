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
import io.bitforge.core.pe.DequantSite;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
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

/** MixPE with {@code dequant: edge}: the per-column edge dequantisers' cycle rule, energy and area, by hand. */
class EdgeDequantCostTest {
    private static final ShiftAddParams EDGE = new ShiftAddParams(ShiftAddVariant.MIXPE, 4, 8, 128,
            MixPeUnitModel.NATIVE, MixPeDequantTiming.EDGE);
    private final Registry registry = Registry.load();
    private final ShiftAddFamily family = new ShiftAddFamily();

    @Test
    void theEdgeKeepsPaceWithTheArrayAndChargesItsEnergyAndArea() {
        HardwareSpec spec = spec(4, 4);
        CostReport cost = new Engine(spec, family).evaluate(op(4, 8, 8, 4)).cost();
        // M=4, K=8, N=8, lanes (1,1,2): one fold of 8 + 4 + 4 - 2 = 14 cycles (the vector variant adds 1,
        // ShiftAddFamilyTest); R·f_a = 4 rows reach each column's dequantiser within a group of G = 4 steps: no wait
        assertEquals(14, cost.totalCycles());
        assertEquals(0, cost.cycles().vector());
        // 4·8 outputs × 2 groups × (3.7 + 0.9 + 0.2 + 0.1) pJ + 4·8 activations × 0.1 pJ, at 45 nm, scaled to 28 nm
        double energy = (64 * 4.9 + 32 * 0.1) * TechScaling.energyFactor(TechNode.N45, TechNode.N28);
        assertEquals(energy, cost.energy().picojoules(EnergyCategory.DEQUANT), 1e-9);
        assertEquals(0.0, cost.energy().picojoules(EnergyCategory.VECTOR));
        // 4 columns × 2 lanes × (7700 + 4184) µm² + 4 rows × 137 µm², at 45 nm, scaled to 28 nm
        assertEquals((8 * 11884 + 4 * 137) * TechScaling.areaFactor(TechNode.N45, TechNode.N28),
                cost.areaSquareMicrometres().get("dequant-edge"), 1e-6);
        assertTrue(cost.sources().stream().anyMatch(s -> s.id().equals("mixpe-dequant-edge") && s.estimate()));
        assertEquals(DequantSite.ARRAY_EDGE, family.dequantisation(EDGE, op(4, 8, 8, 4)).steps().get(0).where());
    }

    @Test
    void moreRowsThanAGroupMakeTheArrayWaitAtInnerBoundaries() {
        // 8 rows: R·f_a = 8 sums per column at each boundary, a group is G = 4 steps: the array waits 8 - 4 = 4
        // cycles at the one inner boundary (2 groups) of the one fold (M = 8 rows, N = 8 over 4 columns × 2 lanes);
        // the fold itself is 8 + 8 + 4 - 2 = 18 cycles
        CostReport cost = new Engine(spec(8, 4), family).evaluate(op(8, 8, 8, 4)).cost();
        assertEquals(18 + 4, cost.totalCycles());
        // K = G: one group, no inner boundary: the fold's 4 + 8 + 4 - 2 cycles
        assertEquals(4 + 8 + 4 - 2, new Engine(spec(8, 4), family).evaluate(op(8, 4, 8, 4)).cost().totalCycles());
    }

    @Test
    void parsedFromTheSpecAndOnlyWrittenWhenSet() {
        assertEquals(EDGE, family.parseParams(node("{\"dequant\": \"edge\"}")));
        assertEquals("edge", EDGE.asMap().get("dequant"));
        assertFalse(new ShiftAddParams(ShiftAddVariant.MIXPE, 4, 8, 128).asMap().containsKey("dequant"));
        assertBad("{\"dequant\": \"lanes\"}", "hardware.pe.params.dequant: must be vector or edge");
        assertBad("{\"variant\": \"shiftaddllm\", \"dequant\": \"edge\"}", "edge needs variant mixpe");
        assertBad("{\"unitModel\": \"fusion\", \"dequant\": \"edge\"}", "edge needs variant mixpe and unitModel native");
    }

    private HardwareSpec spec(int rows, int cols) {
        return new HardwareSpecLoader(registry).resolve("mixpe-w4a8", "--hw").withPe(new PeSpec("shift-add", EDGE))
                .withArray(new ArraySpec(rows, cols));
    }

    private static GemmOp op(int m, int k, int n, int groupSize) {
        return new GemmOp("g", OpKind.GEMM, m, k, n, 1, Precision.INT8, Precision.INT4, Precision.FP16,
                BOperand.WEIGHTS, groupSize);
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
