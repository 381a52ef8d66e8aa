package io.bitforge.pe;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.pe.DequantSite;
import io.bitforge.core.pe.DequantStatement;
import io.bitforge.core.pe.DequantStep;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.tech.TechNode;
import io.bitforge.core.tech.TechScaling;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same W4A16 g128 GEMM (M 16, K 256, N 64: 2 groups along K) on every built-in design whose family accepts it:
 * each one's DEQUANT energy is where its family's statement puts it, at the hand-derived figure.
 */
class UniformDequantTest {
    private static final GemmOp W4A16 = new GemmOp("proj", OpKind.PROJECTION, 16, 256, 64, 1, Precision.FP16,
            Precision.INT4, Precision.FP16, BOperand.WEIGHTS, 128);
    /** outputs × groups = 16 · 64 · ceil(256 / 128). */
    private static final double OUTPUT_GROUPS = 16 * 64 * 2;
    private final Registry registry = Registry.load();

    private Map<String, CostReport> acceptingPresets() {
        Map<String, CostReport> reports = new TreeMap<>();
        for (String id : registry.ids(CatalogKind.HARDWARE)) {
            HardwareSpec spec = spec(id);
            try {
                reports.put(id, Engine.of(spec, registry).evaluate(W4A16).cost());
            } catch (BadInputException rejected) {
                // the family (with this preset's params) does not run FP16 x INT4
            }
        }
        return reports;
    }

    private HardwareSpec spec(String id) {
        return new HardwareSpecLoader(registry).parse(registry.hardware(id).orElseThrow().yaml(), id + ".yaml");
    }

    private static double dequant(CostReport report) {
        return report.energy().asMap().getOrDefault(EnergyCategory.DEQUANT, 0.0);
    }

    @Test
    void everyAcceptingDesignPaysWhereItsStatementSays() {
        Map<String, CostReport> reports = acceptingPresets();
        assertEquals(java.util.Set.of("bitmod-decode", "bitmod-prefill", "fp16-baseline", "lut-tc-int4",
                "mixpe-w4a16", "olive-weight-only"), reports.keySet(), "designs that run FP16 x INT4 g128");
        double to28 = TechScaling.energyFactor(TechNode.N45, TechNode.N28);

        // mac-fp, ws 32x24: each of the K·N = 16,384 weights enters the array once (one ws fold per weight block)
        // and is scaled to FP16 there: one FP16 multiply (1.1 pJ at 45 nm, Horowitz ISSCC 2014).
        assertEquals(16384 * 1.1 * to28, dequant(reports.get("fp16-baseline")), 1e-6);
        // lut: one FP16 multiply and add (1.1 + 0.4 pJ) per output and group, in the unit's output positions.
        assertEquals(OUTPUT_GROUPS * 1.5 * to28, dequant(reports.get("lut-tc-int4")), 1e-6);
        // ovp weight-only: integer-weight sums leave per group for the vector unit: FP32 multiply + add 4.6 pJ.
        assertEquals(OUTPUT_GROUPS * 4.6 * to28, dequant(reports.get("olive-weight-only")), 1e-6);
        // mixpe: its own side work on a 32-bit vector unit at 2.3 pJ per op (mean of FP32 add and multiply):
        // 4 ops per output and group + 128 adds per activation row and group (16 rows x 2 groups).
        double mixpeOps = OUTPUT_GROUPS * 4 + 16 * 2 * 128;
        assertEquals(mixpeOps * 2.3 * to28, dequant(reports.get("mixpe-w4a16")), 1e-6);
        // BitMoD: the dequantiser is inside the PE's published energy, so no separate line.
        assertEquals(0.0, dequant(reports.get("bitmod-prefill")));
        assertEquals(0.0, dequant(reports.get("bitmod-decode")));
    }

    @Test
    void statementsNameTheSiteTheChargeAppearsAt() {
        Map<String, DequantSite> expected = Map.of("fp16-baseline", DequantSite.ARRAY_EDGE,
                "lut-tc-int4", DequantSite.IN_PE, "olive-weight-only", DequantSite.VECTOR_UNIT,
                "mixpe-w4a16", DequantSite.VECTOR_UNIT, "bitmod-prefill", DequantSite.IN_PE);
        expected.forEach((id, site) -> {
            HardwareSpec spec = spec(id);
            DequantStatement statement = registry.peFamily(spec.pe().family()).orElseThrow()
                    .dequantisation(spec.pe().params(), W4A16);
            assertEquals("fp16 x int4 g128", statement.config());
            assertTrue(!statement.steps().isEmpty(), id);
            for (DequantStep step : statement.steps()) {
                assertEquals(site, step.where(), id + ": " + step.applies());
            }
        });
    }

    @Test
    void perChannelIntegerGemmPaysOneOutputScale() {
        // tpu-like-int8, INT8 x INT8 per channel: one FP32 multiply (3.7 pJ at 45 nm) per output, 16 x 64 outputs.
        GemmOp int8 = GemmOp.of("g", 16, 256, 64, Precision.INT8);
        CostReport report = Engine.of(spec("tpu-like-int8"), registry).evaluate(int8).cost();
        assertEquals(16 * 64 * 3.7 * TechScaling.energyFactor(TechNode.N45, TechNode.N28), dequant(report), 1e-6);
    }

    @Test
    void edgeDequantisersHaveAreaAndVectorUnitGroupScalingIsTimedWhereTheArrayCannotHideIt() {
        // fp16-baseline (ws 32 x 24): weights enter through the 24 columns, each with an FP16 multiplier
        // (1640 µm² at 45 nm, Horowitz ISSCC 2014), scaled to 28 nm
        CostReport fp16 = Engine.of(spec("fp16-baseline"), registry).evaluate(W4A16).cost();
        assertEquals(24 * 1640 * TechScaling.areaFactor(TechNode.N45, TechNode.N28),
                fp16.areaSquareMicrometres().get("dequant"), 1e-6);
        assertEquals(0, fp16.cycles().vector(), "edge converters keep pace with the weights entering");

        // olive-weight-only sends each group's partial sums to the vector unit: a multiply and an add per output and
        // group, 2 x 2,048 = 4,096 lane operations, no area of their own
        CostReport olive = Engine.of(spec("olive-weight-only"), registry).evaluate(W4A16).cost();
        assertTrue(!olive.areaSquareMicrometres().containsKey("dequant"));
        // 32 lanes: 128 cycles, hidden under the array's schedule
        assertEquals(0, olive.cycles().vector());
        assertTrue(olive.totalCycles() > 128);
        // one lane: 4,096 cycles, more than the array's; the excess is exposed
        HardwareSpec narrow = spec("olive-weight-only").withVectorUnit(new io.bitforge.core.spec.VectorUnitSpec(1, 16));
        CostReport exposed = Engine.of(narrow, registry).evaluate(W4A16).cost();
        long array = exposed.totalCycles() - exposed.cycles().vector();
        assertTrue(array < 4096, "array cycles " + array);
        assertEquals(4096 - array, exposed.cycles().vector());
        assertEquals(4096, exposed.totalCycles());
    }
}
