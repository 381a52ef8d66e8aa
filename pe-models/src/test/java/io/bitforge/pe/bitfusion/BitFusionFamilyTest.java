package io.bitforge.pe.bitfusion;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.CostSource;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.engine.GemmEvaluation;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.pe.CellCost;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.tech.TechNode;
import io.bitforge.core.tech.TechScaling;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BitFusionFamilyTest {
    private static final double EPS = 1e-9;
    private static final int[] WIDTHS = {2, 4, 8};
    private final Registry registry = Registry.load();
    private final BitFusionFamily family = new BitFusionFamily();

    private static GemmOp op(int activationBits, int weightBits) {
        return new GemmOp("g", OpKind.GEMM, 4, 4, 4, 1, new Precision("int" + activationBits, activationBits),
                new Precision("int" + weightBits, weightBits), Precision.INT32, BOperand.WEIGHTS, 0);
    }

    @Test
    void registered() {
        assertTrue(registry.peFamily("bitfusion").isPresent());
    }

    /**
     * Products per unit per cycle, worked by hand from floor(8 / max(b, p_min)):
     * Bit Fusion (p_min 2): f(2) = 4, f(4) = 2, f(8) = 1; ANT (p_min 4): f(2) = f(4) = 2, f(8) = 1.
     * Rows are b_a = 2, 4, 8; columns b_w = 2, 4, 8.
     */
    @Test
    void productsPerCycleForEveryPrecisionPair() {
        int[][] bitFusion = {
                {16, 8, 4},   // 4*4, 4*2, 4*1
                {8, 4, 2},    // 2*4, 2*2, 2*1
                {4, 2, 1}};   // 1*4, 1*2, 1*1
        int[][] ant = {
                {4, 4, 2},    // 2*2, 2*2, 2*1
                {4, 4, 2},
                {2, 2, 1}};   // 1*2, 1*2, 1*1
        int[] bitFusionLanes = {4, 2, 1};
        int[] antLanes = {2, 2, 1};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(bitFusion[i][j], BitFusionVariant.BITFUSION.productsPerCycle(WIDTHS[i], WIDTHS[j]));
                assertEquals(ant[i][j], BitFusionVariant.ANT.productsPerCycle(WIDTHS[i], WIDTHS[j]));
                CellTiming bf = family.timing(params(BitFusionVariant.BITFUSION), op(WIDTHS[i], WIDTHS[j]));
                assertEquals(new CellTiming(bitFusionLanes[i], 1, bitFusionLanes[j], 1), bf);
                assertEquals(bitFusion[i][j], bf.macsPerStep());
                CellTiming an = family.timing(params(BitFusionVariant.ANT), op(WIDTHS[i], WIDTHS[j]));
                assertEquals(new CellTiming(antLanes[i], 1, antLanes[j], 1), an);
                assertEquals(ant[i][j], an.macsPerStep());
            }
        }
        // Odd widths: 3 bits behaves as 4 (floor(8/3) = 2), 6 bits as 8 (floor(8/6) = 1).
        assertEquals(2, BitFusionVariant.BITFUSION.operandsPerCycle(3));
        assertEquals(1, BitFusionVariant.BITFUSION.operandsPerCycle(6));
    }

    private static BitFusionParams params(BitFusionVariant variant) {
        return new BitFusionParams(variant, 8, 8, OperandType.INT, OperandType.INT);
    }

    @Test
    void costPerMacIsTheUnitsEnergyOverItsProducts() {
        // (8,2) Fusion Unit: 344.3 uW at 500 MHz = 344.3e-6 / 5e8 J = 0.6886 pJ per cycle.
        CellCost eight = family.cellCost(params(BitFusionVariant.BITFUSION), op(8, 8));
        assertEquals(0.6886, eight.picojoulesPerMac().get(EnergyCategory.MAC), EPS);
        assertEquals(1733.1, eight.cellSquareMicrometres(), EPS);
        assertEquals(TechNode.N45, eight.node());
        assertFalse(eight.sources().get(0).estimate());
        // 4x4: 4 products per cycle, 0.6886 / 4 = 0.17215 pJ; 2x2: 16 products, 0.6886 / 16 = 0.0430375 pJ.
        assertEquals(0.17215, family.cellCost(params(BitFusionVariant.BITFUSION), op(4, 4)).picojoulesPerMac()
                .get(EnergyCategory.MAC), EPS);
        assertEquals(0.0430375, family.cellCost(params(BitFusionVariant.BITFUSION), op(2, 2)).picojoulesPerMac()
                .get(EnergyCategory.MAC), EPS);
        // ANT at 2x2 still does 4 products (p_min 4): 0.6886 / 4; its figures are flagged as estimates.
        CellCost ant = family.cellCost(params(BitFusionVariant.ANT), op(2, 2));
        assertEquals(0.17215, ant.picojoulesPerMac().get(EnergyCategory.MAC), EPS);
        assertTrue(ant.sources().get(0).estimate());
    }

    @Test
    void floatOrWideOperandsAreRejected() {
        BadInputException e = assertThrows(BadInputException.class, () -> family.timing(
                params(BitFusionVariant.BITFUSION), GemmOp.of("attn", 1, 1, 1, Precision.FP16)));
        assertTrue(e.getMessage().contains("attn: bitfusion (bitfusion) multiplies integer or flint operands of at "
                + "most 8 bits, got fp16 activations x fp16 weights"), e.getMessage());
        assertThrows(BadInputException.class, () -> family.cellCost(params(BitFusionVariant.ANT),
                GemmOp.of("w", 1, 1, 1, new Precision("int16", 16))));
    }

    /**
     * bitfusion-45nm (16x32, os) running M=64, K=100, N=128 at int4 x int4: lanes (2, 1, 2) make the array see
     * M' = 32, N' = 64, K = 100; row folds ceil(32/16) = 2, column folds ceil(64/32) = 2, each fold
     * K + rows + cols - 2 = 100 + 16 + 32 - 2 = 146 cycles: 4 * 146 = 584 cycles. MAC energy at 45 nm:
     * 64*100*128 = 819200 MACs x 0.17215 pJ = 141025.28 pJ. Area: 512 units x 1733.1 um2 = 887347.2 um2.
     */
    @Test
    void bitFusionPresetSimulatesThroughTheEngine() {
        HardwareSpec spec = new HardwareSpecLoader(registry).resolve("bitfusion-45nm", "--hw");
        assertEquals(TechNode.N45, spec.node());
        assertEquals(500, spec.clockMegahertz(), EPS);
        assertEquals(Dataflow.OS, spec.dataflow());
        assertEquals(new BitFusionParams(BitFusionVariant.BITFUSION, 8, 8, OperandType.INT, OperandType.INT),
                spec.pe().params());
        GemmOp op = new GemmOp("g", OpKind.GEMM, 64, 100, 128, 1, Precision.INT4, Precision.INT4, Precision.INT32,
                BOperand.WEIGHTS, 0);
        GemmEvaluation evaluation = Engine.of(spec, registry).evaluate(op);
        CostReport cost = evaluation.cost();
        assertEquals(2, evaluation.metrics().rowFolds());
        assertEquals(2, evaluation.metrics().colFolds());
        assertEquals(146, evaluation.metrics().foldCycles());
        assertEquals(584, cost.totalCycles());
        // Streaming part = the artefact's FC count ceil(B/(rows*f_a)) * ceil(N/(cols*f_w)) * K
        // = ceil(64/32) * ceil(128/64) * 100 = 400; the other 184 cycles are fill and drain.
        assertEquals(400, cost.cycles().compute());
        assertEquals(141025.28, cost.energy().picojoules(EnergyCategory.MAC), 1e-6);
        assertEquals(887347.2, cost.areaSquareMicrometres().get("pe-array"), 1e-6);
    }

    /** ant-28nm: the 45 nm unit figures scaled to 28 nm with the node rule; the source says it is an estimate. */
    @Test
    void antPresetSimulatesThroughTheEngine() {
        HardwareSpec spec = new HardwareSpecLoader(registry).resolve("ant-28nm", "--hw");
        assertEquals(TechNode.N28, spec.node());
        BitFusionParams params = (BitFusionParams) spec.pe().params();
        assertEquals(BitFusionVariant.ANT, params.variant());
        assertEquals("flint4", params.weightFormat());
        assertEquals("int4", params.activationFormat());
        GemmOp op = new GemmOp("g", OpKind.GEMM, 64, 64, 64, 1, Precision.INT4, new Precision("flint4", 4),
                Precision.INT32, BOperand.WEIGHTS, 0);
        GemmEvaluation evaluation = Engine.of(spec, registry).evaluate(op);
        // 32x32 os, lanes (2,1,2): M' = N' = 32, one fold of 64 + 32 + 32 - 2 = 126 cycles.
        assertEquals(126, evaluation.cost().totalCycles());
        double macScale = TechScaling.energyFactor(TechNode.N45, TechNode.N28);
        assertEquals(64 * 64 * 64 * 0.17215 * macScale, evaluation.cost().energy().picojoules(EnergyCategory.MAC),
                1e-6);
        assertTrue(evaluation.cost().sources().stream().filter(s -> s.id().equals("ant-synth-unit-8x4"))
                .allMatch(CostSource::estimate));
    }

    private String loadError(String params) {
        String yaml = String.join("\n",
                "name: bad",
                "node: 45nm",
                "clockMegahertz: 500",
                "pe:",
                "  family: bitfusion",
                "  params:",
                params,
                "array: {rows: 4, cols: 4}",
                "dataflow: os",
                "buffers:",
                "  activations: {kib: 8, banks: 1, portsPerBank: 1, wordBits: 8}",
                "  weights: {kib: 8, banks: 1, portsPerBank: 1, wordBits: 8}",
                "  outputs: {kib: 8, banks: 1, portsPerBank: 1, wordBits: 8}",
                "vectorUnit: {lanes: 4, wordBits: 16}",
                "dram:",
                "  custom: {bytesPerCycle: 8, latencyNanoseconds: 0, picojoulesPerBit: 1, capacityGibibytes: 1}",
                "");
        return assertThrows(BadInputException.class, () -> new HardwareSpecLoader(registry).parse(yaml, "hw.yaml"))
                .getMessage();
    }

    @Test
    void badParamsNameTheFieldAndLine() {
        assertEquals("hw.yaml: hardware.pe.params.weightBits: must be one of 2, 4, 8, got 3 (line 8)",
                loadError("    variant: bitfusion\n    weightBits: 3"));
        assertEquals("hw.yaml: hardware.pe.params.variant: must be one of bitfusion, ant, got 'olive' (line 7)",
                loadError("    variant: olive"));
        assertEquals("hw.yaml: hardware.pe.params.weightType: flint operands need variant ant (variant bitfusion, "
                + "flint4), got 'flint' (line 8)", loadError("    weightBits: 4\n    weightType: flint"));
        assertEquals("hw.yaml: hardware.pe.params.activationType: flint is a 4-bit type (variant ant, flint8), "
                + "got 'flint' (line 9)",
                loadError("    variant: ant\n    activationBits: 8\n    activationType: flint"));
        assertEquals("hw.yaml: hardware.pe.params.weightType: must be one of int, uint, flint, uflint, got 'fp4' "
                + "(line 7)", loadError("    weightType: fp4"));
        assertTrue(loadError("    rows: 4").startsWith("hw.yaml: hardware.pe.params.rows: unknown field; allowed "
                + "fields here: mode, variant, weightBits, activationBits, weightType, activationType"));
    }

    /** BitMoD's model of ANT: FP16 activations x ANT weights, one MAC per cycle, 0.56 pJ, 1318.6 um2. */
    @Test
    void weightOnlyModeIsBitModsAntPe() {
        AntWeightOnlyParams params = (AntWeightOnlyParams) weightOnlySpec("{mode: weight-only, variant: ant, "
                + "weightType: flint, effectiveWeightBits: 5.5, placeAndRouteFactor: 1.5}").pe().params();
        assertEquals(new AntWeightOnlyParams(OperandType.FLINT, 4, 5.5, 1.5), params);
        assertEquals(new Precision("flint4", 4), family.nativePrecisions(params).weights());
        assertEquals(Precision.FP16, family.nativePrecisions(params).activations());
        GemmOp op = new GemmOp("w", OpKind.PROJECTION, 4, 64, 8, 1, Precision.FP16, new Precision("flint4", 4),
                Precision.FP16, BOperand.WEIGHTS, 0);
        assertEquals(CellTiming.SINGLE_MAC, family.timing(params, op));
        CellCost cost = family.cellCost(params, op);
        // test_ant.py: 0.56 pJ per cycle and 1318.6 um2, x1.5 place-and-route
        assertEquals(0.84, cost.picojoulesPerMac().get(EnergyCategory.MAC), EPS);
        assertEquals(1977.9, cost.cellSquareMicrometres(), 1e-9);
        assertEquals(TechNode.N28, cost.node());
        // weights are stored at the effective width, the KV cache at its own
        assertEquals(5.5, family.storedWeightBits(params, op), EPS);
        GemmOp cache = new GemmOp("qk", OpKind.ATTENTION_SCORE, 4, 64, 8, 1, Precision.FP16, Precision.FP16,
                Precision.FP16, BOperand.KV_CACHE, 0);
        assertEquals(16.0, family.storedWeightBits(params, cache), EPS);
        // FP16 x FP16 is not a weight-only ANT product
        BadInputException e = assertThrows(BadInputException.class, () -> family.timing(params, cache));
        assertEquals("qk: bitfusion (weight-only ANT, flint4 weights, fp16 activations) cannot run fp16 activations "
                + "x fp16 weights", e.getMessage());
        // defaults: int4, effective width = code width, no place-and-route factor; fields round-trip
        AntWeightOnlyParams defaults = (AntWeightOnlyParams) weightOnlySpec("{mode: weight-only}").pe().params();
        assertEquals(new AntWeightOnlyParams(OperandType.INT, 4, 4.0, 1.0), defaults);
        String written = params.asMap().entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
        assertEquals(params, weightOnlySpec(written).pe().params());
    }

    @Test
    void badWeightOnlyParamsNameTheFieldAndLine() {
        assertEquals("hw.yaml: hardware.pe.params.mode: must be one of fused, weight-only, got 'w4a4' (line 7)",
                loadError("    mode: w4a4"));
        assertEquals("hw.yaml: hardware.pe.params.variant: must be ant in mode weight-only (BitMoD's model of ANT), "
                + "got 'bitfusion' (line 8)", loadError("    mode: weight-only\n    variant: bitfusion"));
        assertEquals("hw.yaml: hardware.pe.params.activationBits: must be 16 in mode weight-only (FP16 "
                + "activations), got 8 (line 8)", loadError("    mode: weight-only\n    activationBits: 8"));
        assertEquals("hw.yaml: hardware.pe.params.weightType: must be one of int, flint in mode weight-only, got "
                + "'uflint' (line 8)", loadError("    mode: weight-only\n    weightType: uflint"));
        assertEquals("hw.yaml: hardware.pe.params.weightBits: flint is a 4-bit type, got 8 (line 8)",
                loadError("    mode: weight-only\n    weightBits: 8\n    weightType: flint"));
        assertEquals("hw.yaml: hardware.pe.params.effectiveWeightBits: must be in [1, 16], got 20 (line 8)",
                loadError("    mode: weight-only\n    effectiveWeightBits: 20"));
        assertTrue(loadError("    effectiveWeightBits: 5").startsWith("hw.yaml: hardware.pe.params."
                + "effectiveWeightBits: unknown field"));
        assertEquals("hw.yaml: hardware.pe.params.placeAndRouteFactor: must be in [1, 4] (BitMoD's artefact uses "
                + "1.5), got 5 (line 8)", loadError("    mode: weight-only\n    placeAndRouteFactor: 5"));
    }

    private HardwareSpec weightOnlySpec(String params) {
        return new HardwareSpecLoader(registry).parse(String.join("\n", "name: a", "node: 28nm",
                "clockMegahertz: 1000", "pe: {family: bitfusion, params: " + params + "}",
                "array: {rows: 2, cols: 2}", "dataflow: ws", "buffers:",
                "  activations: {kib: 8, banks: 1, portsPerBank: 1, wordBits: 8}",
                "  weights: {kib: 8, banks: 1, portsPerBank: 1, wordBits: 8}",
                "  outputs: {kib: 8, banks: 1, portsPerBank: 1, wordBits: 8}", "vectorUnit: {lanes: 4, wordBits: 16}",
                "dram: {custom: {bytesPerCycle: 8, latencyNanoseconds: 0, picojoulesPerBit: 1, capacityGibibytes: 1}}",
                ""), "a.yaml");
    }

    @Test
    void flintWithoutBitsDefaultsToFourBits() {
        var spec = new HardwareSpecLoader(registry).parse(String.join("\n", "name: a", "node: 28nm",
                "clockMegahertz: 500", "pe: {family: bitfusion, params: {variant: ant, weightType: uflint}}",
                "array: {rows: 2, cols: 2}", "dataflow: ws", "buffers:",
                "  activations: {kib: 8, banks: 1, portsPerBank: 1, wordBits: 8}",
                "  weights: {kib: 8, banks: 1, portsPerBank: 1, wordBits: 8}",
                "  outputs: {kib: 8, banks: 1, portsPerBank: 1, wordBits: 8}", "vectorUnit: {lanes: 4, wordBits: 16}",
                "dram: {custom: {bytesPerCycle: 8, latencyNanoseconds: 0, picojoulesPerBit: 1, capacityGibibytes: 1}}",
                ""), "a.yaml");
        BitFusionParams params = (BitFusionParams) spec.pe().params();
        assertEquals("uflint4", params.weightFormat());
        assertEquals("int8", params.activationFormat());
    }
}
