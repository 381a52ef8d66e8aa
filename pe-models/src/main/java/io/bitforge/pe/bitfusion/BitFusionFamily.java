package io.bitforge.pe.bitfusion;

import io.bitforge.pe.DequantOps;
import io.bitforge.core.pe.DequantStatement;
import io.bitforge.core.cost.CostSource;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Precision;
import io.bitforge.core.pe.CellCost;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.PeParams;
import io.bitforge.core.spec.SpecNode;
import io.bitforge.core.tech.TechNode;
import io.bitforge.pe.PlaceAndRoute;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code bitfusion}: an array of fusible units, one unit per cell — Bit Fusion's Fusion Unit of 16 2-bit
 * BitBricks (Sharma et al., ISCA 2018) or ANT's PE of four 4-bit multipliers behind an int/flint decoder (Guo et
 * al., MICRO 2022). See {@link BitFusionVariant}.
 *
 * <p><b>Timing.</b> A unit completes {@code f(b_a)·f(b_w)} products per cycle with
 * {@code f(b) = floor(8 / max(b, p_min))}; as in the artefacts' simulators (hsharma35/bitfusion
 * {@code bitfusion/src/simulator/accelerator.py}: FC cycles = ceil(B/(N·f_i))·ceil(N_out/(M·f_w))·K_in) the
 * f(b_a) activation rows and f(b_w) weight columns a unit serves are lanes along M and N, so the cell timing is
 * {@code (f(b_a), 1, f(b_w), 1)} and the engine's fold model does the rest.
 *
 * <p><b>Cost.</b> Energy per MAC = the unit's energy per cycle / products per cycle (a unit at low precision
 * spreads the same switching over more products). Bit Fusion: the (8,2) Fusion Unit of
 * hsharma35/bitfusion {@code results/systolic_array_synth.csv}, 45 nm, 500 MHz: 1733.1 µm², 344.3 µW total.
 * ANT: its artefact (clevercool/ANT-Quantization {@code ant_simulator/results/systolic_array_synth.csv}) gives
 * the (8,4) unit 344,300 nW total at 500 MHz — Bit Fusion's 45 nm figure reused — and no area (placeholder 1);
 * BitForge takes the 45 nm Fusion Unit's area for it and flags both as estimates.
 *
 * <p><b>Weight-only mode</b> ({@code mode: weight-only}, variant ant only; {@link AntWeightOnlyParams}): ANT as
 * BitMoD's iso-area study models it (Chen et al., HPCA 2025; yc2367/BitMoD-HPCA-25 {@code bitmod_sim/test_ant.py}:
 * pe_dp_size 1, not bit-serial, pe_energy 0.56 pJ per cycle, pe_area 1318.6 µm²): FP16 activations times
 * ANT-decoded int/flint weights, one MAC per cell per cycle (functional model {@link AntWeightOnlyTile}). The
 * artefact does not state the PE's node; its memories are 28 nm, so 28 nm is assumed (estimate). Weights are stored
 * at {@code effectiveWeightBits}, BitMoD's per-model figure for ANT (5.5 prefill; 4.5–5.25 decode).
 */
public final class BitFusionFamily implements PeFamily {
    /** The {@code mode} value of ANT's weight-only configuration. */
    static final String WEIGHT_ONLY = "weight-only";
    /** BitMoD's ANT PE: energy per cycle and area (yc2367/BitMoD-HPCA-25 bitmod_sim/test_ant.py). */
    static final double BITMOD_ANT_PICOJOULES = 0.56;
    static final double BITMOD_ANT_SQUARE_MICROMETRES = 1318.6;
    static final String BITMOD_ANT_TABLE = "BitMoD (Chen et al., HPCA 2025) ANT PE, yc2367/BitMoD-HPCA-25 "
            + "bitmod_sim/test_ant.py: 0.56 pJ/cycle, 1318.6 um2, one FP16 x ANT-weight MAC per cycle (node assumed "
            + "28 nm)";
    static final String BITFUSION_TABLE = "Bit Fusion (Sharma et al., ISCA 2018) synthesis, hsharma35/bitfusion "
            + "results/systolic_array_synth.csv, 45nm 500MHz: (8,2) Fusion Unit 1733.1 um2, 344.3 uW";
    static final String ANT_TABLE = "ANT (Guo et al., MICRO 2022), clevercool/ANT-Quantization "
            + "ant_simulator/results/systolic_array_synth.csv: (8,4) unit 344300 nW at 500MHz, area not given; "
            + "area taken as Bit Fusion's 45nm (8,2) Fusion Unit, 1733.1 um2";
    /** Bit Fusion (8,2) Fusion Unit, 45 nm (hsharma35/bitfusion results/systolic_array_synth.csv). */
    static final double UNIT_SQUARE_MICROMETRES = 1733.1;
    /** Total power of the (8,2) unit (Bit Fusion) and of ANT's (8,4) unit (ANT's artefact), both 344.3 µW. */
    static final double UNIT_MICROWATTS = 344.3;
    /** Both tables are at 500 MHz: 1 µW is 1e-6 J/s / 5e8 cycles/s = 2e-15 J = 0.002 pJ per cycle. */
    static final double PICOJOULES_PER_MICROWATT_CYCLE = 1.0 / 500.0;

    @Override
    public String id() {
        return "bitfusion";
    }

    @Override
    public String description() {
        return "fusible multiplier array: Bit Fusion's 16-BitBrick Fusion Unit or ANT's fused 4-bit int/flint PE";
    }

    @Override
    public String source() {
        return "Bit Fusion (Sharma et al., ISCA 2018; hsharma35/bitfusion); ANT (Guo et al., MICRO 2022; "
                + "clevercool/ANT-Quantization ant_simulator)";
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("cell", "one fusible unit: f(b_a)*f(b_w) products per cycle, f(b) = floor(8/max(b, p_min))");
        facts.put("variants", "bitfusion (p_min 2), ant (p_min 4, int/flint decoder); mode weight-only (ant: FP16 "
                + "activations x ANT weights, one MAC per cycle, BitMoD's model)");
        facts.put("dataflows", "os, ws, is");
        facts.put("params", "variant, weightBits, activationBits (2, 4, 8), weightType, activationType "
                + "(int, uint; ant also flint, uflint); mode weight-only: weightBits, weightType, effectiveWeightBits, "
                + "placeAndRouteFactor");
        return facts;
    }

    @Override
    public PeParams parseParams(SpecNode params) {
        Optional<SpecNode> mode = params.optionalField("mode");
        if (mode.isPresent() && !mode.get().text().equals("fused")) {
            if (!mode.get().text().equals(WEIGHT_ONLY)) {
                throw mode.get().error("must be one of fused, " + WEIGHT_ONLY, mode.get().shown());
            }
            return weightOnly(params);
        }
        params.allowOnly("mode", "variant", "weightBits", "activationBits", "weightType", "activationType");
        BitFusionVariant variant = params.optionalField("variant").map(n -> BitFusionVariant.fromId(n.text())
                .orElseThrow(() -> n.error("must be one of " + BitFusionVariant.ids(), n.shown())))
                .orElse(BitFusionVariant.BITFUSION);
        OperandType weightType = type(params, "weightType");
        OperandType activationType = type(params, "activationType");
        int weightBits = bits(params, "weightBits", variant, weightType);
        int activationBits = bits(params, "activationBits", variant, activationType);
        return new BitFusionParams(variant, weightBits, activationBits, weightType, activationType);
    }

    /** ANT's weight-only mode: FP16 activations, int/flint weights, effective bits, place-and-route factor. */
    private static AntWeightOnlyParams weightOnly(SpecNode params) {
        params.allowOnly("mode", "variant", "weightBits", "weightType", "activationBits", "effectiveWeightBits",
                "placeAndRouteFactor");
        params.optionalField("variant").ifPresent(n -> {
            if (!n.text().equals(BitFusionVariant.ANT.id())) {
                throw n.error("must be ant in mode " + WEIGHT_ONLY + " (BitMoD's model of ANT)", n.shown());
            }
        });
        params.optionalField("activationBits").ifPresent(n -> {
            if (n.intIn(1, 64) != 16) {
                throw n.error("must be 16 in mode " + WEIGHT_ONLY + " (FP16 activations)", n.json().asInt());
            }
        });
        Optional<SpecNode> typeNode = params.optionalField("weightType");
        OperandType type = type(params, "weightType");
        if (type != OperandType.INT && type != OperandType.FLINT) {
            throw typeNode.orElseThrow().error("must be one of int, flint in mode " + WEIGHT_ONLY,
                    typeNode.orElseThrow().shown());
        }
        Optional<SpecNode> bitsNode = params.optionalField("weightBits");
        int bits = bitsNode.map(n -> n.intIn(1, 64)).orElse(4);
        if (bits != 4 && bits != 8 || type == OperandType.FLINT && bits != 4) {
            throw bitsNode.orElse(params).error(type == OperandType.FLINT ? "flint is a 4-bit type"
                    : "must be one of 4, 8", bits);
        }
        double effective = params.optionalField("effectiveWeightBits").map(n -> {
            double v = n.positive();
            if (v < 1 || v > 16) {
                throw n.error("must be in [1, 16]", n.shown());
            }
            return v;
        }).orElse((double) bits);
        double placeAndRoute = PlaceAndRoute.factor(params);
        return new AntWeightOnlyParams(type, bits, effective, placeAndRoute);
    }

    private static OperandType type(SpecNode params, String field) {
        return params.optionalField(field).map(n -> OperandType.fromId(n.text())
                .orElseThrow(() -> n.error("must be one of " + OperandType.ids(), n.shown()))).orElse(OperandType.INT);
    }

    /** A width, checked together with its operand's type; the error points at the field at fault. */
    private static int bits(SpecNode params, String field, BitFusionVariant variant, OperandType type) {
        Optional<SpecNode> node = params.optionalField(field);
        int bits = node.isPresent() ? node.get().intIn(1, 64) : type.isFlint() ? 4 : BitFusionVariant.MAX_BITS;
        String problem = BitFusionParams.problem(variant, bits, type);
        if (problem == null) {
            return bits;
        }
        if (bits != 2 && bits != 4 && bits != 8) {
            throw node.orElse(params).error(problem, bits);
        }
        Optional<SpecNode> typeNode = params.optionalField(field.replace("Bits", "Type"));
        SpecNode where = typeNode.or(() -> node).orElse(params);
        throw where.error(problem + " (variant " + variant.id() + ", " + type.formatId(bits) + ")", where.shown());
    }

    @Override
    public PeParams defaultParams() {
        return new BitFusionParams(BitFusionVariant.BITFUSION, 8, 8, OperandType.INT, OperandType.INT);
    }

    @Override
    public Set<Dataflow> dataflows() {
        return EnumSet.allOf(Dataflow.class);
    }

    @Override
    public NativePrecisions nativePrecisions(PeParams params) {
        if (params instanceof AntWeightOnlyParams w) {
            return new NativePrecisions(Precision.FP16, new Precision(w.weightFormat(), w.weightBits()),
                    Precision.FP16);
        }
        BitFusionParams p = (BitFusionParams) params;
        // Products accumulate into 32-bit output words (hsharma35/bitfusion simulator.py: obuf_bits = 32).
        return new NativePrecisions(new Precision(p.activationFormat(), p.activationBits()),
                new Precision(p.weightFormat(), p.weightBits()), Precision.INT32);
    }

    @Override
    public CellTiming timing(PeParams params, GemmOp op) {
        if (params instanceof AntWeightOnlyParams w) {
            checkWeightOnly(w, op);
            return CellTiming.SINGLE_MAC;
        }
        BitFusionVariant variant = ((BitFusionParams) params).variant();
        check(variant, op);
        return new CellTiming(variant.operandsPerCycle(op.activations().bits()), 1,
                variant.operandsPerCycle(op.weights().bits()), 1);
    }

    @Override
    public CellCost cellCost(PeParams params, GemmOp op) {
        if (params instanceof AntWeightOnlyParams w) {
            checkWeightOnly(w, op);
            double pr = w.placeAndRouteFactor();
            return new CellCost(TechNode.N28, Map.of(EnergyCategory.MAC, BITMOD_ANT_PICOJOULES * pr),
                    BITMOD_ANT_SQUARE_MICROMETRES * pr, List.of(new CostSource("bitmod-ant-pe", BITMOD_ANT_TABLE
                            + (pr == 1.0 ? "" : "; x" + pr + " place-and-route"), "28nm", true)));
        }
        BitFusionVariant variant = ((BitFusionParams) params).variant();
        check(variant, op);
        int products = variant.productsPerCycle(op.activations().bits(), op.weights().bits());
        double picojoulesPerMac = UNIT_MICROWATTS * PICOJOULES_PER_MICROWATT_CYCLE / products;
        CostSource source = variant == BitFusionVariant.BITFUSION
                ? new CostSource("bitfusion-synth-fusion-unit-8x2", BITFUSION_TABLE, "45nm", false)
                : new CostSource("ant-synth-unit-8x4", ANT_TABLE, "45nm", true);
        return new CellCost(TechNode.N45, Map.of(EnergyCategory.MAC, picojoulesPerMac), UNIT_SQUARE_MICROMETRES,
                List.of(source));
    }

    /** Weight-only: {@code effectiveWeightBits} for weights; otherwise the default rule. */
    @Override
    public double storedWeightBits(PeParams params, GemmOp op) {
        if (params instanceof AntWeightOnlyParams w && op.bOperand() == BOperand.WEIGHTS) {
            return w.effectiveWeightBits();
        }
        return PeFamily.super.storedWeightBits(params, op);
    }

    private static void checkWeightOnly(AntWeightOnlyParams p, GemmOp op) {
        Precision a = op.activations();
        Precision w = op.weights();
        if (a.bits() > 16 || w.isFloat() || w.bits() > p.weightBits()) {
            throw new BadInputException(op.name() + ": bitfusion (weight-only ANT, " + p.weightFormat() + " weights, "
                    + "fp16 activations) cannot run " + a + " activations x " + w + " weights");
        }
    }

    private static void check(BitFusionVariant variant, GemmOp op) {
        Precision a = op.activations();
        Precision w = op.weights();
        if (a.isFloat() || w.isFloat() || a.bits() > BitFusionVariant.MAX_BITS
                || w.bits() > BitFusionVariant.MAX_BITS) {
            throw new BadInputException(op.name() + ": bitfusion (" + variant.id() + ") multiplies integer or flint "
                    + "operands of at most 8 bits, got " + a + " activations x " + w + " weights");
        }
    }

    /**
     * Fused units and ANT's weight-only PE both leave integer (or exact FP32 integer-weight) sums: per-channel
     * scales at the array edge (ANT weight-only: AntWeightOnlyTile's one channel-scale multiply per output),
     * per-group scales on the vector unit.
     */
    @Override
    public DequantStatement dequantisation(PeParams params, GemmOp op) {
        return DequantOps.integerArray(op);
    }
}
