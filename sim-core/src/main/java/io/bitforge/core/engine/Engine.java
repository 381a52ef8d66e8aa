package io.bitforge.core.engine;

import io.bitforge.core.cost.ActionCounts;
import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.CostSource;
import io.bitforge.core.cost.CycleBreakdown;
import io.bitforge.core.cost.EnergyBreakdown;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.cost.Operand;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Op;
import io.bitforge.core.op.OpGraph;
import io.bitforge.core.op.VectorOp;
import io.bitforge.core.pe.CellCost;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.pe.DequantBasis;
import io.bitforge.core.pe.DequantSite;
import io.bitforge.core.pe.DequantStatement;
import io.bitforge.core.pe.EdgeUnit;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.BufferSpecs;
import io.bitforge.core.spec.CycleModel;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.tech.TechNode;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.core.tech.TechScaling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Evaluates ops on one hardware design: GEMMs with the {@link FoldModel} (or the PE family's own cost for
 * non-systolic families), vector ops on the vector unit, op graphs as the sum of their ops run back to back.
 *
 * <p>Costs: MAC energy = MACs × the family's energy per MAC; SRAM energy = element reads/writes × operand bits ×
 * the {@link SramEnergyModel}'s energy per bit, weights at the family's stored width
 * ({@link PeFamily#storedWeightBits}: metadata included, possibly fractional); vector energy = operations ×
 * {@link VectorUnitModel}'s energy per op; area = cell area × cells ({@code pe-array}) plus each of the family's
 * {@link EdgeUnit}s × the lanes of the edge it sits on. Every figure is scaled from its table's node to the spec's node with
 * {@link TechScaling}. DRAM bytes, DRAM energy and memory stalls come from a {@link MemoryModel}, which sees the
 * fold schedule and the operands' stored widths; the default is unlimited bandwidth (no stalls, no DRAM traffic
 * counted). Operand SRAMs too narrow for the dataflow's per-cycle demand add SRAM stall cycles
 * ({@link SramPortStalls}). {@link EngineOptions} hold switches that mimic published simulators (fold convention,
 * step timing, the layer-overlap model's attention input width, and the {@link EnergyConvention}: PE energy per
 * cell-cycle, SRAM reads per MAC, no node scaling, a constant static power booked per cycle).
 *
 * <p>Mapping: the engine runs one {@link Mapping}, given beside the spec (a spec describes hardware only): its
 * dataflow (when given) replaces the spec's, its cycle model picks the GEMM model below, and its tiles and loop
 * order reach the {@link MemoryModel} it was built with. Engines built without one run the spec's deprecated
 * {@code mapping:} block ({@link Mapping#of(io.bitforge.core.spec.MappingSpec)}).
 *
 * <p>Cycle models: the mapping's {@code cycleModel} picks the fold model above ({@code folds}, the default)
 * or BitMoD's artefact model ({@code layer-overlap}, {@link LayerOverlapModel}: per-layer max(compute, DRAM) with
 * its buffer re-fetch rule, its own DRAM traffic instead of the memory model's; no {@link ArrayMetrics}). Energy,
 * area and sources are computed the same way under both.
 *
 * <p>Cycle convention: a {@link CostReport} counts cycles, so one GEMM costs {@code folds × foldCycles} and costs
 * add across ops. {@link ArrayMetrics} keeps SCALE-Sim's reporting convention (the index of the last cycle, one
 * less) so that {@code bitforge gemm} matches SCALE-Sim's COMPUTE_REPORT figure for figure.
 *
 * <p>An engine is immutable and thread-safe; create one per design and call it from any number of threads.
 */
public final class Engine {
    private static final int CATEGORY_COUNT = EnergyCategory.values().length;
    private static final int SRAM_READ = EnergyCategory.SRAM_READ.ordinal();
    private static final int SRAM_WRITE = EnergyCategory.SRAM_WRITE.ordinal();
    private final HardwareSpec spec;
    private final PeFamily family;
    private final SramEnergyModel sram;
    private final MemoryModel memory;
    private final EngineOptions options;
    private final Mapping mapping;
    private final double[] sramReadPicojoulesPerBit = new double[3];
    private final double[] sramWritePicojoulesPerBit = new double[3];
    private final double vectorPicojoulesPerOp;
    private final double staticPicojoulesPerCycle;
    private final List<CostSource> baseSources;
    /** Area of the units every evaluation reports besides the array: the SRAM buffers and the vector unit. */
    private final Map<String, Double> designAreas;
    private final List<CostSource> areaSources;
    /** The last op's dequantisation statement (a pure function of the op: caching it changes no result). */
    private volatile LastDequant lastDequant;

    /**
     * An engine for one design.
     *
     * @param sram    SRAM energy per access ({@link HorowitzSram} by default)
     * @param memory  DRAM traffic and stalls ({@link MemoryModel#UNLIMITED_BANDWIDTH} by default)
     * @param options fold convention, step timing and the layer-overlap model's attention input width
     *                ({@link EngineOptions#DEFAULT}: BitForge's own model)
     */
    public Engine(HardwareSpec spec, PeFamily family, SramEnergyModel sram, MemoryModel memory,
                  EngineOptions options) {
        this(spec, family, sram, memory, options, Mapping.of(spec.mapping()));
    }

    /**
     * An engine for one design under a mapping given beside it; the {@code memory} model must have been built for
     * the same mapping (a {@link TiledDramModel} tiles with the mapping's {@link Mapper}).
     *
     * @param mapping the dataflow (empty: the spec's), cycle model and tiling this engine runs
     */
    public Engine(HardwareSpec spec, PeFamily family, SramEnergyModel sram, MemoryModel memory,
                  EngineOptions options, Mapping mapping) {
        Objects.requireNonNull(spec, "spec");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.spec = mapping.dataflow().map(spec::withDataflow).orElse(spec);
        this.family = Objects.requireNonNull(family, "family");
        this.sram = Objects.requireNonNull(sram, "sram");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.options = Objects.requireNonNull(options, "options");
        if (!family.id().equals(spec.pe().family())) {
            throw new IllegalArgumentException("spec names PE family " + spec.pe().family() + " but got "
                    + family.id());
        }
        if (!family.dataflows().contains(spec.dataflow())) {
            throw new BadInputException("hardware.dataflow: PE family " + family.id() + " supports "
                    + family.dataflows().stream().map(Dataflow::id).sorted().toList() + ", got "
                    + spec.dataflow().id());
        }
        double sramScale = scale(sram.node());
        BufferSpecs buffers = spec.buffers();
        for (Operand operand : Operand.values()) {
            sramReadPicojoulesPerBit[operand.ordinal()] = sram.readPicojoulesPerBit(buffers.of(operand)) * sramScale;
            sramWritePicojoulesPerBit[operand.ordinal()] = sram.writePicojoulesPerBit(buffers.of(operand))
                    * sramScale;
        }
        vectorPicojoulesPerOp = VectorUnitModel.picojoulesPerOp(spec.vectorUnit().wordBits())
                * scale(VectorUnitModel.node());
        staticPicojoulesPerCycle = options.energyConvention().staticPicojoulesPerCycle(spec.clockMegahertz());
        List<CostSource> sources = new ArrayList<>();
        sources.add(sram.source());
        scalingSource(sram.node()).ifPresent(sources::add);
        baseSources = List.copyOf(sources);
        designAreas = Map.of("sram", SramArea.squareMicrometres(spec.buffers(), spec.node()),
                "vector", VectorUnitArea.squareMicrometres(spec.vectorUnit(), spec.node()));
        List<CostSource> areaSourceList = new ArrayList<>(SramArea.sources(spec.buffers(), spec.node()));
        areaSourceList.add(VectorUnitArea.SOURCE);
        TechScaling.sourceFor(TechNode.N45, spec.node()).ifPresent(areaSourceList::add);
        areaSources = List.copyOf(areaSourceList);
        if (mapping.cycleModel() == CycleModel.LAYER_OVERLAP) {
            LayerOverlapModel.dram(spec);
        } else if (options.attentionInputWidth().isPresent()) {
            throw new BadInputException("engine option attentionInputWidth: applies only with mapping.cycleModel "
                    + "layer-overlap, got " + mapping.cycleModel().id());
        }
    }

    /**
     * An engine for one design with a fold convention and otherwise default options.
     *
     * @param convention how fold cycles are counted ({@link FoldConvention#SCALE_SIM} by default)
     */
    public Engine(HardwareSpec spec, PeFamily family, SramEnergyModel sram, MemoryModel memory,
                  FoldConvention convention) {
        this(spec, family, sram, memory, EngineOptions.DEFAULT.withFoldConvention(convention));
    }

    /** An engine for one design with a fold convention and its own energy accounting. */
    public Engine(HardwareSpec spec, PeFamily family, SramEnergyModel sram, MemoryModel memory,
                  FoldConvention convention, EnergyConvention energy) {
        this(spec, family, sram, memory, EngineOptions.DEFAULT.withFoldConvention(convention)
                .withEnergyConvention(energy));
    }

    /** An engine with SCALE-Sim's fold convention. */
    public Engine(HardwareSpec spec, PeFamily family, SramEnergyModel sram, MemoryModel memory) {
        this(spec, family, sram, memory, FoldConvention.SCALE_SIM);
    }

    /**
     * An engine with the default SRAM model, unlimited DRAM bandwidth and SCALE-Sim's fold convention (SCALE-Sim's
     * stall-free mode).
     */
    public Engine(HardwareSpec spec, PeFamily family) {
        this(spec, family, new HorowitzSram(), MemoryModel.UNLIMITED_BANDWIDTH);
    }

    /** The same design and models with another fold convention. */
    public Engine withConvention(FoldConvention newConvention) {
        return new Engine(spec, family, sram, memory, options.withFoldConvention(newConvention), mapping);
    }

    /** The same design and models with other options. */
    public Engine withOptions(EngineOptions newOptions) {
        return new Engine(spec, family, sram, memory, newOptions, mapping);
    }

    public EngineOptions options() {
        return options;
    }

    /** The mapping this engine runs (its dataflow, when given, is already the spec's). */
    public Mapping mapping() {
        return mapping;
    }

    /** The DRAM model GEMMs and vector ops are charged with. */
    public MemoryModel memory() {
        return memory;
    }

    /** Looks the spec's PE family up in the registry. */
    public static Engine of(HardwareSpec spec, Registry registry) {
        PeFamily family = registry.peFamily(spec.pe().family()).orElseThrow(() -> new BadInputException(
                "hardware.pe.family: must be a registered PE family (" + String.join(", ",
                        registry.ids(CatalogKind.PES)) + "), got '" + spec.pe().family() + "'"));
        return new Engine(spec, family);
    }

    public HardwareSpec spec() {
        return spec;
    }

    public PeFamily family() {
        return family;
    }

    /**
     * Peak multiply-accumulates per cycle of the array for this GEMM's operand precisions: cells × MACs per cell
     * step ÷ cycles per step (for the roofline of a simulated design). Families with their own GEMM cost
     * (e.g. crossbars) still report their cell timing here.
     */
    public double peakMacsPerCycle(GemmOp op) {
        CellTiming timing = family.timing(spec.pe().params(), cellView(op));
        return (double) spec.array().cells() * timing.macsPerStep() / timing.cyclesPerStep();
    }

    /** Cost of every instance of a GEMM and the array figures of one instance. */
    public GemmEvaluation evaluate(GemmOp op) {
        var custom = family.customGemmCost(spec.pe().params(), op, spec);
        if (custom.isPresent()) {
            // families with their own GEMM cost read each weight into the array once
            double dequant = dequantPicojoules(op, (double) op.k() * op.n());
            List<CostSource> extraSources = new ArrayList<>(dequant == 0 ? List.of() : dequantSources(op));
            extraSources.addAll(areaSources);
            CostReport one = custom.get().plus(new CostReport(CycleBreakdown.ZERO, ActionCounts.ZERO,
                    dequant == 0 ? EnergyBreakdown.ZERO : EnergyBreakdown.of(EnergyCategory.DEQUANT, dequant),
                    withDequantArea(designAreas, op), extraSources));
            return new GemmEvaluation(one.times(op.count()), null);
        }
        GemmOp cellOp = cellView(op);
        CellTiming timing = family.timing(spec.pe().params(), cellOp);
        double storedWeightBits = storedWeightBits(op);
        if (mapping.cycleModel() == CycleModel.LAYER_OVERLAP) {
            return new GemmEvaluation(layerOverlap(op, cellOp, timing, storedWeightBits).times(op.count()), null);
        }
        ArrayMetrics schedule = FoldModel.metrics(spec.array(), spec.dataflow(), timing, op.m(), op.k(), op.n(),
                options.foldConvention());
        MemoryCost offChip = memory.gemm(spec, op, OperandBits.of(op, storedWeightBits), schedule);
        long streaming = FoldModel.streamingCycles(schedule, spec.dataflow(), timing, op.m(), op.k(), op.n());
        int[] bits = {op.activations().bits(), op.weights().bits(), op.outputs().bits()};
        // DRAM stalls come from the memory model on the unstretched schedule, SRAM stalls from the buffers'
        // width; a design short of both is charged both.
        long sramStalls = SramPortStalls.cycles(spec.buffers(), spec.dataflow(), schedule,
                streaming / schedule.folds(), FoldModel.preloadCycles(spec.array(), spec.dataflow(),
                        options.foldConvention()), bits);
        if (mapping.cycleModel() == CycleModel.PIPELINED) {
            sramStalls = Math.addExact(sramStalls, SramBankConflicts.cycles(spec.buffers(), spec.dataflow(), schedule,
                    streaming / schedule.folds(), op, bits));
        }
        ArrayMetrics metrics = offChip.stallCycles() == 0 && sramStalls == 0 ? schedule
                : schedule.withStalls(offChip.stallCycles(), sramStalls);
        // The cost counts every cycle of the schedule (folds x fold length); SCALE-Sim's figures in `metrics`
        // report the index of the last cycle, one less.
        long scheduleCycles = Math.multiplyExact(metrics.folds(), metrics.foldCycles());
        // units at the array edge that fall behind hold the array up (PeFamily.arrayWaitCycles; 0 for most)
        long wait = family.arrayWaitCycles(spec.pe().params(), cellOp, spec);
        CycleBreakdown cycles = new CycleBreakdown(Math.addExact(streaming, wait), metrics.dramStallCycles(),
                scheduleCycles - streaming, 0, metrics.sramStallCycles());
        long exposedDequant = Math.max(0, dequantVectorCycles(cellOp) - cycles.total());
        if (exposedDequant > 0) {
            cycles = new CycleBreakdown(cycles.compute(), cycles.memoryStall(), cycles.fillDrain(), exposedDequant,
                    cycles.sramStall());
        }

        long[] reads = new long[3];
        long[] writes = new long[3];
        sramAccesses(metrics, reads, writes);
        // per MAC, or per cell and computing cycle: energy per MAC x MACs a cell does per cycle x cells x cycles
        double chargedMacs = options.energyConvention().peEnergy() == EnergyConvention.PeEnergy.PER_MAC ? op.macs()
                : (double) timing.macsPerStep() / timing.cyclesPerStep() * spec.array().cells()
                        * (cycles.compute() + cycles.fillDrain());
        return new GemmEvaluation(assemble(op, cellOp, cycles, reads, writes, offChip, storedWeightBits, chargedMacs)
                .times(op.count()), metrics);
    }

    /**
     * The tile one instance of {@code op} moves between DRAM and the buffers, as the tiled DRAM model chose it for
     * {@link #evaluate(GemmOp)} (the same cached plan); empty when the engine has no tiled DRAM model, the family
     * costs its own GEMMs, or the cycle model is the layer-overlap artefact's.
     */
    public Optional<GemmTile> dramTile(GemmOp op) {
        if (!(memory instanceof TiledDramModel tiled) || mapping.cycleModel() == CycleModel.LAYER_OVERLAP
                || family.customGemmCost(spec.pe().params(), op, spec).isPresent()) {
            return Optional.empty();
        }
        CellTiming timing = family.timing(spec.pe().params(), cellView(op));
        ArrayMetrics schedule = FoldModel.metrics(spec.array(), spec.dataflow(), timing, op.m(), op.k(), op.n(),
                options.foldConvention());
        return Optional.of(tiled.plan(spec, op, OperandBits.of(op, storedWeightBits(op)), schedule).tiling().tile());
    }

    /**
     * Bits one element of {@code op}'s B operand is stored at in DRAM and in the weight SRAM: the family's figure
     * ({@link PeFamily#storedWeightBits}), per-group metadata included.
     */
    public double storedWeightBits(GemmOp op) {
        double bits = family.storedWeightBits(spec.pe().params(), op);
        if (!(bits > 0) || Double.isInfinite(bits)) {
            throw new IllegalStateException(family.id() + ": stored weight bits must be finite and > 0, got " + bits);
        }
        return bits;
    }

    /**
     * The op as the family times and costs its cells: itself, or under {@link StepTiming#NATIVE} re-typed to the
     * family's native activation and weight precisions.
     */
    private GemmOp cellView(GemmOp op) {
        if (options.stepTiming() == StepTiming.OPERANDS) {
            return op;
        }
        NativePrecisions natives = family.nativePrecisions(spec.pe().params());
        return new GemmOp(op.name(), op.kind(), op.m(), op.k(), op.n(), op.count(), natives.activations(),
                natives.weights(), op.outputs(), op.bOperand(), op.weightGroupSize());
    }

    /**
     * Energy, area and sources of one GEMM instance given its cycles, SRAM element accesses and off-chip cost:
     * the part shared by every cycle model. The cell's energies are charged for {@code chargedMacs} MACs (the
     * op's own under the fold model, or every cell in every computing cycle under a per-cell-cycle
     * {@link EnergyConvention}; every lane of every tile under layer-overlap); weight SRAM accesses cost
     * {@code storedWeightBits} each.
     */
    private CostReport assemble(GemmOp op, GemmOp cellOp, CycleBreakdown cycles, long[] reads, long[] writes,
                                MemoryCost offChip, double storedWeightBits, double chargedMacs) {
        String pair = op.activations().format() + "x" + op.weights().format();
        long macs = op.macs();
        if (options.energyConvention().sramAccesses() == EnergyConvention.SramAccesses.PER_MAC) {
            // no reuse inside the array: each MAC reads both its operands, each output is written once
            reads = new long[] {macs, macs, 0};
            writes = new long[] {0, 0, Math.multiplyExact(op.m(), op.n())};
        }
        ActionCounts actions = ActionCounts.of(pair, macs, reads, writes, offChip.bytesByOperand());

        CellCost cell = family.cellCost(spec.pe().params(), cellOp);
        double macScale = scale(cell.node());
        double[] picojoules = new double[CATEGORY_COUNT];
        for (Map.Entry<EnergyCategory, Double> entry : cell.picojoulesPerMac().entrySet()) {
            picojoules[entry.getKey().ordinal()] += entry.getValue() * chargedMacs * macScale;
        }
        double[] bits = {op.activations().bits(), storedWeightBits, op.outputs().bits()};
        for (Operand operand : Operand.values()) {
            int i = operand.ordinal();
            picojoules[SRAM_READ] += (double) reads[i] * bits[i] * sramReadPicojoulesPerBit[i];
            picojoules[SRAM_WRITE] += (double) writes[i] * bits[i] * sramWritePicojoulesPerBit[i];
        }
        picojoules[EnergyCategory.DEQUANT.ordinal()] += dequantPicojoules(cellOp, reads[Operand.WEIGHTS.ordinal()]);
        picojoules[EnergyCategory.DRAM.ordinal()] += offChip.dramPicojoules();
        picojoules[EnergyCategory.STATIC.ordinal()] += cycles.total() * staticPicojoulesPerCycle;
        EnergyBreakdown energy = EnergyBreakdown.ofOrdinals(picojoules);

        double area = cell.cellSquareMicrometres() * spec.array().cells()
                * TechScaling.areaFactor(cell.node(), spec.node());
        Map<String, Double> areas = new TreeMap<>(withDequantArea(designAreas, cellOp));
        areas.put("pe-array", area);
        List<CostSource> sources = new ArrayList<>(cell.sources());
        scalingSource(cell.node()).ifPresent(sources::add);
        for (EdgeUnit unit : family.edgeUnits(spec.pe().params())) {
            areas.merge(unit.unit(), unit.squareMicrometresPerLane() * edgeLanes(unit.operand())
                    * TechScaling.areaFactor(unit.node(), spec.node()), Double::sum);
            sources.add(unit.source());
            TechScaling.sourceFor(unit.node(), spec.node()).ifPresent(sources::add);
        }
        sources.addAll(dequantSources(cellOp));
        sources.addAll(areaSources);
        sources.addAll(baseSources);
        sources.addAll(offChip.sources());
        return new CostReport(cycles, actions, energy, areas, dedupe(sources));
    }

    /**
     * The family's dequantisation statement for {@code op}; the last one is kept, since evaluating a GEMM asks for
     * it four times (energy, area, vector cycles, sources) and building it is a fifth of a small GEMM's cost.
     */
    private DequantStatement dequantisation(GemmOp op) {
        LastDequant last = lastDequant;
        if (last != null && last.op().equals(op)) {
            return last.statement();
        }
        DequantStatement statement = family.dequantisation(spec.pe().params(), op);
        lastDequant = new LastDequant(op, statement);
        return statement;
    }

    /** An op and its dequantisation statement, published whole (so any thread reads a matching pair). */
    private record LastDequant(GemmOp op, DequantStatement statement) {
    }

    /**
     * Dequantisation energy of one instance of {@code op} the family's cost does not already book: the engine-charged
     * steps of its {@link PeFamily#dequantisation} statement ({@link DequantCharge}).
     */
    private double dequantPicojoules(GemmOp op, double weightReads) {
        if (!options.energyConvention().uniformDequant()) {
            return 0;
        }
        return DequantCharge.picojoules(dequantisation(op), op, weightReads, this::scale);
    }

    /**
     * {@code areas} with a {@code dequant} unit: the engine-charged dequantisation steps' units, one per lane of the
     * array edge they sit on (weights converted as they enter: the weights' edge; outputs scaled as they leave: the
     * columns) or one per cell (in the PE), each at its step's area scaled to the spec's node. Steps on the vector
     * unit use its lanes (no area of their own). Nothing without uniform dequantisation charges.
     */
    private Map<String, Double> withDequantArea(Map<String, Double> areas, GemmOp op) {
        if (!options.energyConvention().uniformDequant()) {
            return areas;
        }
        double total = 0;
        for (var step : dequantisation(op).engineCharged()) {
            long units = switch (step.where()) {
                case IN_PE -> spec.array().cells();
                case ARRAY_EDGE -> step.per() == DequantBasis.PER_WEIGHT_READ ? edgeLanes(Operand.WEIGHTS)
                        : step.per() == DequantBasis.PER_ACTIVATION ? edgeLanes(Operand.ACTIVATIONS)
                        : spec.array().cols();
                case VECTOR_UNIT -> 0;
            };
            total += step.unitSquareMicrometres() * units * TechScaling.areaFactor(step.node(), spec.node());
        }
        if (total == 0) {
            return areas;
        }
        Map<String, Double> with = new TreeMap<>(areas);
        with.put("dequant", total);
        return with;
    }

    /**
     * Cycles the vector unit spends on one instance of {@code op}'s engine-charged vector-unit steps: one multiply
     * and one add per count on each lane ({@code ceil(2 × count / lanes)}). They run beside the array as its partial
     * sums appear; only the part beyond the array's own cycles is exposed.
     */
    long dequantVectorCycles(GemmOp op) {
        if (!options.energyConvention().uniformDequant()) {
            return 0;
        }
        double ops = 0;
        for (var step : dequantisation(op).engineCharged()) {
            if (step.where() == DequantSite.VECTOR_UNIT) {
                ops += 2 * DequantCharge.count(step, op, (double) op.k() * op.n());
            }
        }
        return (long) Math.ceil(ops / spec.vectorUnit().lanes());
    }

    private List<CostSource> dequantSources(GemmOp op) {
        List<CostSource> sources = new ArrayList<>();
        if (!options.energyConvention().uniformDequant()) {
            return sources;
        }
        for (var step : dequantisation(op).engineCharged()) {
            sources.add(step.source());
            scalingSource(step.node()).ifPresent(sources::add);
        }
        return sources;
    }

    /**
     * Lanes of the array edge {@code operand} enters by. Under the fold model SCALE-Sim's mapping ({@link FoldModel}):
     * activations stream in along the rows under os and ws and are preloaded through the columns under is; weights
     * enter through the columns under os and ws and stream along the rows under is. Under layer-overlap the rows
     * hold output channels and the columns tokens ({@link LayerOverlapModel}), so weights enter along the rows and
     * activations through the columns.
     */
    int edgeLanes(Operand operand) {
        boolean alongRows = mapping.cycleModel() == CycleModel.LAYER_OVERLAP
                ? operand == Operand.WEIGHTS
                : (operand == Operand.ACTIVATIONS) != (spec.dataflow() == Dataflow.IS);
        return alongRows ? spec.array().rows() : spec.array().cols();
    }

    /**
     * One GEMM instance under {@link CycleModel#LAYER_OVERLAP} (see {@link LayerOverlapModel}): SRAM reads are one
     * element per cell lane per tile (weights {@code K·N·ceil(M/cols)}, activations {@code K·M·ceil(N/rows)}); SRAM
     * writes are what DRAM brings in (weights {@code K·N} and inputs {@code W·M} per fetch) and the outputs, once;
     * the cell's energy is charged for every lane of every tile, {@code tiles × cells × MACs per step}, as the
     * artefact charges its PEs for every compute cycle; the memory model is not consulted.
     */
    private CostReport layerOverlap(GemmOp op, GemmOp cellOp, CellTiming timing, double storedWeightBits) {
        boolean attention = op.kind() == OpKind.ATTENTION_SCORE || op.kind() == OpKind.ATTENTION_CONTEXT;
        long inputWidth = attention ? options.attentionInputWidth().orElse(op.k()) : op.k();
        LayerOverlapModel.Result layer = LayerOverlapModel.gemm(spec, op, timing, storedWeightBits, inputWidth);
        long[] reads = new long[3];
        long[] writes = new long[3];
        long colFolds = FoldModel.ceilDiv(op.m(), (long) spec.array().cols() * timing.lanesM());
        long rowFolds = FoldModel.ceilDiv(op.n(), (long) spec.array().rows() * timing.lanesN());
        reads[Operand.WEIGHTS.ordinal()] = Math.multiplyExact(Math.multiplyExact(op.k(), op.n()), colFolds);
        reads[Operand.ACTIVATIONS.ordinal()] = Math.multiplyExact(Math.multiplyExact(op.k(), op.m()), rowFolds);
        writes[Operand.WEIGHTS.ordinal()] = Math.multiplyExact(Math.multiplyExact(op.k(), op.n()),
                layer.weightFetches());
        writes[Operand.ACTIVATIONS.ordinal()] = Math.multiplyExact(Math.multiplyExact(inputWidth, op.m()),
                layer.inputFetches());
        writes[Operand.OUTPUTS.ordinal()] = Math.multiplyExact(op.m(), op.n());
        MemoryCost offChip = new MemoryCost(layer.stallCycles(), layer.inputDramBytes(), layer.weightDramBytes(),
                layer.outputBytes(), layer.dramPicojoules(), LayerOverlapModel.sources());
        CycleBreakdown cycles = new CycleBreakdown(layer.computeCycles(), layer.stallCycles(), 0, 0);
        long chargedMacs = Math.multiplyExact(Math.multiplyExact(layer.tiles(), spec.array().cells()),
                timing.macsPerStep());
        return assemble(op, cellOp, cycles, reads, writes, offChip, storedWeightBits, chargedMacs);
    }

    /** Cost of every instance of a vector op on the vector unit. */
    public CostReport evaluate(VectorOp op) {
        long cycles = VectorUnitModel.cycles(op.elements(), op.opsPerElement(), spec.vectorUnit().lanes());
        long[] reads = new long[3];
        long[] writes = new long[3];
        reads[Operand.ACTIVATIONS.ordinal()] = op.elements() * op.inputsPerElement();
        reads[Operand.WEIGHTS.ordinal()] = op.parameterElements();
        writes[Operand.OUTPUTS.ordinal()] = op.elements();
        int bits = op.precision().bits();
        double readPicojoules = 0;
        double writePicojoules = 0;
        for (Operand operand : Operand.values()) {
            readPicojoules += (double) reads[operand.ordinal()] * bits * sramReadPicojoulesPerBit[operand.ordinal()];
            writePicojoules += (double) writes[operand.ordinal()] * bits
                    * sramWritePicojoulesPerBit[operand.ordinal()];
        }
        MemoryCost offChip = memory.vector(spec, op, cycles);
        EnergyBreakdown energy = EnergyBreakdown.of(EnergyCategory.VECTOR,
                        op.elements() * op.opsPerElement() * vectorPicojoulesPerOp)
                .plus(EnergyCategory.SRAM_READ, readPicojoules).plus(EnergyCategory.SRAM_WRITE, writePicojoules)
                .plus(EnergyCategory.DRAM, offChip.dramPicojoules())
                .plus(EnergyCategory.STATIC, (cycles + offChip.stallCycles()) * staticPicojoulesPerCycle);
        List<CostSource> sources = new ArrayList<>();
        sources.add(VectorUnitModel.SOURCE);
        scalingSource(VectorUnitModel.node()).ifPresent(sources::add);
        sources.addAll(baseSources);
        sources.addAll(offChip.sources());
        CostReport one = new CostReport(new CycleBreakdown(0, offChip.stallCycles(), 0, cycles),
                ActionCounts.of("", 0, reads, writes, offChip.bytesByOperand()), energy, Map.of(), dedupe(sources));
        return one.times(op.count());
    }

    public CostReport evaluate(Op op) {
        if (op instanceof GemmOp gemm) {
            return evaluate(gemm).cost();
        }
        return evaluate((VectorOp) op);
    }

    /** The graph's ops run back to back: the sum of their costs. */
    public CostReport evaluate(OpGraph graph) {
        CostReport total = CostReport.ZERO;
        for (Op op : graph.ops()) {
            total = total.plus(evaluate(op));
        }
        return total;
    }

    /** A workload phase: its graph run {@code repeats} times back to back (e.g. S denoising steps). */
    public CostReport evaluate(PhaseGraph phase) {
        return evaluate(phase.graph()).times(phase.repeats());
    }

    /** The cost of each op of the graph, in graph order (their sum is {@link #evaluate(OpGraph)}). */
    public List<CostReport> evaluateEach(OpGraph graph) {
        List<CostReport> costs = new ArrayList<>(graph.ops().size());
        for (Op op : graph.ops()) {
            costs.add(evaluate(op));
        }
        return costs;
    }

    /** SRAM element accesses per operand over all folds (SCALE-Sim's ifmap/filter reads and ofmap writes). */
    private static void sramAccesses(ArrayMetrics metrics, long[] reads, long[] writes) {
        for (FoldClass fold : metrics.foldClasses()) {
            reads[Operand.ACTIVATIONS.ordinal()] += Math.multiplyExact(fold.count(), fold.activationReads());
            reads[Operand.WEIGHTS.ordinal()] += Math.multiplyExact(fold.count(), fold.weightReads());
            writes[Operand.OUTPUTS.ordinal()] += Math.multiplyExact(fold.count(), fold.outputWrites());
        }
    }

    private static List<CostSource> dedupe(List<CostSource> sources) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(sources));
    }

    /** Energy factor from a table's node to the spec's, 1 when the energy convention keeps tables as they are. */
    private double scale(TechNode from) {
        return options.energyConvention().scaleToNode() ? TechScaling.energyFactor(from, spec.node()) : 1.0;
    }

    private Optional<CostSource> scalingSource(TechNode from) {
        return options.energyConvention().scaleToNode() ? TechScaling.sourceFor(from, spec.node())
                : Optional.empty();
    }

    /** Node every result of this engine is reported at. */
    public TechNode node() {
        return spec.node();
    }
}
