package io.bitforge.pe.shiftadd;

import io.bitforge.core.pe.DequantBasis;
import io.bitforge.core.pe.DequantSite;
import io.bitforge.core.pe.DequantStep;
import io.bitforge.pe.DequantOps;
import io.bitforge.core.pe.DequantStatement;
import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.CostSource;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.format.BcqFormat;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.op.VectorOp;
import io.bitforge.core.pe.CellCost;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.PeParams;
import io.bitforge.core.spec.SpecNode;
import io.bitforge.core.tech.TechNode;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code shift-add}: multiplier-free PEs that build products from shifted copies of the activation, in an
 * output-stationary systolic array.
 *
 * <p><b>MixPE</b> (Zhang et al., arXiv 2411.16158; artefact yuzhang712/mixpe_simulator). Functional model:
 * {@link MixPeDatapath}. Timing follows the artefact's Bit Fusion-derived model: a PE of (p_max, p_min) =
 * (8, 4) for W4A8 and (16, 8) for W4A16 multiplies {@code f_a × f_w} operand pairs per cycle with
 * {@code f_x = floor(p_max / max(bits_x, p_min))}, the f_a products spanning rows of A and the f_w columns of B
 * (bitfusion/src/simulator/accelerator.py), so the cell is {@code CellTiming(f_a, 1, f_w, 1)} on the engine's
 * fold model. Deviation from the artefact: its front end gives inputs and weights one precision tag
 * ({@code create_fc}), so a W4A8 layer runs there as 4b × 4b (factor 4); BitForge uses each operand's own width
 * (W4A8: f_a = 1, f_w = 2). Dequantisation after the group sum is side work on the vector unit (the
 * spec's dequantisation lanes), booked as {@link EnergyCategory#DEQUANT}: per output and group 4 operations
 * (z·S, subtract, ·s, accumulate), and per activation row and group G adds for Σa, shared by all N columns. It
 * runs concurrently with the array as group sums arrive, so only its excess over the array's cycles, or at least
 * its last group, adds cycles ({@link ArrayWithSideWork}); the artefact instead appends a small dequantisation
 * GEMM after every 4-bit GEMM ({@code bitfusion/src/benchmarks/int48_bench.py}). With {@code dequant: edge} the
 * dequantisers are per-column units at the array edge instead ({@link EdgeDequantCost}). Energy: the artefact's per-PE power at 500 MHz divided by
 * the products per cycle ({@link MixPeTables}); area: a cited substitute, flagged. With {@code unitModel: fusion}
 * the cell is the artefact's reading instead ({@link MixPeUnitModel#FUSION}): integer operands of up to p_max bits
 * on the same fusible-unit timing and power, and no dequantisation side work (the workload carries it).
 *
 * <p><b>ShiftAddLLM</b> (You et al., arXiv 2406.05981) has no ASIC; BitForge models a cell that works through 8
 * activations per step by table lookup, one weight plane per cycle ({@code CellTiming(1, 8, 1, q)}), with the
 * tables of ±1 activation sums built on the vector unit ({@link EnergyCategory#TABLE_PRECOMPUTE}, 134 adds per
 * table) and read from the activation buffer as 128 FP16 entries per 8 activations, once per column fold. Energies from
 * ShiftAddLLM's constants ({@link ShiftAddLlmEnergy}). Functional model: {@link BcqShiftAddDatapath}.
 */
public final class ShiftAddFamily implements PeFamily {
    static final String SOURCE = "MixPE (Zhang et al., arXiv 2411.16158; yuzhang712/mixpe_simulator); ShiftAddLLM "
            + "(You et al., arXiv 2406.05981; GATECH-EIC/ShiftAddLLM energy/hw_utils.py)";
    /** Vector ops per output per group for dequantisation: z·S, P − z·S, s·t, y + s·t. */
    static final int DEQUANT_OPS_PER_GROUP = 4;
    /** Stored entries of a symmetric table of 8 activations. */
    static final int TABLE_ENTRIES = 1 << (ShiftAddParams.TABLE_ACTIVATIONS - 1);
    /** Adds to build one table: 7 for T[0], one for each of the other 127 entries (BcqShiftAddDatapath). */
    static final int TABLE_BUILD_ADDS = ShiftAddParams.TABLE_ACTIVATIONS - 1 + TABLE_ENTRIES - 1;

    @Override
    public String id() {
        return "shift-add";
    }

    @Override
    public String description() {
        return "shift-and-add PE: MixPE W4A8/W4A16 with dequantisation after the group sum, or ShiftAddLLM "
                + "binary-coded weights by table lookup and power-of-two shifts";
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("cell", "mixpe: f_a x f_w shift-add products per cycle; shiftaddllm: 8-activation table lookup per "
                + "weight plane per cycle");
        facts.put("dataflows", "os");
        facts.put("params", "variant (mixpe, shiftaddllm), weightBits, activationBits (8, 16), groupSize, "
                + "unitModel (native, fusion: the MixPE artefact's fusible-unit reading), dequant (vector, edge: "
                + "per-column FP32 dequantisers at the array edge)");
        return facts;
    }

    @Override
    public PeParams parseParams(SpecNode params) {
        params.allowOnly("variant", "weightBits", "activationBits", "groupSize", "unitModel", "dequant");
        ShiftAddVariant variant = params.optionalField("variant").map(n -> ShiftAddVariant.fromId(n.text())
                .orElseThrow(() -> n.error("must be one of mixpe, shiftaddllm", n.shown())))
                .orElse(ShiftAddVariant.MIXPE);
        boolean mixpe = variant == ShiftAddVariant.MIXPE;
        int weightBits = params.optionalField("weightBits").map(n -> mixpe ? n.intIn(2, 4)
                : n.intIn(1, BcqFormat.MAX_PLANES)).orElse(mixpe ? 4 : 3);
        int activationBits = params.optionalField("activationBits").map(n -> {
            int bits = n.intIn(8, 16);
            if (mixpe ? bits != 8 && bits != 16 : bits != 16) {
                throw n.error(mixpe ? "must be 8 (INT8) or 16 (FP16)" : "must be 16 (FP16) for shiftaddllm",
                        n.shown());
            }
            return bits;
        }).orElse(mixpe ? 8 : 16);
        int groupSize = params.optionalField("groupSize").map(n -> {
            int size = n.intIn(1, 1 << 20);
            if (!mixpe && size % ShiftAddParams.TABLE_ACTIVATIONS != 0) {
                throw n.error("must be a multiple of 8 for shiftaddllm (8 activations per table)", n.shown());
            }
            return size;
        }).orElse(128);
        MixPeUnitModel unitModel = params.optionalField("unitModel").map(n -> {
            MixPeUnitModel model = MixPeUnitModel.fromId(n.text())
                    .orElseThrow(() -> n.error("must be native or fusion", n.shown()));
            if (!mixpe && model != MixPeUnitModel.NATIVE) {
                throw n.error("fusion needs variant mixpe", n.shown());
            }
            return model;
        }).orElse(MixPeUnitModel.NATIVE);
        MixPeDequantTiming dequant = params.optionalField("dequant").map(n -> {
            MixPeDequantTiming timing = MixPeDequantTiming.fromId(n.text())
                    .orElseThrow(() -> n.error("must be vector or edge", n.shown()));
            if (timing == MixPeDequantTiming.EDGE && (!mixpe || unitModel != MixPeUnitModel.NATIVE)) {
                throw n.error("edge needs variant mixpe and unitModel native", n.shown());
            }
            return timing;
        }).orElse(MixPeDequantTiming.VECTOR);
        return new ShiftAddParams(variant, weightBits, activationBits, groupSize, unitModel, dequant);
    }

    @Override
    public PeParams defaultParams() {
        return new ShiftAddParams(ShiftAddVariant.MIXPE, 4, 8, 128);
    }

    @Override
    public Set<Dataflow> dataflows() {
        // Group sums stay in the PE and are handed to the dequantiser every G steps: output-stationary only.
        return EnumSet.of(Dataflow.OS);
    }

    @Override
    public NativePrecisions nativePrecisions(PeParams params) {
        ShiftAddParams p = (ShiftAddParams) params;
        Precision activations = p.floatActivations() ? Precision.FP16 : Precision.INT8;
        Precision weights = p.variant() == ShiftAddVariant.MIXPE ? new Precision("int" + p.weightBits(),
                p.weightBits()) : new Precision(BcqFormat.of(p.weightBits(), true).id(), p.weightBits());
        return new NativePrecisions(activations, weights, Precision.FP16);
    }

    @Override
    public CellTiming timing(PeParams params, GemmOp op) {
        ShiftAddParams p = (ShiftAddParams) params;
        check(p, op);
        if (p.variant() == ShiftAddVariant.SHIFTADDLLM) {
            return new CellTiming(1, ShiftAddParams.TABLE_ACTIVATIONS, 1, p.weightBits());
        }
        MixPeTables unit = MixPeTables.forActivationBits(p.activationBits());
        return new CellTiming(unit.throughputFactor(op.activations().bits()), 1,
                unit.throughputFactor(op.weights().bits()), 1);
    }

    @Override
    public CellCost cellCost(PeParams params, GemmOp op) {
        ShiftAddParams p = (ShiftAddParams) params;
        check(p, op);
        if (p.variant() == ShiftAddVariant.SHIFTADDLLM) {
            Map<EnergyCategory, Double> energy = new EnumMap<>(EnergyCategory.class);
            energy.put(EnergyCategory.MAC, ShiftAddLlmEnergy.lookupPicojoulesPerMac(p.weightBits()));
            energy.put(EnergyCategory.SHIFT_ADD, ShiftAddLlmEnergy.shiftPicojoulesPerMac(p.weightBits(),
                    BcqFormat.DEFAULT_POWER_OF_TWO_TERMS, groupSize(p, op)));
            return new CellCost(TechNode.N45, energy, ShiftAddLlmEnergy.CELL_SQUARE_MICROMETRES,
                    List.of(ShiftAddLlmEnergy.SOURCE, ShiftAddLlmEnergy.AREA_SOURCE));
        }
        MixPeTables unit = MixPeTables.forActivationBits(p.activationBits());
        CellTiming timing = timing(p, op);
        double perMac = unit.picojoulesPerCycle() / timing.macsPerStep();
        List<CostSource> sources = List.of(unit.powerSource(), unit.areaSource());
        return new CellCost(TechNode.N45, Map.of(EnergyCategory.MAC, perMac), unit.squareMicrometres, sources);
    }

    @Override
    public Optional<CostReport> customGemmCost(PeParams params, GemmOp op, HardwareSpec spec) {
        ShiftAddParams p = (ShiftAddParams) params;
        check(p, op);
        if (p.unitModel() == MixPeUnitModel.FUSION) {
            // the artefact's reading: a plain fusible array; dequantisation is part of the workload
            return Optional.empty();
        }
        long groups = ceilDiv(op.k(), groupSize(p, op));
        if (p.variant() == ShiftAddVariant.SHIFTADDLLM) {
            long entries = Math.multiplyExact(op.m(), ceilDiv(op.k(), ShiftAddParams.TABLE_ACTIVATIONS)
                    * TABLE_ENTRIES);
            VectorOp build = new VectorOp(op.name() + ".tables", OpKind.OTHER, entries,
                    (double) TABLE_BUILD_ADDS / TABLE_ENTRIES, 0, 0, 1, Precision.FP16);
            // The fold model counts one FP16 read per activation and column fold; the array actually reads the
            // 128 table entries built from every 8 activations, so the difference is added.
            long colFolds = ceilDiv(op.n(), spec.array().cols());
            long extraReads = Math.multiplyExact(colFolds, entries - Math.multiplyExact(op.m(), op.k()));
            return Optional.of(ArrayWithSideWork.cost(this, spec, op,
                    List.of(SideWork.serial(build, EnergyCategory.TABLE_PRECOMPUTE)))
                    .plus(ArrayWithSideWork.activationBufferReads(spec, extraReads, 16)));
        }
        if (p.dequant() == MixPeDequantTiming.EDGE) {
            // per-column dequantisers at the array edge: no vector-unit work (EdgeDequantCost)
            return Optional.of(ArrayWithSideWork.cost(this, spec, op, List.of())
                    .plus(EdgeDequantCost.of(spec, op, timing(p, op), groupSize(p, op))));
        }
        VectorOp dequant = new VectorOp(op.name() + ".dequant", OpKind.DEQUANT,
                Math.multiplyExact(Math.multiplyExact(op.m(), op.n()), groups), DEQUANT_OPS_PER_GROUP, 1,
                Math.multiplyExact(2 * op.n(), groups), 1, Precision.FP32);
        int groupSize = (int) Math.min(groupSize(p, op), op.k());
        VectorOp activationSums = new VectorOp(op.name() + ".actsum", OpKind.DEQUANT,
                Math.multiplyExact(op.m(), groups), groupSize, groupSize, 0, 1, op.activations());
        return Optional.of(ArrayWithSideWork.cost(this, spec, op, List.of(new SideWork(dequant,
                EnergyCategory.DEQUANT, groups), new SideWork(activationSums, EnergyCategory.DEQUANT, groups))));
    }

    /** The op's group size when it has one, else the family's. */
    static int groupSize(ShiftAddParams p, GemmOp op) {
        return op.weightGroupSize() > 0 ? op.weightGroupSize() : p.groupSize();
    }

    private static void check(ShiftAddParams p, GemmOp op) {
        Precision a = op.activations();
        Precision w = op.weights();
        if (p.unitModel() == MixPeUnitModel.FUSION) {
            int maxBits = MixPeTables.forActivationBits(p.activationBits()).pMax;
            if (a.isFloat() || w.isFloat() || a.bits() > maxBits || w.bits() > maxBits) {
                throw new BadInputException(op.name() + ": shift-add mixpe with unitModel fusion is a ("
                        + maxBits + ", " + MixPeTables.forActivationBits(p.activationBits()).pMin + ") fusible unit "
                        + "multiplying integer operands of at most " + maxBits + " bits, got " + a
                        + " activations x " + w + " weights");
            }
            return;
        }
        String what = op.name() + ": shift-add " + p.variant().id() + " with " + p.weightBits() + "-bit weights and "
                + (p.floatActivations() ? "FP16" : "INT" + p.activationBits()) + " activations cannot run "
                + a + " activations x " + w + " weights";
        boolean activationsOk = p.floatActivations() ? a.isFloat() && a.bits() == 16 && !a.format().equals("bf16")
                : !a.isFloat() && a.bits() <= p.activationBits();
        boolean weightsOk = !w.isFloat() && w.bits() <= p.weightBits();
        if (p.variant() == ShiftAddVariant.SHIFTADDLLM) {
            weightsOk = w.format().startsWith("bcq") && w.bits() == p.weightBits();
        }
        if (!activationsOk || !weightsOk) {
            throw new BadInputException(what);
        }
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /**
     * MixPE dequantises after the group sum on the vector unit (its side work, timed and booked by this family);
     * ShiftAddLLM applies its power-of-two plane scales as shifts in the PE ({@link ShiftAddLlmEnergy}, booked as
     * SHIFT_ADD); MixPE's artefact reading ({@code unitModel: fusion}) leaves dequantisation to the workload.
     */
    @Override
    public DequantStatement dequantisation(PeParams params, GemmOp op) {
        ShiftAddParams p = (ShiftAddParams) params;
        String config = DequantStatement.configOf(op);
        if (p.variant() == ShiftAddVariant.SHIFTADDLLM) {
            return new DequantStatement(config, List.of(DequantStep.inFamilyCost("plane scales as power-of-two "
                            + "shifts and adds", DequantSite.IN_PE, DequantBasis.PER_MAC,
                    ShiftAddLlmEnergy.shiftPicojoulesPerMac(p.weightBits(), BcqFormat.DEFAULT_POWER_OF_TWO_TERMS,
                            groupSize(p, op)), TechNode.N45, EnergyCategory.SHIFT_ADD, ShiftAddLlmEnergy.SOURCE)),
                    "binary-coded weights: scales per plane and group");
        }
        if (p.unitModel() == MixPeUnitModel.FUSION) {
            return DequantOps.none(op, "MixPE artefact reading: dequantisation is a separate GEMM of the workload");
        }
        if (p.dequant() == MixPeDequantTiming.EDGE) {
            double perGroup = DequantOps.FP32_MULT_PICOJOULES + DequantOps.FP32_ADD_PICOJOULES
                    + EdgeDequantCost.INT8_MULT_PICOJOULES + EdgeDequantCost.INT32_ADD_PICOJOULES;
            return new DequantStatement(config, List.of(
                    DequantStep.inFamilyCost("per-column edge dequantiser: zero point x group activation sum, "
                                    + "subtract, group scale, accumulate", DequantSite.ARRAY_EDGE,
                            DequantBasis.PER_OUTPUT_GROUP, perGroup, TechNode.N45, EnergyCategory.DEQUANT,
                            EdgeDequantCost.SOURCE),
                    DequantStep.inFamilyCost("group activation sums at the activation edge (shared by all columns)",
                            DequantSite.ARRAY_EDGE, DequantBasis.PER_ACTIVATION, EdgeDequantCost.INT32_ADD_PICOJOULES,
                            TechNode.N45, EnergyCategory.DEQUANT, EdgeDequantCost.SOURCE)),
                    "asymmetric codes: zero point per group");
        }
        CostSource vector = new CostSource("mixpe-dequant-vector-ops", "MixPE (arXiv 2411.16158) dequantisation "
                + "after the group sum as vector-unit ops: 4 per output and group (z*S, subtract, *s, accumulate), "
                + "1 add per activation for the group sums; per-op energy the vector unit's (Horowitz ISSCC 2014, FP32 "
                + "mean of add and multiply 2.3 pJ shown; the spec's vector word width decides)", "45nm", true);
        double fp32Op = (DequantOps.FP32_ADD_PICOJOULES + DequantOps.FP32_MULT_PICOJOULES) / 2;
        return new DequantStatement(config, List.of(
                DequantStep.inFamilyCost("zero point x group activation sum, subtract, group scale, accumulate",
                        DequantSite.VECTOR_UNIT, DequantBasis.PER_OUTPUT_GROUP, DEQUANT_OPS_PER_GROUP * fp32Op,
                        TechNode.N45, EnergyCategory.DEQUANT, vector),
                DequantStep.inFamilyCost("group activation sums (shared by all columns)", DequantSite.VECTOR_UNIT,
                        DequantBasis.PER_ACTIVATION, fp32Op, TechNode.N45, EnergyCategory.DEQUANT, vector)),
                "asymmetric codes: zero point per group");
    }
}
