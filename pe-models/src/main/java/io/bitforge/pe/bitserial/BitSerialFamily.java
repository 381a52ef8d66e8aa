package io.bitforge.pe.bitserial;

import io.bitforge.core.pe.DequantBasis;
import io.bitforge.core.pe.DequantSite;
import io.bitforge.core.pe.DequantStep;
import io.bitforge.pe.DequantOps;
import io.bitforge.core.pe.DequantStatement;
import io.bitforge.core.cost.CostSource;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.format.IntFormat;
import io.bitforge.core.format.NumberFormat;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.pe.CellCost;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.pe.StoredWeights;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.PeParams;
import io.bitforge.core.spec.SpecNode;
import io.bitforge.core.tech.TechNode;
import io.bitforge.pe.PlaceAndRoute;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code bit-serial}: a cell is a {@code lanes}-wide dot-product unit whose operands are processed serially.
 * With {@code timing: bitmod} it is BitMoD's PE (Chen et al., HPCA 2025): FP16 activations, weights in the unified
 * term representation two bits per cycle, per-group data types and a bit-serial dequantiser (functional model:
 * {@link BitSerialPe}); one step of {@code lanes} MACs takes ⌈⌊w⌋/2⌉ cycles (yc2367/BitMoD-HPCA-25
 * {@code bitmod_sim/pe_array.py}). {@code stripes} and {@code loom} time the classic activation-serial and
 * fully serial designs ({@link TimingMode}).
 *
 * <p>Cost: BitMoD's PE is 0.56 pJ per cycle and 1507.7 µm² for 4 lanes (yc2367/BitMoD-HPCA-25
 * {@code bitmod_sim/test_bitmod.py}), so a MAC costs 0.56·L/4 pJ at L cycles per step; both are multiplied by
 * {@code placeAndRouteFactor} (the artefact uses 1.5, {@code pe_array.py PR_SCALING}). Other lane counts scale
 * energy and area linearly (estimate). The synthesis node is not stated in the artefact; its memories are 28 nm,
 * so 28 nm is assumed (flagged as an estimate, as for {@code mac-fp}). Stripes and Loom have no published per-cell
 * figures in our sources: they reuse BitMoD's per-PE cycle energy and area (estimate). With {@code dequant: edge}
 * the group dequantisers sit at the bottom edge of an output-stationary array, one per column
 * ({@link BitSerialDequant}, {@link EdgeDequantTiming}), charged as flagged estimates.
 */
public final class BitSerialFamily implements PeFamily {
    static final String TABLE = "BitMoD (Chen et al., HPCA 2025) PE, yc2367/BitMoD-HPCA-25 bitmod_sim/test_bitmod.py:"
            + " 0.56 pJ/cycle, 1507.7 um2 per 4-lane PE; place-and-route factor from bitmod_sim/pe_array.py";
    /** BitMoD PE energy per cycle (test_bitmod.py pe_energy). */
    static final double PICOJOULES_PER_PE_CYCLE = 0.56;
    /** BitMoD PE area (test_bitmod.py pe_area). */
    static final double PE_SQUARE_MICROMETRES = 1507.7;
    /** Lanes of the PE the figures describe (test_bitmod.py pe_dp_size). */
    static final int PUBLISHED_LANES = 4;
    /**
     * Metadata per weight group: a type selector and a quantised scale, 8 bits per group, the w_prec 4.0625 /
     * 3.0625 / 6.0625 of yc2367/BitMoD-HPCA-25 {@code bitmod_sim/test_bitmod.py} at groups of 128.
     */
    static final int METADATA_BITS_PER_GROUP = 8;
    /**
     * BitMoD's dequantiser moved to the array edge ({@code dequant: edge}): one FP32 multiply and add per output and
     * group, one FP32 multiplier and adder per column (Horowitz, ISSCC 2014, 45 nm). An estimate: the unit multiplies
     * a 64-bit partial sum by an FP16 scale, and the published PE figure (which includes BitMoD's own dequantiser)
     * is not reduced, for want of a published split.
     */
    static final CostSource EDGE_SOURCE = new CostSource("bitmod-dequant-edge", "BitForge estimate of BitMoD's "
            + "dequantiser at the array edge: per output and group an FP32 multiply and add (3.7 + 0.9 pJ), per "
            + "column an FP32 multiplier and adder (7700 + 4184 um^2) (Horowitz ISSCC 2014, 45nm); the PE figure, "
            + "which includes BitMoD's own dequantiser, is not reduced", "45nm", true);
    private static final String FORMATS = "a BitMoD type (bitmod-fp3-er+ … bitmod-fp4-ea-, bitmod-mix3, bitmod-mix4)"
            + " or int{N}";

    @Override
    public String id() {
        return "bit-serial";
    }

    @Override
    public String description() {
        return "bit-serial dot-product PE: BitMoD (per-group weight types, FP16 activations), Stripes or Loom timing";
    }

    @Override
    public String source() {
        return TABLE;
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("cell", "lanes-wide dot product (BitMoD: 4), serial operands");
        facts.put("cyclesPerStep", "bitmod ceil(floor(w)/2); stripes ceil(Pa/b); loom conv ceil(Pa/b)*ceil(Pw/b), "
                + "fc ceil(Pw/b)");
        facts.put("dataflows", "os, ws, is");
        facts.put("params", "timing, weightFormat, activationFormat, groupSize, lanes, bitsPerCycle, "
                + "placeAndRouteFactor, dequant (pe, edge)");
        return facts;
    }

    @Override
    public PeParams parseParams(SpecNode params) {
        params.allowOnly("timing", "weightFormat", "activationFormat", "groupSize", "lanes", "bitsPerCycle",
                "placeAndRouteFactor", "dequant");
        TimingMode timing = params.optionalField("timing").map(n -> TimingMode.fromId(n.text())
                .orElseThrow(() -> n.error("must be one of " + TimingMode.ids(), n.shown()))).orElse(TimingMode.BITMOD);
        boolean bitmod = timing == TimingMode.BITMOD;
        String weightFormat = params.optionalField("weightFormat").map(n -> weightFormat(n, timing))
                .orElse(bitmod ? "bitmod-mix4" : "int16");
        String activationFormat = params.optionalField("activationFormat").map(n -> activationFormat(n, timing))
                .orElse(bitmod ? "fp16" : "int16");
        int groupSize = params.optionalField("groupSize").map(n -> n.intIn(1, 1 << 16)).orElse(128);
        int lanes = params.optionalField("lanes").map(n -> n.intIn(1, 64)).orElse(PUBLISHED_LANES);
        int bitsPerCycle = params.optionalField("bitsPerCycle").map(n -> {
            int bits = n.intIn(1, 4);
            if (bitmod ? bits != 2 : bits == 3) {
                throw n.error(bitmod ? "must be 2 for timing bitmod (two weight bits per cycle)"
                        : "must be one of 1, 2, 4", bits);
            }
            return bits;
        }).orElse(bitmod ? 2 : 1);
        double placeAndRoute = PlaceAndRoute.factor(params);
        BitSerialDequant dequant = params.optionalField("dequant").map(n -> {
            BitSerialDequant site = BitSerialDequant.fromId(n.text())
                    .orElseThrow(() -> n.error("must be pe or edge", n.shown()));
            if (site == BitSerialDequant.EDGE && !bitmod) {
                throw n.error("edge needs timing bitmod", n.shown());
            }
            return site;
        }).orElse(BitSerialDequant.PE);
        return new BitSerialParams(timing, weightFormat, activationFormat, groupSize, lanes, bitsPerCycle,
                placeAndRoute, dequant);
    }

    private static String weightFormat(SpecNode node, TimingMode timing) {
        String id = node.text();
        NumberFormat format;
        try {
            format = NumberFormats.parse(node.path(), id);
        } catch (BadInputException e) {
            throw node.error("must be " + FORMATS, node.shown());
        }
        if (timing == TimingMode.BITMOD) {
            try {
                UnifiedTerms.forFormat(format);
            } catch (IllegalArgumentException e) {
                throw node.error("must be " + FORMATS + " (" + e.getMessage() + ")", node.shown());
            }
        } else if (!(format instanceof IntFormat)) {
            throw node.error("must be int{N} for timing " + timing.id(), node.shown());
        }
        return id;
    }

    private static NumberFormat parsedOrNull(SpecNode node, String id) {
        try {
            return NumberFormats.parse(node.path(), id);
        } catch (BadInputException e) {
            return null;
        }
    }

    private static String activationFormat(SpecNode node, TimingMode timing) {
        String id = node.text();
        if (timing == TimingMode.BITMOD) {
            // FP16 as published; integer activations ride in the FP16 lanes when they fit its 11-bit significand
            NumberFormat integer = id.equals("fp16") ? null : parsedOrNull(node, id);
            if (!id.equals("fp16") && !(integer instanceof IntFormat f && f.bits() <= 11
                    && f.encoding() != IntFormat.Encoding.SIGN_MAGNITUDE)) {
                throw node.error("must be fp16, int{N} or uint{N} with N <= 11 for timing bitmod", node.shown());
            }
            return id;
        }
        NumberFormat format;
        try {
            format = NumberFormats.parse(node.path(), id);
        } catch (BadInputException e) {
            format = null;
        }
        if (!(format instanceof IntFormat)) {
            throw node.error("must be int{N} or uint{N} for timing " + timing.id() + " (serial fixed-point "
                    + "activations)", node.shown());
        }
        return id;
    }

    @Override
    public PeParams defaultParams() {
        return BitSerialParams.bitmodDefaults();
    }

    @Override
    public Set<Dataflow> dataflows() {
        return EnumSet.allOf(Dataflow.class);
    }

    @Override
    public NativePrecisions nativePrecisions(PeParams params) {
        BitSerialParams p = (BitSerialParams) params;
        Precision activations = new Precision(p.activationFormat(), NumberFormats.parse(p.activationFormat()).bits());
        Precision weights = new Precision(p.weightFormat(), NumberFormats.parse(p.weightFormat()).bits());
        return new NativePrecisions(activations, weights, activations);
    }

    @Override
    public CellTiming timing(PeParams params, GemmOp op) {
        BitSerialParams p = (BitSerialParams) params;
        return new CellTiming(1, p.lanes(), 1, cyclesPerStep(p, op));
    }

    /** Cycles one step of {@code lanes} MACs takes under the params' timing mode. */
    static int cyclesPerStep(BitSerialParams p, GemmOp op) {
        int weightBits = op.weights().bits();
        int activationBits = op.activations().bits();
        if (weightBits > 16 || activationBits > 16) {
            throw new BadInputException(op.name() + ": the bit-serial PE takes operands of at most 16 bits, got "
                    + op.activations() + " x " + op.weights());
        }
        int b = p.bitsPerCycle();
        switch (p.timing()) {
            case BITMOD:
                // Activations ride in FP16 lanes: fixed-point ones must fit FP16's 11-bit significand.
                if (!op.activations().isFloat() && activationBits > 11) {
                    throw new BadInputException(op.name() + ": BitMoD's PE takes FP16 activations; "
                            + op.activations() + " does not fit FP16's 11-bit significand");
                }
                return UnifiedTerms.cyclesPerWeight(weightBits);
            case STRIPES:
                requireFixedPoint(op, p);
                return ceilDiv(activationBits, b);
            default:
                requireFixedPoint(op, p);
                return op.kind() == OpKind.CONV ? ceilDiv(activationBits, b) * ceilDiv(weightBits, b)
                        : ceilDiv(weightBits, b);
        }
    }

    private static void requireFixedPoint(GemmOp op, BitSerialParams p) {
        if (op.activations().isFloat() || op.weights().isFloat()) {
            throw new BadInputException(op.name() + ": " + p.timing().id() + " timing serialises fixed-point "
                    + "operands, got " + op.activations() + " x " + op.weights());
        }
    }

    /**
     * With {@code dequant: edge}, the cycles the array waits for its column dequantisers ({@link EdgeDequantTiming});
     * they need an output-stationary array (the partial sums stay in the cells until the group ends).
     */
    @Override
    public long arrayWaitCycles(PeParams params, GemmOp op, HardwareSpec spec) {
        BitSerialParams p = (BitSerialParams) params;
        if (p.dequant() != BitSerialDequant.EDGE) {
            return 0;
        }
        if (spec.dataflow() != Dataflow.OS) {
            throw new BadInputException("hardware.pe.params.dequant: edge dequantisers take the group partial sums "
                    + "out of an output-stationary array; got dataflow " + spec.dataflow().id() + " (allowed: os)");
        }
        return EdgeDequantTiming.waitCycles(spec.array(), timing(p, op), op, groupSize(op));
    }

    /**
     * The op's weight group along K; per-channel weights are one group of K (one scale per output, dequantised once,
     * as the engine counts the dequantisers' energy).
     */
    static long groupSize(GemmOp op) {
        return op.weightGroupSize() > 0 ? op.weightGroupSize() : op.k();
    }

    /** Code bits plus BitMoD's 8 bits of type selector and scale per group of the op's weight groups. */
    @Override
    public double storedWeightBits(PeParams params, GemmOp op) {
        return StoredWeights.codePlusMetadata(op, METADATA_BITS_PER_GROUP);
    }

    @Override
    public CellCost cellCost(PeParams params, GemmOp op) {
        BitSerialParams p = (BitSerialParams) params;
        int cycles = cyclesPerStep(p, op);
        double laneScale = p.lanes() / (double) PUBLISHED_LANES;
        double picojoulesPerMac = PICOJOULES_PER_PE_CYCLE * laneScale * p.placeAndRouteFactor() * cycles / p.lanes();
        double area = PE_SQUARE_MICROMETRES * laneScale * p.placeAndRouteFactor();
        String qualifiers = (p.timing() == TimingMode.BITMOD ? "" : "; reused for " + p.timing().id() + " timing")
                + (p.lanes() == PUBLISHED_LANES ? "" : "; scaled linearly to " + p.lanes() + " lanes")
                + (p.placeAndRouteFactor() == 1.0 ? "" : "; x" + p.placeAndRouteFactor() + " place-and-route")
                + "; synthesis node assumed 28 nm";
        CostSource source = new CostSource("bitmod-pe-" + p.timing().id(), TABLE + qualifiers, "28nm", true);
        return new CellCost(TechNode.N28, Map.of(EnergyCategory.MAC, picojoulesPerMac), area, List.of(source));
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /**
     * BitMoD's PE scales each group's partial sum in its own bit-serial dequantiser (Chen et al., HPCA 2025,
     * Section IV; BitSerialPe), and the PE's published energy includes it, so nothing is added. Stripes and Loom
     * sum integers: their scales are applied like any integer array's.
     */
    @Override
    public DequantStatement dequantisation(PeParams params, GemmOp op) {
        BitSerialParams p = (BitSerialParams) params;
        if (p.timing() != TimingMode.BITMOD) {
            return DequantOps.integerArray(op);
        }
        if (op.weights().isFloat()) {
            return DequantOps.none(op, "floating-point weights: no metadata to apply");
        }
        if (p.dequant() == BitSerialDequant.EDGE) {
            return new DequantStatement(DequantStatement.configOf(op), List.of(DequantStep.charged(
                    "group scale x group partial sum, rounded to FP32, accumulated (per-column edge dequantiser)",
                    DequantSite.ARRAY_EDGE, DequantBasis.PER_OUTPUT_GROUP, DequantOps.FP32_MULT_PICOJOULES
                            + DequantOps.FP32_ADD_PICOJOULES, TechNode.N45, EDGE_SOURCE)
                    .withUnitArea(DequantOps.FP32_MULT_SQUARE_MICROMETRES + DequantOps.FP32_ADD_SQUARE_MICROMETRES)),
                    "symmetric codes: no zero point");
        }
        return new DequantStatement(DequantStatement.configOf(op), List.of(DequantStep.inFamilyCost(
                "group scale x group partial sum (bit-serial dequantiser; energy inside the PE figure, MAC)",
                DequantSite.IN_PE, DequantBasis.PER_OUTPUT_GROUP, 0, TechNode.N28, EnergyCategory.MAC,
                new CostSource("bitmod-pe-dequantiser", TABLE + "; the PE includes the bit-serial dequantiser",
                        "28nm", true))), "symmetric codes: no zero point");
    }
}
