package io.bitforge.pe.lut;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.cost.Operand;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Precision;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.spec.PeSpec;
import io.bitforge.core.spec.SpecNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LutFamilyTest {
    private static final Precision TERNARY = new Precision("ternary", 2);
    private final Registry registry = Registry.load();
    private final LutFamily family = new LutFamily();

    @Test
    void registeredAndPresetsLoad() {
        assertTrue(registry.peFamily("lut").isPresent());
        HardwareSpecLoader loader = new HardwareSpecLoader(registry);
        assertEquals(new LutParams(2, false, false, false, 2, 64, 4, false),
                loader.resolve("lut-tc-int2", "--hw").pe().params());
        assertEquals(new LutParams(4, false, false, false, 2, 64, 4, false),
                loader.resolve("lut-tc-int4", "--hw").pe().params());
        HardwareSpec ternary = loader.resolve("lut-tc-ternary", "--hw");
        assertEquals(new LutParams(2, true, false, false, 2, 64, 4, false), ternary.pe().params());
        assertEquals(1000, ternary.clockMegahertz());
    }

    @Test
    void peakMacsPerCycleByHand() {
        // M_t·N_t·K_t / w = 2·64·4 / w = 512, 256, 170.67, 128 for w = 1..4.
        double[] expected = {512, 256, 512.0 / 3, 128};
        for (int w = 1; w <= 4; w++) {
            CellTiming timing = family.timing(params(4, false), op(1, 1, 1, new Precision("int" + w, w)));
            assertEquals(expected[w - 1], (double) timing.macsPerStep() / timing.cyclesPerStep(), 1e-12, "w " + w);
        }
        // ternary: two passes (256), or one with a 3^g table (512)
        CellTiming twoPass = family.timing(new LutParams(2, true, false, false, 2, 64, 4, false), op(1, 1, 1, TERNARY));
        assertEquals(2, twoPass.cyclesPerStep());
        CellTiming base3 = family.timing(new LutParams(2, true, true, false, 2, 64, 4, false), op(1, 1, 1, TERNARY));
        assertEquals(1, base3.cyclesPerStep());
    }

    @Test
    void tileCyclesByHand() {
        // M=5, K=10, N=130: ceil(5/2)·ceil(130/64)·ceil(10/4) = 3·3·3 = 27 tile steps, times w; a single unit has
        // no fill. A 2x2 grid: 2 x 2 folds of w·(3 + 2 + 2 − 2) = 5w cycles each = 20w.
        for (int w = 1; w <= 4; w++) {
            GemmOp op = op(5, 10, 130, new Precision("int" + w, w));
            CostReport one = evaluate(params(4, false), new ArraySpec(1, 1), op);
            assertEquals(27L * w, one.cycles().compute() + one.cycles().fillDrain(), "1x1, w " + w);
            assertEquals(0, one.cycles().fillDrain());
            CostReport grid = evaluate(params(4, false), new ArraySpec(2, 2), op);
            assertEquals(20L * w, grid.cycles().compute() + grid.cycles().fillDrain(), "2x2, w " + w);
        }
    }

    @Test
    void upstreamTablesAreVectorWorkAndReadInsteadOfActivations() {
        CostReport cost = evaluate(params(2, false), new ArraySpec(1, 1), op(5, 10, 130, new Precision("int2", 2)));
        // 5 rows x ceil(10/4) = 15 tables x 8 entries = 120 entries, (3 + 7) / 8 adds each = 150 ops on 32 lanes.
        assertEquals(5, cost.cycles().vector());
        assertTrue(cost.energy().picojoules(EnergyCategory.TABLE_PRECOMPUTE) > 0);
        assertEquals(0.0, cost.energy().picojoules(EnergyCategory.VECTOR));
        // 3 column folds each read all 120 entries: 360 reads (the fold model's 3 x 50 activations topped up).
        assertEquals(360, cost.actions().sramReads(Operand.ACTIVATIONS));
        // Per MAC: (2 planes + 1 offset lookup) x (0.37 + 0.4) pJ / 4 = 0.5775 pJ at 45 nm.
        assertEquals(0.5775, family.cellCost(params(2, false), op(1, 1, 1, new Precision("int2", 2)))
                .picojoulesPerMac().get(EnergyCategory.MAC), 1e-12);
        assertTrue(family.cellCost(params(2, false), op(1, 1, 1, new Precision("int2", 2))).sources().stream()
                .allMatch(s -> s.estimate()));
    }

    @Test
    void tablesOnTheArrayTakeOneCyclePerStep() {
        LutParams onArray = params(2, true);
        GemmOp op = op(5, 10, 130, new Precision("int2", 2));
        assertEquals(3, family.timing(onArray, op).cyclesPerStep());
        assertTrue(family.customGemmCost(onArray, op, spec(onArray, new ArraySpec(1, 1))).isEmpty());
        CostReport cost = evaluate(onArray, new ArraySpec(1, 1), op);
        assertEquals(27L * 3, cost.totalCycles());
        // 8 entries x 0.4 pJ per step of 4 x 64 MACs
        assertEquals(8 * 0.4 / 256, family.cellCost(onArray, op).picojoulesPerMac()
                .get(EnergyCategory.TABLE_PRECOMPUTE), 1e-12);
    }

    @Test
    void badParamsAndOpsAreRejected() {
        assertBad("{\"tileK\": 3}", "must be 2 or 4");
        assertBad("{\"weights\": \"fp8\"}", "must be one of int, ternary");
        assertBad("{\"weights\": \"ternary\", \"weightBits\": 4}", "must be 2 for ternary");
        assertBad("{\"ternaryTable\": \"base3\"}", "base3 needs weights: ternary");
        assertBad("{\"table\": \"int4\"}", "must be one of fp16, int8");
        assertBad("{\"precompute\": \"later\"}", "must be one of upstream, array");
        assertBad("{\"symmetry\": \"half\"}", "must be one of symmetric, none");
        assertThrows(BadInputException.class, () -> family.timing(params(2, false), op(1, 1, 1, Precision.INT4)));
        assertThrows(BadInputException.class, () -> family.timing(params(2, false), op(1, 1, 1, TERNARY)));
        assertThrows(BadInputException.class, () -> family.timing(new LutParams(2, true, false, false, 2, 64, 4,
                false), op(1, 1, 1, new Precision("int2", 2))));
    }

    /**
     * A conventional table stores every pattern: 2^4 = 16 entries for g = 4 against the symmetrised 8 (3^4 = 81
     * against 41 for a ternary table), and a unit that builds its own tables does one FP16 add (0.4 pJ, Horowitz) per
     * stored entry per step, shared by the step's K_t·N_t = 4·64 MACs: 16·0.4/256 = 0.025 pJ per MAC, twice the
     * symmetrised 0.0125. Only a non-default layout appears in the params' map (design ids stay as they were).
     */
    @Test
    void unsymmetrisedTablesStoreEveryEntry() {
        LutParams full = (LutParams) family.parseParams(node("{\"symmetry\": \"none\", \"precompute\": \"array\"}"));
        assertEquals(16, full.tableEntries());
        assertEquals(8, params(2, true).tableEntries());
        assertEquals(81, new LutParams(2, true, true, false, 2, 64, 4, false, false).tableEntries());
        assertEquals(41, new LutParams(2, true, true, false, 2, 64, 4, false).tableEntries());
        GemmOp op = op(2, 4, 64, new Precision("int2", 2));
        assertEquals(16 * 0.4 / 256, family.cellCost(full, op).picojoulesPerMac()
                .get(EnergyCategory.TABLE_PRECOMPUTE), 1e-12);
        assertEquals(8 * 0.4 / 256, family.cellCost(params(2, true), op).picojoulesPerMac()
                .get(EnergyCategory.TABLE_PRECOMPUTE), 1e-12);
        assertEquals("none", full.asMap().get("symmetry"));
        assertTrue(!params(2, true).asMap().containsKey("symmetry"));
    }

    private CostReport evaluate(LutParams params, ArraySpec array, GemmOp op) {
        return new Engine(spec(params, array), family).evaluate(op).cost();
    }

    private HardwareSpec spec(LutParams params, ArraySpec array) {
        return new HardwareSpecLoader(registry).resolve("lut-tc-int2", "--hw").withArray(array)
                .withPe(new PeSpec("lut", params));
    }

    private static SpecNode node(String json) {
        try {
            return SpecNode.detached(Json.mapper().readTree(json), "test.yaml", "hardware.pe.params");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private void assertBad(String json, String expected) {
        SpecNode node = node(json);
        BadInputException e = assertThrows(BadInputException.class, () -> family.parseParams(node));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static LutParams params(int weightBits, boolean onArray) {
        return new LutParams(weightBits, false, false, false, 2, 64, 4, onArray);
    }

    private static GemmOp op(long m, long k, long n, Precision weights) {
        return new GemmOp("g", io.bitforge.core.op.OpKind.GEMM, m, k, n, 1, Precision.FP16, weights, Precision.FP16,
                io.bitforge.core.op.BOperand.WEIGHTS, 0);
    }
}
