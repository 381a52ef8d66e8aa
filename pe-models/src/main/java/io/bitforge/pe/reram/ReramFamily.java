package io.bitforge.pe.reram;

import io.bitforge.pe.DequantOps;
import io.bitforge.core.pe.DequantStatement;
import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Precision;
import io.bitforge.core.pe.CellCost;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.pe.WeightStore;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.PeParams;
import io.bitforge.core.spec.SpecNode;
import io.bitforge.core.tech.TechNode;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.List;
import java.util.ArrayList;
import io.bitforge.core.cost.CostSource;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code reram}: ReRAM crossbars with bit-sliced weights, bit-serial inputs and SAR-ADC readout with redundant-bit
 * skipping (DATE 2024 "Algorithm-hardware co-design for energy-efficient A/D conversion in ReRAM-based
 * accelerators"; ISAAC, ISCA 2016; NeuroSim). Not a systolic array: for this family {@code array: {rows, cols}} is
 * a grid of {@code rows × cols} crossbar tiles, each {@code crossbarRows × crossbarCols} cells with its own DACs,
 * sample-and-holds, ADCs and shift-and-add; weights stay in the crossbars (weight stationary, {@code ws}) and
 * {@link #customGemmCost} returns the whole cost of a GEMM.
 */
public final class ReramFamily implements PeFamily {
    /** Comparator cycles on assumed weights per parameter set ({@link AssumedWeights}), computed once each. */
    private final Map<ReramParams, OptionalDouble> assumedCycles = new ConcurrentHashMap<>();

    static final String[] FIELDS = {"crossbarRows", "crossbarCols", "cellBits", "weightBits", "signedWeights",
            "flipEncoding", "dacBits", "inputBits", "parallelRows", "colsPerAdc", "adcBits", "adcFullScale",
            "adcScheme", "intervalBits", "truncatedBits", "intervalRounding", "expectedComparatorCycles",
            "readVoltage", "onResistanceOhms", "offResistanceOhms", "readPulseNanoseconds", "conductanceSigma",
            "noiseSeed", "programPicojoulesPerCell", "programCyclesPerRow", "reprogram"};

    @Override
    public String id() {
        return "reram";
    }

    @Override
    public String description() {
        return "ReRAM crossbar tiles: bit-sliced weights, bit-serial inputs, SAR-ADC with redundant-bit skipping";
    }

    @Override
    public String source() {
        return "DATE 2024 ReRAM A/D co-design; ISAAC (ISCA 2016) Table 2; " + NeuroSimSarFit.FILE;
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("cell", "one crossbar tile (array rows x cols = grid of crossbars)");
        facts.put("dataflows", "ws");
        facts.put("params", String.join(", ", FIELDS));
        return facts;
    }

    @Override
    public PeParams parseParams(SpecNode params) {
        params.allowOnly(FIELDS);
        int crossbarRows = params.optionalField("crossbarRows").map(n -> n.intIn(1, 4096)).orElse(128);
        int crossbarCols = params.optionalField("crossbarCols").map(n -> n.intIn(1, 4096)).orElse(128);
        int cellBits = params.optionalField("cellBits").map(n -> n.intIn(1, 8)).orElse(2);
        int weightBits = params.optionalField("weightBits").map(n -> n.intIn(2, 16)).orElse(8);
        SignedWeights signed = params.optionalField("signedWeights").map(n -> SignedWeights.fromId(n.text())
                .orElseThrow(() -> n.error("must be pos-neg or offset", n.shown()))).orElse(SignedWeights.OFFSET);
        boolean flip = params.optionalField("flipEncoding").map(ReramFamily::bool).orElse(false);
        int dacBits = params.optionalField("dacBits").map(n -> n.intIn(1, 8)).orElse(1);
        int inputBits = params.optionalField("inputBits").map(n -> n.intIn(1, 16)).orElse(8);
        int parallelRows = params.optionalField("parallelRows").map(n -> n.intIn(1, crossbarRows))
                .orElse(crossbarRows);
        int colsPerAdc = params.optionalField("colsPerAdc").map(n -> {
            int v = n.intIn(1, crossbarCols);
            if (crossbarCols % v != 0) {
                throw n.error("must divide crossbarCols (" + crossbarCols + ")", v);
            }
            return v;
        }).orElse(Math.min(8, crossbarCols));
        SpecNode weightNode = params.optionalField("weightBits").orElse(params);
        int columnsPerWeight = ((signed == SignedWeights.POS_NEG ? weightBits - 1 : weightBits) + cellBits - 1)
                / cellBits * (signed == SignedWeights.POS_NEG ? 2 : 1);
        if (columnsPerWeight > crossbarCols) {
            throw weightNode.error("needs " + columnsPerWeight + " columns per weight, more than crossbarCols ("
                    + crossbarCols + ")", weightBits);
        }
        OptionalDouble expected = params.optionalField("expectedComparatorCycles")
                .map(n -> OptionalDouble.of(n.positive())).orElse(OptionalDouble.empty());
        ReramParams draft = new ReramParams(crossbarRows, crossbarCols, cellBits, weightBits, signed, flip, dacBits,
                inputBits, parallelRows, colsPerAdc, 16, false, AdcScheme.FULL, 0, 0, true, OptionalDouble.empty(),
                0.5, 1e5, 1.7e6, 10, 0, 1, 10, 100);
        int adcBits = params.optionalField("adcBits").map(n -> n.intIn(1, 16)).orElse(draft.requiredAdcBits());
        boolean fullScaleMax = params.optionalField("adcFullScale").map(n -> switch (n.text()) {
            case "unit" -> false;
            case "max" -> true;
            default -> throw n.error("must be unit or max", n.shown());
        }).orElse(false);
        AdcScheme scheme = params.optionalField("adcScheme").map(n -> AdcScheme.fromId(n.text())
                .orElseThrow(() -> n.error("must be full, skip or two-interval", n.shown()))).orElse(AdcScheme.FULL);
        int intervalBits = params.optionalField("intervalBits").map(n -> n.intIn(0, adcBits - 1))
                .orElse(Math.max(0, adcBits / 2));
        int truncatedBits = params.optionalField("truncatedBits").map(n -> n.intIn(0, adcBits - 1))
                .orElse(Math.max(0, adcBits / 2 - 1));
        boolean rounding = params.optionalField("intervalRounding").map(ReramFamily::bool).orElse(true);
        // NeuroSim Param.cpp: read voltage 0.5 V, R_on 100 kΩ, on/off ratio 17, read pulse 10 ns (research §5.2).
        double readVoltage = params.optionalField("readVoltage").map(SpecNode::positive).orElse(0.5);
        double onOhms = params.optionalField("onResistanceOhms").map(SpecNode::positive).orElse(1e5);
        Optional<SpecNode> offNode = params.optionalField("offResistanceOhms");
        double offOhms = offNode.map(SpecNode::positive).orElse(onOhms * 17);
        if (offOhms < onOhms) {
            throw offNode.orElseThrow().error("must be >= onResistanceOhms (" + onOhms + ")", offOhms);
        }
        double pulse = params.optionalField("readPulseNanoseconds").map(SpecNode::positive).orElse(10.0);
        double sigma = params.optionalField("conductanceSigma").map(SpecNode::nonNegative).orElse(0.0);
        long seed = params.optionalField("noiseSeed").map(n -> n.longIn(Long.MIN_VALUE, Long.MAX_VALUE)).orElse(1L);
        // Estimates, not published figures: a ReRAM SET/RESET with verify of order 10 pJ and 100 ns per row.
        double programPj = params.optionalField("programPicojoulesPerCell").map(SpecNode::nonNegative).orElse(10.0);
        int programCycles = params.optionalField("programCyclesPerRow").map(n -> n.intIn(0, 1_000_000)).orElse(100);
        boolean reprogram = params.optionalField("reprogram").map(ReramFamily::bool).orElse(false);
        return new ReramParams(crossbarRows, crossbarCols, cellBits, weightBits, signed, flip, dacBits, inputBits,
                parallelRows, colsPerAdc, adcBits, fullScaleMax, scheme, intervalBits, truncatedBits, rounding,
                expected, readVoltage, onOhms, offOhms, pulse, sigma, seed, programPj, programCycles, reprogram);
    }

    private static boolean bool(SpecNode node) {
        if (!node.json().isBoolean()) {
            throw node.error("must be true or false", node.shown());
        }
        return node.json().asBoolean();
    }

    @Override
    public PeParams defaultParams() {
        return new ReramParams(128, 128, 2, 8, SignedWeights.OFFSET, false, 1, 8, 128, 8, 9, false, AdcScheme.FULL,
                4, 3, true, OptionalDouble.empty(), 0.5, 1e5, 1.7e6, 10, 0, 1, 10, 100);
    }

    @Override
    public Set<Dataflow> dataflows() {
        return EnumSet.of(Dataflow.WS);
    }

    @Override
    public NativePrecisions nativePrecisions(PeParams params) {
        ReramParams p = (ReramParams) params;
        // inputs are unsigned (bit-serial word-line pulses); results leave the shift-and-add as 32-bit integers
        return new NativePrecisions(new Precision("uint" + p.inputBits(), p.inputBits()),
                new Precision("int" + p.weightBits(), p.weightBits()), Precision.INT32);
    }

    /**
     * For analytic users (the roofline): one crossbar covers {@code crossbarRows} reduction indices and
     * {@code weightsPerCrossbar} outputs per matrix-vector product; a step is the best-case MVM (the expected
     * comparator cycles when given, else one sampling cycle per conversion for skip schemes, N+1 for full).
     */
    @Override
    public CellTiming timing(PeParams params, GemmOp op) {
        ReramParams p = effective((ReramParams) params);
        check(p, op);
        int weightsPerCrossbar = p.crossbarCols() / p.columnsPerWeight(op.weights().bits());
        double best = p.adcScheme() == AdcScheme.FULL ? p.fullConversionCycles()
                : p.expectedComparatorCycles().orElse(1.0);
        double cycles = ReramCost.mvmCycles(p, op.activations().bits(), p.crossbarRows(),
                weightsPerCrossbar * p.columnsPerWeight(op.weights().bits()), best);
        return new CellTiming(1, p.crossbarRows(), weightsPerCrossbar, (int) Math.max(1, Math.ceil(cycles)));
    }

    /** Per-MAC energy of one fully used crossbar at 22 nm (NeuroSim's default node), area of one crossbar tile. */
    @Override
    public CellCost cellCost(PeParams params, GemmOp op) {
        ReramParams p = effective((ReramParams) params);
        check(p, op);
        int weightsPerCrossbar = p.crossbarCols() / p.columnsPerWeight(op.weights().bits());
        GemmOp one = op.withShape(1, p.crossbarRows(), weightsPerCrossbar).withCount(1);
        CostReport report = ReramCost.gemm(p, one, new ArraySpec(1, 1), TechNode.N22);
        double macs = one.macs();
        Map<EnergyCategory, Double> perMac = new EnumMap<>(EnergyCategory.class);
        report.energy().asMap().forEach((category, pj) -> {
            if (pj > 0) {
                perMac.put(category, pj / macs);
            }
        });
        return new CellCost(TechNode.N22, perMac, report.totalAreaSquareMicrometres(), report.sources());
    }

    @Override
    public Optional<CostReport> customGemmCost(PeParams params, GemmOp op, HardwareSpec spec) {
        ReramParams given = (ReramParams) params;
        ReramParams p = effective(given);
        check(p, op);
        CostReport cost = ReramCost.gemm(p, op, spec.array(), spec.node());
        if (p != given) {
            cost = new CostReport(cost.cycles(), cost.actions(), cost.energy(), cost.areaSquareMicrometres(),
                    assumedCyclesSources(cost.sources(), p));
        }
        return Optional.of(cost);
    }

    /**
     * The params the engine costs with: a skip or two-interval scheme without a measured
     * {@code expectedComparatorCycles} gets the figure of {@link AssumedWeights}; a measured one is kept.
     */
    ReramParams effective(ReramParams p) {
        if (p.adcScheme() == AdcScheme.FULL || p.expectedComparatorCycles().isPresent()) {
            return p;
        }
        return p.withExpectedComparatorCycles(assumedCycles.computeIfAbsent(p, AssumedWeights::comparatorCycles));
    }

    /** The sources with the measured-cycles note replaced by the assumption actually made. */
    private static List<CostSource> assumedCyclesSources(List<CostSource> sources, ReramParams p) {
        String id = "reram-adc-cycles-" + p.adcScheme().id();
        List<CostSource> out = new ArrayList<>();
        for (CostSource source : sources) {
            out.add(!source.id().equals(id) ? source : new CostSource(id, "expected comparator cycles per "
                    + "conversion " + p.expectedComparatorCycles().orElseThrow() + ", from adc-study on assumed "
                    + "weights (N(0,1), per-channel quantised, one crossbar, seed " + AssumedWeights.SEED + "); "
                    + "set expectedComparatorCycles to a figure measured on the model's weights", source.node(),
                    true));
        }
        return out;
    }

    @Override
    public Optional<WeightStore> weightStore(PeParams params, HardwareSpec spec) {
        return Optional.of(new CrossbarStore((ReramParams) params, spec));
    }

    private static void check(ReramParams p, GemmOp op) {
        if (op.weights().isFloat() || op.activations().isFloat() || op.weights().bits() > p.weightBits()
                || op.activations().bits() > p.inputBits()) {
            throw new BadInputException(op.name() + ": reram with " + p.weightBits() + "-bit weights and "
                    + p.inputBits() + "-bit inputs cannot run " + op.weights() + " weights x " + op.activations()
                    + " activations (integer formats only)");
        }
        if (p.columnsPerWeight(op.weights().bits()) > p.crossbarCols()) {
            throw new BadInputException(op.name() + ": " + op.weights()
                    + " weights need more columns than a crossbar has");
        }
    }

    /** Crossbar column sums are integers after shift-and-add: scales are applied like any integer array's. */
    @Override
    public DequantStatement dequantisation(PeParams params, GemmOp op) {
        return DequantOps.integerArray(op);
    }
}
