package io.bitforge.pe.mac;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.engine.GemmEvaluation;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Precision;
import io.bitforge.core.pe.CellCost;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.tech.TechNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MacFamiliesTest {
    private static final double EPS = 1e-9;
    private final Registry registry = Registry.load();

    @Test
    void bothFamiliesAreRegistered() {
        assertTrue(registry.peFamily("mac-int").isPresent());
        assertTrue(registry.peFamily("mac-fp").isPresent());
    }

    @Test
    void macIntUsesBitFusionFixedUnits() {
        MacIntFamily family = new MacIntFamily();
        GemmOp int8 = GemmOp.of("g", 1, 1, 1, Precision.INT8);
        CellCost eight = family.cellCost(new MacIntParams(8, 8), int8);
        // Bit Fusion fixed 8x8 unit: 171.8 uW at 500 MHz -> 171.8e-6 / 500e6 J = 0.3436 pJ per MAC; 687.6 um2.
        assertEquals(0.3436, eight.picojoulesPerMac().get(EnergyCategory.MAC), EPS);
        assertEquals(687.6, eight.cellSquareMicrometres(), EPS);
        assertEquals(TechNode.N45, eight.node());
        // 16x16 unit: 542.7 uW / 500 MHz = 1.0854 pJ; 2203.2 um2. A 12-bit operand needs the 16-bit unit.
        CellCost sixteen = family.cellCost(new MacIntParams(12, 8), int8);
        assertEquals(1.0854, sixteen.picojoulesPerMac().get(EnergyCategory.MAC), EPS);
        assertEquals(2203.2, sixteen.cellSquareMicrometres(), EPS);
        // 4x4 unit: 67.9 uW / 500 MHz = 0.1358 pJ.
        CellCost four = family.cellCost(new MacIntParams(4, 4), GemmOp.of("g", 1, 1, 1, Precision.INT4));
        assertEquals(0.1358, four.picojoulesPerMac().get(EnergyCategory.MAC), EPS);
    }

    @Test
    void macIntRejectsWiderOperandsThanItsParams() {
        MacIntFamily family = new MacIntFamily();
        GemmOp int16 = GemmOp.of("wide", 1, 1, 1, new Precision("int16", 16));
        BadInputException e = assertThrows(BadInputException.class,
                () -> family.timing(new MacIntParams(8, 8), int16));
        assertTrue(e.getMessage().contains("int16"), e.getMessage());
    }

    @Test
    void macFpUsesBitModFp16Pe() {
        CellCost cost = new MacFpFamily().cellCost(new MacFpParams("fp16"), GemmOp.of("g", 1, 1, 1, Precision.FP16));
        assertEquals(0.77, cost.picojoulesPerMac().get(EnergyCategory.MAC), EPS);
        assertEquals(1968.7, cost.cellSquareMicrometres(), EPS);
        assertEquals(TechNode.N28, cost.node());
        assertTrue(cost.sources().get(0).estimate(), "the PE's node is assumed, so flagged as an estimate");
    }

    @Test
    void macFpPlaceAndRouteFactorScalesEnergyAndArea() {
        CellCost cost = new MacFpFamily().cellCost(new MacFpParams("fp16", 1.5, "bitmod"), GemmOp.of("g", 1, 1, 1,
                Precision.FP16));
        // BitMoD's artefact: 0.77 x 1.5 = 1.155 pJ per PE cycle, 1968.7 x 1.5 = 2953.05 um2
        assertEquals(1.155, cost.picojoulesPerMac().get(EnergyCategory.MAC), EPS);
        assertEquals(2953.05, cost.cellSquareMicrometres(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new MacFpParams("fp16", 0.5, "bitmod"));
        String yaml = registry.hardware("fp16-baseline").orElseThrow().yaml().replace("params: {format: fp16}",
                "params: {format: fp16, placeAndRouteFactor: 0.5}");
        BadInputException bad = assertThrows(BadInputException.class,
                () -> new HardwareSpecLoader(registry).parse(yaml, "hw.yaml"));
        assertTrue(bad.getMessage().startsWith("hw.yaml: hardware.pe.params.placeAndRouteFactor: must be in [1, 4] "
                + "(BitMoD's artefact uses 1.5), got 0.5"), bad.getMessage());
        assertEquals(new MacFpParams("fp16", 1.5, "bitmod"), new HardwareSpecLoader(registry).parse(yaml.replace("0.5", "1.5"),
                "hw.yaml").pe().params());
        assertEquals(java.util.Map.of("format", "fp16"), new MacFpParams("fp16").asMap());
    }

    @Test
    void macFpWithMixPesTableUsesItsSixteenBitUnit() {
        MacFpParams params = new MacFpParams("fp16", 1.0, "mixpe");
        CellCost cost = new MacFpFamily().cellCost(params, GemmOp.of("g", 1, 1, 1, Precision.FP16));
        // MixPE artefact results/systolic_array_synth.csv (16,16): 1,032,924 nW at 500 MHz, one MAC per cycle:
        // 1.032924e-3 W / 5e8 Hz = 2.065848 pJ
        assertEquals(2.065848, cost.picojoulesPerMac().get(EnergyCategory.MAC), 1e-9);
        assertEquals(io.bitforge.core.tech.TechNode.N45, cost.node());
        assertEquals("mixpe", params.asMap().get("costTable"));
        assertTrue(!new MacFpParams("fp16").asMap().containsKey("costTable"));
        assertThrows(IllegalArgumentException.class, () -> new MacFpParams("fp16", 1.0, "horowitz"));
        BadInputException bad = assertThrows(BadInputException.class, () -> new MacFpFamily().parseParams(
                io.bitforge.core.spec.SpecNode.detached(new com.fasterxml.jackson.databind.ObjectMapper()
                        .createObjectNode().put("costTable", "horowitz"), "hw.yaml", "hardware.pe.params")));
        assertTrue(bad.getMessage().contains("hardware.pe.params.costTable"), bad.getMessage());
        assertTrue(bad.getMessage().contains("must be one of bitmod, mixpe"), bad.getMessage());
    }

    @Test
    void engineCostsAnInt8GemmAtTheTablesNode() {
        HardwareSpec spec = new HardwareSpecLoader(registry).resolve("tpu-like-int8", "--hw");
        spec = new HardwareSpec(spec.name(), TechNode.N45, spec.clockMegahertz(), spec.pe(),
                new io.bitforge.core.spec.ArraySpec(8, 8), Dataflow.OS, spec.buffers(), spec.vectorUnit(),
                spec.dram(), spec.mapping());
        GemmEvaluation evaluation = new Engine(spec, new MacIntFamily()).evaluate(GemmOp.of("g", 8, 8, 8,
                Precision.INT8).withCount(3));
        CostReport cost = evaluation.cost();
        // 3 instances x 512 MACs x 0.3436 pJ (45 nm table, 45 nm spec: no scaling) = 527.7696 pJ
        assertEquals(3 * 512 * 0.3436, cost.energy().picojoules(EnergyCategory.MAC), 1e-6);
        assertEquals(3 * 512, cost.actions().macs());
        // 64 cells x 687.6 um2 = 44006.4 um2, not multiplied by the count
        assertEquals(64 * 687.6, cost.areaSquareMicrometres().get("pe-array"), 1e-6);
        // one instance: 8x8 os fold, 8 + 8 + 8 - 2 = 22 cycles (SCALE-Sim reports 21); three back to back: 66
        assertEquals(21, evaluation.metrics().totalCycles());
        assertEquals(66, cost.totalCycles());
    }

    @Test
    void fp16BaselineArrayAreaMatchesBitModsFigure() {
        // BitMoD's iso-area study gives the FP16 baseline array (32x24 PEs of 1968.7 um2) as 1.512 mm2 unscaled.
        HardwareSpec fp16 = new HardwareSpecLoader(registry).resolve("fp16-baseline", "--hw");
        CostReport cost = Engine.of(fp16, registry).evaluate(GemmOp.of("g", 8, 8, 8, Precision.FP16)).cost();
        assertEquals(1.512e6, cost.areaSquareMicrometres().get("pe-array"), 0.0005e6);
    }

    @Test
    void annotatedExampleAndPresetsLoad() {
        HardwareSpecLoader loader = new HardwareSpecLoader(registry);
        HardwareSpec annotated = loader.load(Path.of("..", "examples", "hardware", "annotated.yaml"));
        assertEquals("tpu-like-int8", annotated.name());
        assertEquals(new MacIntParams(8, 8), annotated.pe().params());
        HardwareSpec tpu = loader.resolve("tpu-like-int8", "--hw");
        assertEquals(annotated.asMap(), tpu.asMap(), "the annotated example is the tpu-like-int8 preset");
        HardwareSpec fp16 = loader.resolve("fp16-baseline", "--hw");
        assertEquals("mac-fp", fp16.pe().family());
        assertEquals(Dataflow.WS, fp16.dataflow());
    }
}
