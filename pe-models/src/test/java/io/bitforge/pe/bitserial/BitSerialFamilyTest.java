package io.bitforge.pe.bitserial;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.engine.EngineOptions;
import io.bitforge.core.engine.StepTiming;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.pe.CellCost;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.CycleModel;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.tech.TechNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BitSerialFamilyTest {
    private static final double EPS = 1e-9;
    private static final String PARAMS = "  params: {timing: bitmod, weightFormat: bitmod-mix4, activationFormat: fp16,"
            + " groupSize: 128, lanes: 4, placeAndRouteFactor: 1.5}";
    private final Registry registry = Registry.load();
    private final HardwareSpecLoader loader = new HardwareSpecLoader(registry);
    private final BitSerialFamily family = new BitSerialFamily();

    private static GemmOp op(OpKind kind, Precision activations, Precision weights) {
        return new GemmOp("g", kind, 8, 64, 8, 1, activations, weights, activations, BOperand.WEIGHTS, 128);
    }

    private static Precision bits(String format, int bits) {
        return new Precision(format, bits);
    }

    private BitSerialParams params(String yamlParams) {
        HardwareSpec spec = loader.parse(io.bitforge.core.registry.Registry.load().hardware("bitmod-prefill").orElseThrow().yaml().replace(PARAMS,
                "  params: " + yamlParams), "hw.yaml");
        return (BitSerialParams) spec.pe().params();
    }

    private String error(String yamlParams) {
        return assertThrows(BadInputException.class, () -> params(yamlParams)).getMessage();
    }

    @Test
    void registeredAndPresetsLoad() {
        assertTrue(registry.peFamily("bit-serial").isPresent());
        HardwareSpec prefill = loader.resolve("bitmod-prefill", "--hw");
        HardwareSpec decode = loader.resolve("bitmod-decode", "--hw");
        assertEquals(32, prefill.array().rows());
        assertEquals(32, prefill.array().cols());
        assertEquals(64, decode.array().rows());
        assertEquals(16, decode.array().cols());
        for (HardwareSpec spec : new HardwareSpec[] {prefill, decode}) {
            assertEquals(512 * 1024, spec.buffers().weights().bytes());
            assertEquals(512 * 1024, spec.buffers().activations().bytes());
            assertEquals(new BitSerialParams(TimingMode.BITMOD, "bitmod-mix4", "fp16", 128, 4, 2, 1.5),
                    spec.pe().params());
        }
    }

    @Test
    void bitmodLatencyIsCeilFloorWOverTwo() {
        BitSerialParams p = BitSerialParams.bitmodDefaults();
        // ceil(floor(w)/2): 3 -> 2, 4 -> 2, 6 -> 3, 8 -> 4; four lanes along K
        assertEquals(new CellTiming(1, 4, 1, 2), family.timing(p, op(OpKind.PROJECTION, Precision.FP16,
                bits("bitmod-fp3-er+", 3))));
        assertEquals(2, family.timing(p, op(OpKind.PROJECTION, Precision.FP16, Precision.INT4)).cyclesPerStep());
        assertEquals(3, family.timing(p, op(OpKind.PROJECTION, Precision.FP16, bits("int6", 6))).cyclesPerStep());
        assertEquals(4, family.timing(p, op(OpKind.PROJECTION, Precision.FP16, Precision.INT8)).cyclesPerStep());
        // FP16 operands (attention) take eight radix-4 digits
        assertEquals(8, family.timing(p, op(OpKind.ATTENTION_SCORE, Precision.FP16, Precision.FP16))
                .cyclesPerStep());
    }

    @Test
    void stripesAndLoomTiming() {
        BitSerialParams stripes = new BitSerialParams(TimingMode.STRIPES, "int16", "int16", 128, 4, 1, 1);
        BitSerialParams stripes2 = new BitSerialParams(TimingMode.STRIPES, "int16", "int16", 128, 4, 2, 1);
        BitSerialParams loom = new BitSerialParams(TimingMode.LOOM, "int16", "int16", 128, 4, 1, 1);
        Precision int5 = bits("int5", 5);
        // Stripes: time ∝ P_a: 8 activation bits at 1 bit/cycle = 8 cycles, at 2 bits/cycle 4; weights don't matter
        assertEquals(8, family.timing(stripes, op(OpKind.PROJECTION, Precision.INT8, Precision.INT4)).cyclesPerStep());
        assertEquals(8, family.timing(stripes, op(OpKind.PROJECTION, Precision.INT8, Precision.INT8)).cyclesPerStep());
        assertEquals(4, family.timing(stripes2, op(OpKind.PROJECTION, Precision.INT8, int5)).cyclesPerStep());
        // Loom: conv ∝ P_a·P_w = 8·5 = 40; FC ∝ P_w = 5
        assertEquals(40, family.timing(loom, op(OpKind.CONV, Precision.INT8, int5)).cyclesPerStep());
        assertEquals(5, family.timing(loom, op(OpKind.PROJECTION, Precision.INT8, int5)).cyclesPerStep());
        String message = assertThrows(BadInputException.class,
                () -> family.timing(stripes, op(OpKind.PROJECTION, Precision.FP16, Precision.INT4))).getMessage();
        assertTrue(message.contains("stripes timing serialises fixed-point operands"), message);
    }

    @Test
    void costFromBitmodPerPeFigures() {
        BitSerialParams routed = new BitSerialParams(TimingMode.BITMOD, "bitmod-mix4", "fp16", 128, 4, 2, 1.5);
        CellCost w4 = family.cellCost(routed, op(OpKind.PROJECTION, Precision.FP16, Precision.INT4));
        // 0.56 pJ/cycle x 1.5 P&R x 2 cycles per step / 4 MACs per step = 0.42 pJ per MAC; 1507.7 x 1.5 um2
        assertEquals(0.42, w4.picojoulesPerMac().get(EnergyCategory.MAC), EPS);
        assertEquals(2261.55, w4.cellSquareMicrometres(), 1e-6);
        assertEquals(TechNode.N28, w4.node());
        CellCost w8 = family.cellCost(BitSerialParams.bitmodDefaults(),
                op(OpKind.PROJECTION, Precision.FP16, Precision.INT8));
        // no P&R factor, 4 cycles: 0.56·4/4 = 0.56 pJ per MAC; 1507.7 um2
        assertEquals(0.56, w8.picojoulesPerMac().get(EnergyCategory.MAC), EPS);
        assertEquals(1507.7, w8.cellSquareMicrometres(), EPS);
        assertTrue(w8.sources().get(0).estimate());
    }

    @Test
    void engineFoldsOnThePrefillPreset() {
        HardwareSpec spec = loader.resolve("bitmod-prefill", "--hw");
        assertEquals(Dataflow.OS, spec.dataflow());
        Engine engine = Engine.of(spec, registry);
        GemmOp gemm = new GemmOp("g", OpKind.PROJECTION, 32, 128, 32, 1, Precision.FP16, bits("bitmod-mix4", 4),
                Precision.FP16, BOperand.WEIGHTS, 128);
        CostReport cost = engine.evaluate(gemm).cost();
        // os 32x32, K/4 = 32 steps of 2 cycles, one fold: 2·(32 + 32 + 32 − 2) = 188 cycles, 64 of them streaming
        assertEquals(188, cost.totalCycles());
        assertEquals(64, cost.cycles().compute());
        // 32·128·32 MACs x 0.42 pJ
        assertEquals(131072 * 0.42, cost.energy().picojoules(EnergyCategory.MAC), 1e-6);
    }

    @Test
    void storedWeightsCarryBitmodsEightMetadataBitsPerGroup() {
        BitSerialParams p = BitSerialParams.bitmodDefaults();
        // bitmod_sim/test_bitmod.py w_prec: 4 + 8/128 = 4.0625, 3 + 8/128 = 3.0625, 6 + 8/128 = 6.0625
        assertEquals(4.0625, family.storedWeightBits(p, op(OpKind.PROJECTION, Precision.FP16,
                bits("bitmod-mix4", 4))), EPS);
        assertEquals(3.0625, family.storedWeightBits(p, op(OpKind.PROJECTION, Precision.FP16,
                bits("bitmod-mix3", 3))), EPS);
        assertEquals(6.0625, family.storedWeightBits(p, op(OpKind.PROJECTION, Precision.FP16, bits("int6", 6))),
                EPS);
        // an ungrouped operand (the FP16 attention products) carries no metadata
        assertEquals(16.0, family.storedWeightBits(p, GemmOp.of("qk", 8, 64, 8, Precision.FP16)), EPS);
    }

    /**
     * BitMoD's artefact times every GEMM of a design at its one pe_latency; the engine's native step timing does
     * the same. An FP16 attention product M = 64, K = 128, N = 32 on bitmod-prefill (32x32, 4 lanes) under
     * layer-overlap: tiles = ceil(128/4)·ceil(32/32)·ceil(64/32) = 64. At its own 16-bit operands a step takes
     * ceil(16/2) = 8 cycles (512 compute cycles); at the design's native bitmod-mix4 weights 2 (128 cycles). The
     * cell is charged per lane of every tile, 64 tiles x 1024 cells x 4 lanes, at 0.56·1.5·L/4 pJ per MAC.
     */
    @Test
    void nativeStepTimingRunsFp16AttentionAtTheDesignsLatency() {
        HardwareSpec prefill = loader.resolve("bitmod-prefill", "--hw");
        HardwareSpec spec = prefill.withMapping(prefill.mapping().withCycleModel(CycleModel.LAYER_OVERLAP));
        GemmOp scores = new GemmOp("qk", OpKind.ATTENTION_SCORE, 64, 128, 32, 1, Precision.FP16, Precision.FP16,
                Precision.FP16, BOperand.KV_CACHE, 0);
        Engine operands = Engine.of(spec, registry);
        Engine natives = operands.withOptions(EngineOptions.DEFAULT.withStepTiming(StepTiming.NATIVE));
        CostReport own = operands.evaluate(scores).cost();
        CostReport nat = natives.evaluate(scores).cost();
        assertEquals(512, own.cycles().compute());
        assertEquals(128, nat.cycles().compute());
        assertEquals(64 * 1024 * 4 * 0.56 * 1.5 * 8 / 4, own.energy().picojoules(EnergyCategory.MAC), 1e-6);
        assertEquals(64 * 1024 * 4 * 0.56 * 1.5 * 2 / 4, nat.energy().picojoules(EnergyCategory.MAC), 1e-6);
        // the traffic stays the op's: 16-bit "weights" ceil(128·16/8)·32 = 8192 B either way
        assertEquals(8192, nat.actions().dramBytes(io.bitforge.core.cost.Operand.WEIGHTS));
        assertEquals(8192, own.actions().dramBytes(io.bitforge.core.cost.Operand.WEIGHTS));
    }

    @Test
    void paramsDefaultsAndFields() {
        assertEquals(BitSerialParams.bitmodDefaults(), params("{}"));
        assertEquals(new BitSerialParams(TimingMode.LOOM, "int8", "int16", 64, 8, 4, 1.0),
                params("{timing: loom, weightFormat: int8, groupSize: 64, lanes: 8, bitsPerCycle: 4}"));
        assertEquals(new BitSerialParams(TimingMode.STRIPES, "int16", "uint8", 128, 4, 1, 1.0),
                params("{timing: stripes, activationFormat: uint8}"));
        assertEquals(new BitSerialParams(TimingMode.BITMOD, "bitmod-mix4", "int8", 128, 4, 2, 1.0),
                params("{activationFormat: int8}"));
    }

    @Test
    void badParamsNameTheField() {
        assertTrue(error("{timing: fast}").contains(
                "hardware.pe.params.timing: must be one of [bitmod, stripes, loom], got 'fast'"), error("{timing: fast}"));
        assertTrue(error("{weightFormat: nope}").contains("hardware.pe.params.weightFormat: must be a BitMoD type"));
        assertTrue(error("{weightFormat: uint4}").contains("needs 3 radix-4 terms"));
        assertTrue(error("{timing: stripes, weightFormat: bitmod-fp4-er+}").contains(
                "hardware.pe.params.weightFormat: must be int{N} for timing stripes, got 'bitmod-fp4-er+'"));
        // integer activations ride in the FP16 lanes up to FP16's 11-bit significand
        assertTrue(error("{activationFormat: int12}").contains("hardware.pe.params.activationFormat: must be fp16, "
                + "int{N} or uint{N} with N <= 11 for timing bitmod, got 'int12'"), error("{activationFormat: int12}"));
        assertTrue(error("{timing: loom, activationFormat: fp16}").contains(
                "hardware.pe.params.activationFormat: must be int{N} or uint{N} for timing loom"));
        assertTrue(error("{bitsPerCycle: 1}").contains(
                "hardware.pe.params.bitsPerCycle: must be 2 for timing bitmod (two weight bits per cycle), got 1"));
        assertTrue(error("{timing: loom, bitsPerCycle: 3}").contains(
                "hardware.pe.params.bitsPerCycle: must be one of 1, 2, 4, got 3"));
        assertTrue(error("{lanes: 0}").contains("hardware.pe.params.lanes: must be > 0, got 0"));
        assertTrue(error("{groupSize: 0}").contains("hardware.pe.params.groupSize: must be > 0, got 0"));
        assertTrue(error("{placeAndRouteFactor: 0.5}").contains(
                "hardware.pe.params.placeAndRouteFactor: must be in [1, 4] (BitMoD's artefact uses 1.5), got 0.5"));
        assertTrue(error("{colour: red}").contains("hardware.pe.params"));
        assertTrue(error("{colour: red}").startsWith("hw.yaml: "));
    }
}
