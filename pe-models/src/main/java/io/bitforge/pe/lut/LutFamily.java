package io.bitforge.pe.lut;

import io.bitforge.core.tech.TechNode;
import java.util.ArrayList;
import io.bitforge.core.pe.DequantBasis;
import io.bitforge.core.pe.DequantSite;
import io.bitforge.core.pe.DequantStep;
import io.bitforge.pe.DequantOps;
import io.bitforge.core.pe.DequantStatement;
import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.EnergyCategory;
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
import io.bitforge.pe.shiftadd.ArrayWithSideWork;
import io.bitforge.pe.shiftadd.SideWork;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code lut}: table-lookup mixed-precision GEMM units (LUT Tensor Core, Mo et al., arXiv 2408.06003, RTL
 * Hamerlate/lut_tensor_core; T-MAC; LUT-GEMM). Functional model: {@link LutDatapath}.
 *
 * <p><b>Timing.</b> One cell is an elongated tile of tileM × tileN outputs over tileK activations (default
 * 2 × 64 × 4, the RTL's M, N, K), bit-serial over the weight planes: {@code CellTiming(tileM, tileK, tileN,
 * passes)}, passes = weight bits (ternary: 2, or 1 with a 3^g table), plus one cycle per step when tables are
 * built on the array. On a 1 × 1 grid the fold model gives exactly
 * {@code ceil(M/M_t)·ceil(N/N_t)·ceil(K/K_t)·passes}; an R × C grid of units adds the systolic fill
 * {@code passes·(R + C − 2)} per fold. Peak MACs per cycle per unit = M_t·N_t·K_t / passes. Output-stationary
 * only: the FP16 accumulators hold the output tile while K streams (the RTL's partial-sum chain).
 *
 * <p><b>Tables.</b> By default the tables are precomputed upstream, fused into the preceding operator, modelled as
 * a vector-unit op ({@link EnergyCategory#TABLE_PRECOMPUTE}; per table g − 1 adds for the first entry and one per
 * other entry, built incrementally; INT8 tables add 2 operations per entry for the scale and rounding), serialised
 * before the array. The array then reads the tables instead of the activations: per column fold, M·(K/g)·entries
 * entries of 16 (or 8) bits; the fold model's activation reads are topped up to that volume. Each entry is reused
 * by the tileN columns of a unit. With {@code precompute: array} the units build their own tables (one extra cycle
 * per step, rebuilt for every column fold) and read plain FP16 activations. With {@code symmetry: none} a table
 * stores all 2^g entries (no weight reinterpretation): twice the entries to build and read.
 *
 * <p><b>Energy and area.</b> An estimate from cited parts ({@link LutCellCost}); the sources are flagged.
 */
public final class LutFamily implements PeFamily {
    static final String SOURCE = "LUT Tensor Core (Mo et al., arXiv 2408.06003; Hamerlate/lut_tensor_core "
            + "sv_lut_array/rtl); T-MAC (microsoft/T-MAC); LUT-GEMM (Park et al., ICLR 2024)";

    @Override
    public String id() {
        return "lut";
    }

    @Override
    public String description() {
        return "LUT tensor core: symmetric activation tables, bit-serial weight planes, elongated M_t x N_t x K_t tile";
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("cell", "tileM x tileN outputs over tileK activations per step, one weight plane per cycle");
        facts.put("dataflows", "os");
        facts.put("params", "weightBits, weights (int, ternary), ternaryTable (bit-serial, base3), table (fp16, int8),"
                + " tileM, tileN, tileK (2, 4), precompute (upstream, array), symmetry (symmetric, none)");
        return facts;
    }

    @Override
    public PeParams parseParams(SpecNode params) {
        params.allowOnly("weightBits", "weights", "ternaryTable", "table", "tileM", "tileN", "tileK", "precompute",
                "symmetry");
        boolean ternary = choice(params, "weights", "int", "ternary");
        boolean base3 = choice(params, "ternaryTable", "bit-serial", "base3");
        if (base3 && !ternary) {
            SpecNode node = params.field("ternaryTable");
            throw node.error("base3 needs weights: ternary", node.shown());
        }
        int weightBits = params.optionalField("weightBits").map(n -> {
            int bits = n.intIn(1, 8);
            if (ternary && bits != 2) {
                throw n.error("must be 2 for ternary weights", n.shown());
            }
            return bits;
        }).orElse(2);
        boolean int8 = choice(params, "table", "fp16", "int8");
        int tileM = params.optionalField("tileM").map(n -> n.intIn(1, 4096)).orElse(2);
        int tileN = params.optionalField("tileN").map(n -> n.intIn(1, 4096)).orElse(64);
        int tileK = params.optionalField("tileK").map(n -> {
            int k = n.intIn(2, 4);
            if (k == 3) {
                throw n.error("must be 2 or 4", n.shown());
            }
            return k;
        }).orElse(4);
        boolean onArray = choice(params, "precompute", "upstream", "array");
        boolean full = choice(params, "symmetry", "symmetric", "none");
        return new LutParams(weightBits, ternary, base3, int8, tileM, tileN, tileK, onArray, !full);
    }

    /** False for the first (default) value, true for the second; anything else is a bad input. */
    private static boolean choice(SpecNode params, String field, String first, String second) {
        return params.optionalField(field).map(n -> {
            String text = n.text();
            if (!text.equals(first) && !text.equals(second)) {
                throw n.error("must be one of " + first + ", " + second, n.shown());
            }
            return text.equals(second);
        }).orElse(false);
    }

    @Override
    public PeParams defaultParams() {
        return new LutParams(2, false, false, false, 2, 64, 4, false);
    }

    @Override
    public Set<Dataflow> dataflows() {
        return EnumSet.of(Dataflow.OS);
    }

    @Override
    public NativePrecisions nativePrecisions(PeParams params) {
        LutParams p = (LutParams) params;
        Precision weights = p.ternary() ? new Precision("ternary", 2) : new Precision("int" + p.weightBits(),
                p.weightBits());
        return new NativePrecisions(Precision.FP16, weights, Precision.FP16);
    }

    @Override
    public CellTiming timing(PeParams params, GemmOp op) {
        LutParams p = (LutParams) params;
        return new CellTiming(p.tileM(), p.tileK(), p.tileN(), passes(p, op) + (p.tableOnArray() ? 1 : 0));
    }

    @Override
    public CellCost cellCost(PeParams params, GemmOp op) {
        LutParams p = (LutParams) params;
        return LutCellCost.of(p, passes(p, op));
    }

    @Override
    public Optional<CostReport> customGemmCost(PeParams params, GemmOp op, HardwareSpec spec) {
        LutParams p = (LutParams) params;
        passes(p, op);
        if (p.tableOnArray()) {
            return Optional.empty();
        }
        long tables = Math.multiplyExact(op.m(), ceilDiv(op.k(), p.tileK()));
        long entries = Math.multiplyExact(tables, p.tableEntries());
        long buildOps = (p.tileK() - 1) + (p.tableEntries() - 1) + (p.int8Tables() ? 2L * p.tableEntries() : 0);
        VectorOp build = new VectorOp(op.name() + ".tables", OpKind.OTHER, entries,
                (double) buildOps / p.tableEntries(), 0, 0, 1, Precision.FP16);
        Precision entry = p.int8Tables() ? Precision.INT8 : Precision.FP16;
        GemmOp arrayOp = new GemmOp(op.name(), op.kind(), op.m(), op.k(), op.n(), 1, entry, op.weights(),
                op.outputs(), op.bOperand(), op.weightGroupSize());
        long colFolds = ceilDiv(ceilDiv(op.n(), p.tileN()), spec.array().cols());
        long extra = Math.max(0, Math.multiplyExact(colFolds, entries - Math.multiplyExact(op.m(), op.k())));
        return Optional.of(ArrayWithSideWork.cost(this, spec, arrayOp,
                List.of(SideWork.serial(build, EnergyCategory.TABLE_PRECOMPUTE)))
                .plus(ArrayWithSideWork.activationBufferReads(spec, extra, p.entryBits())));
    }

    /** Passes per step for this op's weights; rejects weights the unit cannot run. */
    private static int passes(LutParams p, GemmOp op) {
        Precision w = op.weights();
        if (op.activations().bits() > 16) {
            throw new BadInputException(op.name() + ": lut tables hold at most 16-bit activations, got "
                    + op.activations());
        }
        if (p.ternary()) {
            if (!w.format().equals("ternary")) {
                throw new BadInputException(op.name() + ": lut with ternary weights cannot run " + w + " weights");
            }
            return p.passes();
        }
        if (w.isFloat() || w.format().equals("ternary") || w.bits() > p.weightBits()) {
            throw new BadInputException(op.name() + ": lut with " + p.weightBits() + "-bit integer weights cannot "
                    + "run " + w + " weights");
        }
        return w.bits();
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /**
     * Each output position scales the bit-serial sum of a weight group by the group's scale and accumulates it
     * (LUT-GEMM's per-group alpha, one FP16 multiply and add per output and group), or with per-tensor/channel
     * scales once per output at the array edge; INT8 tables add T-MAC's activation-scale step, already in the
     * unit's cost ({@link LutCellCost}).
     */
    @Override
    public DequantStatement dequantisation(PeParams params, GemmOp op) {
        LutParams p = (LutParams) params;
        List<DequantStep> steps = new ArrayList<>();
        if (op.weightGroupSize() > 0) {
            steps.add(DequantStep.charged("group scale x group sum, accumulated", DequantSite.IN_PE,
                    DequantBasis.PER_OUTPUT_GROUP, DequantOps.FP16_MULT_PICOJOULES + DequantOps.FP16_ADD_PICOJOULES,
                    TechNode.N45, DequantOps.FP16_GROUP_SCALE).withUnitArea(DequantOps.FP16_MULT_SQUARE_MICROMETRES
                    + DequantOps.FP16_ADD_SQUARE_MICROMETRES));
        } else {
            steps.add(DequantStep.charged("weight scale x output", DequantSite.ARRAY_EDGE, DequantBasis.PER_OUTPUT,
                    DequantOps.FP16_MULT_PICOJOULES, TechNode.N45, DequantOps.FP16_SCALE)
                    .withUnitArea(DequantOps.FP16_MULT_SQUARE_MICROMETRES));
        }
        if (p.int8Tables()) {
            steps.add(DequantStep.inFamilyCost("INT8 table scale per 64 activations (FP32 multiply and add)",
                    DequantSite.IN_PE, DequantBasis.PER_MAC, (LutCellCost.FP32_MULT_PICOJOULES
                            + LutCellCost.FP32_ADD_PICOJOULES) / LutCellCost.INT8_SCALE_GROUP, TechNode.N45,
                    EnergyCategory.DEQUANT, LutCellCost.ENERGY));
        }
        return new DequantStatement(DequantStatement.configOf(op), steps, "symmetric codes: no zero point");
    }
}
