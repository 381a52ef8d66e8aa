package io.bitforge.pe.ovp;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.engine.GemmEvaluation;
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
