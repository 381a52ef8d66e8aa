package io.bitforge.pe.ovp;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.engine.GemmEvaluation;
import io.bitforge.core.engine.HorowitzSram;
import io.bitforge.core.engine.TiledDramModel;
import io.bitforge.core.cost.Operand;
import io.bitforge.core.format.OvpFormat;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.pe.CellCost;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.tech.TechNode;
import io.bitforge.core.tech.TechScaling;
import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OvpFamilyTest {
    private static final double EPS = 1e-9;
    private final Registry registry = Registry.load();
    private final OvpFamily family = new OvpFamily();
    private static final Precision OVP_INT4 = new Precision("ovp-int4", 4);

    @Test
    void registeredWithW4a4Defaults() {
        assertTrue(registry.peFamily("ovp").isPresent());
        NativePrecisions precisions = family.nativePrecisions(family.defaultParams());
        assertEquals(OVP_INT4, precisions.activations());
        assertEquals(OVP_INT4, precisions.weights());
        assertEquals(Precision.INT32, precisions.outputs());
    }

    @Test
    void oneMacPerCycleBehindOneDecoderStage() {
        GemmOp op = new GemmOp("g", OpKind.GEMM, 1, 2, 1, 1, OVP_INT4, OVP_INT4, Precision.INT32, BOperand.WEIGHTS,
                0);
        assertEquals(new CellTiming(1, 1, 1, 1, 1), family.timing(family.defaultParams(), op));
    }

    @Test
    void weightOnlyCostIsBitModsOlivePe() {
        OvpParams params = OvpParams.weightOnly(OvpFormat.Normal.INT4, 4.5);
        CellCost cost = family.cellCost(params, new GemmOp("g", OpKind.GEMM, 1, 2, 1, 1, Precision.FP16, OVP_INT4,
                Precision.FP16, BOperand.WEIGHTS, 0));
        // BitMoD test_olive.py 0.613 pJ/cycle = 0.56 (its ANT PE, test_ant.py) + 0.053 decode.
        assertEquals(0.56, cost.picojoulesPerMac().get(EnergyCategory.MAC), EPS);
        assertEquals(0.053, cost.picojoulesPerMac().get(EnergyCategory.DECODE), EPS);
        assertEquals(1318.6, cost.cellSquareMicrometres(), EPS);
        assertEquals(TechNode.N28, cost.node());
        assertTrue(cost.sources().stream().allMatch(s -> s.estimate()));
    }

    @Test
    void w4a4CostIsTheFixedFourBitUnitPlusTheDecodeShare() {
        CellCost cost = family.cellCost(family.defaultParams(), new GemmOp("g", OpKind.GEMM, 1, 2, 1, 1, OVP_INT4,
                OVP_INT4, Precision.INT32, BOperand.WEIGHTS, 0));
        // Bit Fusion fixed 4x4: 67.9 uW / 500 MHz = 0.1358 pJ; decode 0.1358 * 0.053 / 0.56 = 0.0128525 pJ.
        assertEquals(0.1358, cost.picojoulesPerMac().get(EnergyCategory.MAC), EPS);
        assertEquals(0.0128525, cost.picojoulesPerMac().get(EnergyCategory.DECODE), EPS);
        assertEquals(282.2, cost.cellSquareMicrometres(), EPS);
        assertEquals(TechNode.N45, cost.node());
    }

    @Test
    void operandsTheModeCannotRunAreRejected() {
        GemmOp fp16 = GemmOp.of("attn", 1, 2, 1, Precision.FP16);
        BadInputException e = assertThrows(BadInputException.class, () -> family.timing(family.defaultParams(),
                fp16));
        assertEquals("attn: ovp (w4a4, ovp-int4 weights, ovp-int4 activations) cannot run fp16 activations x fp16 "
                + "weights", e.getMessage());
    }

    /**
     * olive-w4a4 (32x32 os) on M = K = N = 64: 2 x 2 folds, each 64 + 32 + 32 - 2 = 126 cycles plus the decoder
     * stage = 127; 4 x 127 = 508 cycles (SCALE-Sim's last-cycle index 507). The decoder does not slow the stream:
     * compute (streaming) cycles stay 4 folds x 64 = 256. Energy: 262144 MACs x (0.1358 + 0.0128525) pJ at 45 nm,
     * scaled to 28 nm.
     */
    @Test
    void w4a4PresetSimulatesThroughTheEngine() {
        HardwareSpec spec = new HardwareSpecLoader(registry).resolve("olive-w4a4", "--hw");
        GemmOp op = new GemmOp("g", OpKind.GEMM, 64, 64, 64, 1, OVP_INT4, OVP_INT4, Precision.INT32,
                BOperand.WEIGHTS, 0);
        GemmEvaluation evaluation = Engine.of(spec, registry).evaluate(op);
        CostReport cost = evaluation.cost();
        assertEquals(127, evaluation.metrics().foldCycles());
        assertEquals(507, evaluation.metrics().totalCycles());
        assertEquals(508, cost.totalCycles());
        assertEquals(256, cost.cycles().compute());
        double scale = TechScaling.energyFactor(TechNode.N45, TechNode.N28);
        assertEquals(262144 * 0.1358 * scale, cost.energy().picojoules(EnergyCategory.MAC), 1e-6);
        assertEquals(262144 * 0.0128525 * scale, cost.energy().picojoules(EnergyCategory.DECODE), 1e-6);
    }

    /**
     * olive-weight-only (36x32 ws) on M = 16, K = N = 4096 (a decode-sized GEMM): ws puts K on rows,
     * ceil(4096/36) = 114 row folds, 4096/32 = 128 column folds; each fold 36 (preload) + 16 + 36 + 32 - 2 + 1
     * (decoder) = 119 cycles: 14592 x 119 = 1,736,448. Energy per MAC 0.56 + 0.053 = 0.613 pJ (28 nm, no scaling).
     */
    @Test
    void weightOnlyPresetSimulatesThroughTheEngine() {
        HardwareSpec spec = new HardwareSpecLoader(registry).resolve("olive-weight-only", "--hw");
        OvpParams params = (OvpParams) spec.pe().params();
        assertEquals(OvpMode.WEIGHT_ONLY, params.mode());
        assertEquals(4.5, params.effectiveWeightBits(), EPS);
        GemmOp op = new GemmOp("g", OpKind.GEMM, 16, 4096, 4096, 1, Precision.FP16, OVP_INT4, Precision.FP16,
                BOperand.WEIGHTS, 0);
        GemmEvaluation evaluation = Engine.of(spec, registry).evaluate(op);
        assertEquals(114, evaluation.metrics().rowFolds());
        assertEquals(128, evaluation.metrics().colFolds());
        assertEquals(119, evaluation.metrics().foldCycles());
        assertEquals(1_736_448, evaluation.cost().totalCycles());
        long macs = 16L * 4096 * 4096;
        assertEquals(macs * 0.56, evaluation.cost().energy().picojoules(EnergyCategory.MAC), 1e-3);
        assertEquals(macs * 0.053, evaluation.cost().energy().picojoules(EnergyCategory.DECODE), 1e-3);
    }

    /**
     * The weight-only design's weights move at effectiveWeightBits: M = 1, K = 256, N = 64 on olive-weight-only
     * (36x32 ws, 512 KiB buffers, so one tile): 256 x 64 weights at 4.5 bits = 9216 B (at the 4-bit code width
     * it would be 8192 B). A KV-cache B operand is not a weight: FP16 at 16 bits, 256 x 64 x 2 = 32768 B.
     */
    @Test
    void weightOnlyWeightsMoveAtTheEffectiveWidth() {
        HardwareSpec spec = new HardwareSpecLoader(registry).resolve("olive-weight-only", "--hw");
        TiledDramModel dram = TiledDramModel.of(spec, registry, OptionalDouble.empty());
        Engine engine = new Engine(spec, family, new HorowitzSram(), dram);
        GemmOp weights = new GemmOp("w", OpKind.PROJECTION, 1, 256, 64, 1, Precision.FP16, OVP_INT4, Precision.FP16,
                BOperand.WEIGHTS, 0);
        assertEquals(4.5, engine.storedWeightBits(weights), EPS);
        assertEquals(9216, engine.evaluate(weights).cost().actions().dramBytes(Operand.WEIGHTS));
        OvpParams w4a4 = (OvpParams) family.defaultParams();
        assertEquals(4.0, family.storedWeightBits(w4a4, new GemmOp("w", OpKind.GEMM, 1, 256, 64, 1, OVP_INT4,
                OVP_INT4, Precision.INT32, BOperand.WEIGHTS, 0)), EPS);
        GemmOp cache = new GemmOp("qk", OpKind.ATTENTION_SCORE, 1, 256, 64, 1, Precision.FP16, Precision.FP16,
                Precision.FP16, BOperand.KV_CACHE, 0);
        assertEquals(16.0, family.storedWeightBits(spec.pe().params(), cache), EPS);
    }

    /**
     * Edge decoders by hand. ovp-int4 pair decoder = 20 NAND2 x 0.798 + 24 INV x 0.532 + 14 DFF x 4.522 =
     * 15.96 + 12.768 + 63.308 = 92.036 um2 at 45 nm. olive-weight-only (36x32 ws): weights enter through the 32
     * columns, 32 x 92.036 = 2945.152 um2 at 45 nm; olive-w4a4 (32x32 os) decodes weights (32 columns) and
     * activations (32 rows): 64 x 92.036 = 5890.304 um2. Both presets are 28 nm: Stillmaker & Baas's 45 -> 28 nm
     * area factor, 0.46^(2/3) x 0.21^(1/3) (Table 4, 32 and 20 nm columns interpolated).
     */
    @Test
    void edgeDecodersAreChargedPerLaneOfTheEdgesTheyFeed() {
        double to28 = Math.pow(0.46, 2.0 / 3) * Math.pow(0.21, 1.0 / 3);
        HardwareSpec weightOnly = new HardwareSpecLoader(registry).resolve("olive-weight-only", "--hw");
        GemmOp op = new GemmOp("g", OpKind.GEMM, 16, 64, 64, 1, Precision.FP16, OVP_INT4, Precision.FP16,
                BOperand.WEIGHTS, 0);
        CostReport cost = Engine.of(weightOnly, registry).evaluate(op).cost();
        assertEquals(32 * 92.036 * to28, cost.areaSquareMicrometres().get(OvpFamily.DECODER_UNIT), 1e-6);
        assertEquals(36 * 32 * 1318.6, cost.areaSquareMicrometres().get("pe-array"), 1e-6);
        assertEquals(36 * 32 * 1318.6 + 32 * 92.036 * to28, cost.areaSquareMicrometres().get("pe-array")
                + cost.areaSquareMicrometres().get(OvpFamily.DECODER_UNIT), 1e-6);
        HardwareSpec w4a4 = new HardwareSpecLoader(registry).resolve("olive-w4a4", "--hw");
        GemmOp int4 = new GemmOp("g", OpKind.GEMM, 16, 64, 64, 1, OVP_INT4, OVP_INT4, Precision.INT32,
                BOperand.WEIGHTS, 0);
        CostReport both = Engine.of(w4a4, registry).evaluate(int4).cost();
        assertEquals(64 * 92.036 * to28, both.areaSquareMicrometres().get(OvpFamily.DECODER_UNIT), 1e-6);
        // flint4 and int8 decoders: 40 x 0.798 + 21 x 0.532 + 14 x 4.522 = 106.4; 28 x 0.798 + 38 x 0.532 +
        // 22 x 4.522 = 142.044
        assertEquals(106.4, OvpDecoderArea.squareMicrometres(OvpFormat.Normal.FLINT4), 1e-9);
        assertEquals(142.044, OvpDecoderArea.squareMicrometres(OvpFormat.Normal.INT8), 1e-9);
        assertTrue(both.sources().contains(OvpDecoderArea.SOURCE));
        assertTrue(OvpDecoderArea.SOURCE.estimate());
    }

    @Test
    void placeAndRouteFactorScalesEnergyAndPeArea() {
        OvpParams params = OvpParams.weightOnly(OvpFormat.Normal.INT4, 4.5).withPlaceAndRouteFactor(1.5);
        CellCost cost = family.cellCost(params, new GemmOp("g", OpKind.GEMM, 1, 2, 1, 1, Precision.FP16, OVP_INT4,
                Precision.FP16, BOperand.WEIGHTS, 0));
        // BitMoD's artefact: 0.613 pJ x 1.5 = 0.9195 pJ per PE cycle, 1318.6 x 1.5 = 1977.9 um2
        assertEquals(0.56 * 1.5, cost.picojoulesPerMac().get(EnergyCategory.MAC), EPS);
        assertEquals(0.053 * 1.5, cost.picojoulesPerMac().get(EnergyCategory.DECODE), EPS);
        assertEquals(1977.9, cost.cellSquareMicrometres(), 1e-9);
        assertEquals("hw.yaml: hardware.pe.params.placeAndRouteFactor: must be in [1, 4] (BitMoD's artefact uses "
                + "1.5), got 0.5 (line 7)", loadError("    placeAndRouteFactor: 0.5"));
    }

    private String loadError(String params) {
        String yaml = String.join("\n",
                "name: bad",
                "node: 28nm",
                "clockMegahertz: 500",
                "pe:",
                "  family: ovp",
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
        assertEquals("hw.yaml: hardware.pe.params.mode: must be one of w4a4, weight-only, got 'w8a8' (line 7)",
                loadError("    mode: w8a8"));
        assertEquals("hw.yaml: hardware.pe.params.weightBits: must be one of 4, 8, got 6 (line 7)",
                loadError("    weightBits: 6"));
        assertEquals("hw.yaml: hardware.pe.params.activationType: flint is a 4-bit type (ovp-flint4), "
                + "activationBits is 8, got 'flint' (line 8)",
                loadError("    activationBits: 8\n    activationType: flint"));
        assertEquals("hw.yaml: hardware.pe.params.weightType: must be one of int, flint, got 'fp4' (line 7)",
                loadError("    weightType: fp4"));
        assertEquals("hw.yaml: hardware.pe.params.activationBits: must be 16 in mode weight-only (FP16 activations), "
                + "got 4 (line 8)", loadError("    mode: weight-only\n    activationBits: 4"));
        assertEquals("hw.yaml: hardware.pe.params.effectiveWeightBits: only in mode weight-only (w4a4 stores "
                + "exactly weightBits per weight), got 4.25 (line 7)", loadError("    effectiveWeightBits: 4.25"));
        assertEquals("hw.yaml: hardware.pe.params.effectiveWeightBits: must be > 0, got -1 (line 8)",
                loadError("    mode: weight-only\n    effectiveWeightBits: -1"));
        assertTrue(loadError("    lanes: 4").startsWith("hw.yaml: hardware.pe.params.lanes: unknown field"));
    }
}
