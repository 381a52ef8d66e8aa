package io.bitforge.pe.ovp;

import io.bitforge.pe.DequantOps;
import io.bitforge.core.pe.DequantStatement;
import io.bitforge.core.cost.CostSource;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.cost.Operand;
import io.bitforge.core.format.OvpFormat;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Precision;
import io.bitforge.core.pe.CellCost;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.pe.EdgeUnit;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.PeParams;
import io.bitforge.core.spec.SpecNode;
import io.bitforge.core.tech.TechNode;
import io.bitforge.pe.PlaceAndRoute;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ovp}: OliVe's outlier-victim-pair decoders at the edge of a systolic array of integer-multiply-plus-shift
 * PEs (Guo et al., ISCA 2023), in OliVe's W4A4 mode or BitMoD's weight-only mode ({@link OvpMode}).
 *
 * <p><b>Timing.</b> One MAC per cell per cycle, as a dense INT4/INT8 array (and BitMoD's OliVe PE, dp = 1,
 * not bit-serial). Each edge lane's decoder takes one pair code (two operands) per cycle while the lane feeds
 * the array one operand per cycle, so the decoder does not limit the initiation interval; it is one pipeline
 * stage ({@link #DECODER_STAGES}) that lengthens every fold by a cycle.
 *
 * <p><b>Cost.</b> Weight-only: BitMoD's OliVe PE (yc2367/BitMoD-HPCA-25 {@code bitmod_sim/test_olive.py}:
 * 0.613 pJ per cycle, 1318.6 µm², one MAC per cycle), split into MAC = 0.56 pJ (BitMoD's ANT PE of the same
 * study, {@code test_ant.py}, which has the same area) and DECODE = 0.613 − 0.56 = 0.053 pJ; the node is not
 * stated (28 nm assumed, as BitMoD's memories), so both are estimates. W4A4: no OliVe synthesis is public; the
 * MAC is Bit Fusion's fixed 4×4 (or 8×8) unit at 45 nm (hsharma35/bitfusion results/systolic_array_synth.csv)
 * and DECODE adds the same 0.053/0.56 = 9.46 % BitMoD's figures imply — both estimates. BitMoD's equal OliVe and
 * ANT PE areas leave no area inside the PE to attribute to the decoder. The decoders sit at the array edge, one
 * per lane of each edge that feeds OVP codes (weights; in W4A4 also activations), and their area is charged per
 * lane there ({@link #edgeUnits}: {@link OvpDecoderArea}, a gate-count estimate at 45 nm). Both energies and the
 * PE area are multiplied by {@code placeAndRouteFactor} (BitMoD's artefact: 1.5).
 *
 * <p><b>Stored weights.</b> W4A4 stores exactly the code width per weight (plus the default per-group metadata
 * when the GEMM is grouped); weight-only stores {@code effectiveWeightBits} per weight, BitMoD's per-model figure
 * for OliVe (e.g. 4.5 prefill, 3.5–4.25 decode), which sets DRAM traffic and weight SRAM energy.
 */
public final class OvpFamily implements PeFamily {
    /**
     * The decoder is one pipeline stage at the array edge: OliVe (ISCA 2023) describes an otherwise dense systolic
     * array with one extra decode stage (recalled from the paper, not verified against it; see class doc).
     */
    public static final int DECODER_STAGES = 1;
    /** The edge decoders' area unit in cost reports. */
    public static final String DECODER_UNIT = "ovp-decoders";
    /** BitMoD's OliVe PE energy per cycle and area (yc2367/BitMoD-HPCA-25 bitmod_sim/test_olive.py). */
    static final double BITMOD_OLIVE_PICOJOULES = 0.613;
    static final double BITMOD_OLIVE_SQUARE_MICROMETRES = 1318.6;
    /** BitMoD's ANT PE energy per cycle (yc2367/BitMoD-HPCA-25 bitmod_sim/test_ant.py), same area 1318.6 µm². */
    static final double BITMOD_ANT_PICOJOULES = 0.56;
    /** Bit Fusion fixed units at 45 nm, 500 MHz (hsharma35/bitfusion results/systolic_array_synth.csv). */
    static final double FIXED4_SQUARE_MICROMETRES = 282.2;
    static final double FIXED4_MICROWATTS = 67.9;
    static final double FIXED8_SQUARE_MICROMETRES = 687.6;
    static final double FIXED8_MICROWATTS = 171.8;
    /** At 500 MHz, 1 µW is 1e-6 J/s / 5e8 cycles/s = 0.002 pJ per cycle. */
    static final double PICOJOULES_PER_MICROWATT_CYCLE = 1.0 / 500.0;

    private static final String BITMOD = "BitMoD (Chen et al., HPCA 2025), yc2367/BitMoD-HPCA-25 bitmod_sim/";

    @Override
    public String id() {
        return "ovp";
    }

    @Override
    public String description() {
        return "OliVe outlier-victim-pair decoders in front of an int multiply-plus-shift MAC array (W4A4 or "
                + "weight-only with FP16 activations)";
    }

    @Override
    public String source() {
        return "OliVe (Guo et al., ISCA 2023; clevercool/ANT-Quantization olive_quantization); BitMoD's OliVe model "
                + "(yc2367/BitMoD-HPCA-25 bitmod_sim/test_olive.py)";
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("cell", "one MAC per cycle (int multiply plus shift); pair decoders at the array edge, one stage");
        facts.put("variants", "modes w4a4 (OVP weights and activations), weight-only (OVP weights, FP16 activations)");
        facts.put("dataflows", "os, ws, is");
        facts.put("params", "mode, weightBits (4, 8), weightType (int, flint), activationBits, activationType, "
                + "effectiveWeightBits, placeAndRouteFactor");
        facts.put("edge", "one pair decoder per lane of each edge feeding OVP codes (area estimate, 45 nm)");
        return facts;
    }

    @Override
    public PeParams parseParams(SpecNode params) {
        params.allowOnly("mode", "weightBits", "weightType", "activationBits", "activationType",
                "effectiveWeightBits", "placeAndRouteFactor");
        double placeAndRoute = PlaceAndRoute.factor(params);
        OvpMode mode = params.optionalField("mode").map(n -> OvpMode.fromId(n.text())
                .orElseThrow(() -> n.error("must be one of " + OvpMode.ids(), n.shown()))).orElse(OvpMode.W4A4);
        OvpFormat.Normal weights = normal(params, "weightBits", "weightType");
        if (mode == OvpMode.W4A4) {
            params.optionalField("effectiveWeightBits").ifPresent(n -> {
                throw n.error("only in mode weight-only (w4a4 stores exactly weightBits per weight)", n.shown());
            });
            return OvpParams.w4a4(weights, normal(params, "activationBits", "activationType"))
                    .withPlaceAndRouteFactor(placeAndRoute);
        }
        params.optionalField("activationType").ifPresent(n -> {
            throw n.error("only in mode w4a4 (weight-only activations are fp16)", n.shown());
        });
        params.optionalField("activationBits").ifPresent(n -> {
            if (n.intIn(1, 64) != 16) {
                throw n.error("must be 16 in mode weight-only (FP16 activations)", n.json().asInt());
            }
        });
        double effective = params.optionalField("effectiveWeightBits").map(n -> {
            double v = n.positive();
            if (v > 16) {
                throw n.error("must be <= 16", n.shown());
            }
            return v;
        }).orElse((double) weights.bits());
        return OvpParams.weightOnly(weights, effective).withPlaceAndRouteFactor(placeAndRoute);
    }

    /** An operand's OVP format from its bits (4, 8; default 4) and type (int, flint; default int). */
    private static OvpFormat.Normal normal(SpecNode params, String bitsField, String typeField) {
        Optional<SpecNode> bitsNode = params.optionalField(bitsField);
        int bits = bitsNode.map(n -> n.intIn(1, 64)).orElse(4);
        if (bits != 4 && bits != 8) {
            throw bitsNode.orElseThrow().error("must be one of 4, 8", bits);
        }
        Optional<SpecNode> typeNode = params.optionalField(typeField);
        String type = typeNode.map(SpecNode::text).orElse("int");
        if (type.equals("int")) {
            return bits == 4 ? OvpFormat.Normal.INT4 : OvpFormat.Normal.INT8;
        }
        if (!type.equals("flint")) {
            throw typeNode.orElseThrow().error("must be one of int, flint", typeNode.orElseThrow().shown());
        }
        if (bits != 4) {
            throw typeNode.orElseThrow().error("flint is a 4-bit type (ovp-flint4), " + bitsField + " is " + bits,
                    typeNode.orElseThrow().shown());
        }
        return OvpFormat.Normal.FLINT4;
    }

    @Override
    public PeParams defaultParams() {
        return OvpParams.w4a4(OvpFormat.Normal.INT4, OvpFormat.Normal.INT4);
    }

    @Override
    public Set<Dataflow> dataflows() {
        return EnumSet.allOf(Dataflow.class);
    }

    @Override
    public NativePrecisions nativePrecisions(PeParams params) {
        OvpParams p = (OvpParams) params;
        Precision weights = new Precision(p.weightNormal().id(), p.weightBits());
        if (p.mode() == OvpMode.WEIGHT_ONLY) {
            return new NativePrecisions(Precision.FP16, weights, Precision.FP16);
        }
        // The integer accumulators (26 bits at K = 4096 for int4, see OvpW4a4Tile) leave as 32-bit words.
        return new NativePrecisions(new Precision(p.activationNormal().id(), p.activationBits()), weights,
                Precision.INT32);
    }

    @Override
    public CellTiming timing(PeParams params, GemmOp op) {
        check((OvpParams) params, op);
        return new CellTiming(1, 1, 1, 1, DECODER_STAGES);
    }

    @Override
    public CellCost cellCost(PeParams params, GemmOp op) {
        OvpParams p = (OvpParams) params;
        check(p, op);
        double decodeShare = (BITMOD_OLIVE_PICOJOULES - BITMOD_ANT_PICOJOULES) / BITMOD_ANT_PICOJOULES;
        Map<EnergyCategory, Double> energy = new EnumMap<>(EnergyCategory.class);
        double pr = p.placeAndRouteFactor();
        String prNote = pr == 1.0 ? "" : "; x" + pr + " place-and-route";
        if (p.mode() == OvpMode.WEIGHT_ONLY) {
            energy.put(EnergyCategory.MAC, BITMOD_ANT_PICOJOULES * pr);
            energy.put(EnergyCategory.DECODE, (BITMOD_OLIVE_PICOJOULES - BITMOD_ANT_PICOJOULES) * pr);
            return new CellCost(TechNode.N28, energy, BITMOD_OLIVE_SQUARE_MICROMETRES * pr, List.of(
                    new CostSource("bitmod-olive-pe", BITMOD + "test_olive.py: OliVe PE 0.613 pJ/cycle, 1318.6 um2, "
                            + "one MAC per cycle; MAC share 0.56 pJ = the ANT PE of test_ant.py (node assumed)" + prNote,
                            "28nm", true),
                    new CostSource("ovp-decode-from-bitmod", "OVP decode energy = BitMoD's OliVe PE minus its ANT PE, "
                            + "0.613 - 0.56 = 0.053 pJ per MAC (" + BITMOD + "test_olive.py, test_ant.py); no "
                            + "decoder area inside the PE (both PEs 1318.6 um2)", "28nm", true)));
        }
        boolean eightBit = p.multiplierBits() > 4;
        double mac = (eightBit ? FIXED8_MICROWATTS : FIXED4_MICROWATTS) * PICOJOULES_PER_MICROWATT_CYCLE * pr;
        energy.put(EnergyCategory.MAC, mac);
        energy.put(EnergyCategory.DECODE, mac * decodeShare);
        String unit = eightBit ? "8x8" : "4x4";
        return new CellCost(TechNode.N45, energy,
                (eightBit ? FIXED8_SQUARE_MICROMETRES : FIXED4_SQUARE_MICROMETRES) * pr,
                List.of(new CostSource("bitfusion-synth-fixed-" + unit + "-as-ovp-pe", "Bit Fusion (Sharma et al., "
                                + "ISCA 2018) synthesis, hsharma35/bitfusion results/systolic_array_synth.csv, 45nm "
                                + "500MHz: fixed " + unit + " unit " + (eightBit ? "687.6 um2, 171.8 uW" : "282.2 um2, "
                                + "67.9 uW") + ", standing in for OliVe's unpublished int multiply-plus-shift PE"
                                + prNote,
                                "45nm", true),
                        new CostSource("ovp-decode-ratio-from-bitmod", "OVP decode energy = 9.46% of the MAC, the "
                                + "ratio (0.613 - 0.56) / 0.56 of BitMoD's OliVe and ANT PEs (" + BITMOD
                                + "test_olive.py, test_ant.py)", "45nm", true)));
    }

    /**
     * Weight-only: {@code effectiveWeightBits} for the weights (the B operand when it is {@link BOperand#WEIGHTS});
     * otherwise the code width plus the default per-group metadata.
     */
    @Override
    public double storedWeightBits(PeParams params, GemmOp op) {
        OvpParams p = (OvpParams) params;
        if (p.mode() == OvpMode.WEIGHT_ONLY && op.bOperand() == BOperand.WEIGHTS) {
            return p.effectiveWeightBits();
        }
        return PeFamily.super.storedWeightBits(params, op);
    }

    /** A pair decoder per lane of the weight edge, and in W4A4 of the activation edge too. */
    @Override
    public List<EdgeUnit> edgeUnits(PeParams params) {
        OvpParams p = (OvpParams) params;
        List<EdgeUnit> units = new ArrayList<>();
        units.add(new EdgeUnit(DECODER_UNIT, Operand.WEIGHTS, OvpDecoderArea.node(),
                OvpDecoderArea.squareMicrometres(p.weightNormal()), OvpDecoderArea.SOURCE));
        if (p.mode() == OvpMode.W4A4) {
            units.add(new EdgeUnit(DECODER_UNIT, Operand.ACTIVATIONS, OvpDecoderArea.node(),
                    OvpDecoderArea.squareMicrometres(p.activationNormal()), OvpDecoderArea.SOURCE));
        }
        return List.copyOf(units);
    }

    private static void check(OvpParams p, GemmOp op) {
        Precision a = op.activations();
        Precision w = op.weights();
        boolean weightsOk = !w.isFloat() && w.bits() <= p.weightBits();
        boolean activationsOk = p.mode() == OvpMode.W4A4 ? !a.isFloat() && a.bits() <= p.activationBits()
                : a.bits() <= 16;
        if (!weightsOk || !activationsOk) {
            throw new BadInputException(op.name() + ": ovp (" + p.mode().id() + ", " + p.weightNormal().id()
                    + " weights" + (p.mode() == OvpMode.W4A4 ? ", " + p.activationNormal().id() + " activations"
                    : ", fp16 activations") + ") cannot run " + a + " activations x " + w + " weights");
        }
    }

    /**
     * OliVe's PEs sum decoded integers (W4A4: s_a·s_w[n] per output, OvpW4a4Tile; weight-only: one channel-scale
     * multiply per output, OvpWeightOnlyTile): per-channel scales at the array edge, per-group scales on the vector
     * unit.
     */
    @Override
    public DequantStatement dequantisation(PeParams params, GemmOp op) {
        return DequantOps.integerArray(op);
    }
}
