package io.bitforge.simulation;

import io.bitforge.core.io.Csv;
import io.bitforge.core.io.TextTable;
import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.op.VectorOp;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.core.workload.PhaseKind;
import io.bitforge.core.workload.WorkloadSettings;
import io.bitforge.core.units.HumanUnits;
import io.bitforge.core.units.QuantityColumn;
import io.bitforge.simulation.cost.DramFigures;
import io.bitforge.simulation.residency.WeightResidency;
import io.bitforge.workloads.diffusion.DiffusionQuant;
import io.bitforge.workloads.diffusion.DiffusionRun;
import io.bitforge.workloads.diffusion.DiffusionWorkload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bitforge simulate} for a diffusion workload: every phase through the {@link Simulator} (engine cost, DRAM
 * floor per op), then per-step, per-request and per-image latency, images per second and energy
 * ({@link DiffusionRun}), as text, JSON (fixed key order) and CSV (one row per op).
 */
public final class DiffusionReport implements SimulationOutcome {
    private static final int TOP_OPS = 15;

    private final HardwareSpec spec;
    private final DramFigures dram;
    private final DiffusionWorkload workload;
    private final WorkloadSettings settings;
    private final DiffusionQuant quant;
    private final List<PhaseResult> phases;
    private final DiffusionRun run;
    private final WeightResidency residency;

    private DiffusionReport(HardwareSpec spec, DramFigures dram, DiffusionWorkload workload, WorkloadSettings settings,
                            List<PhaseResult> phases, WeightResidency residency) {
        this.spec = spec;
        this.residency = residency;
        this.dram = dram;
        this.workload = workload;
        this.settings = settings;
        this.quant = DiffusionQuant.parse(settings.quant(), settings.options());
        this.phases = List.copyOf(phases);
        Map<String, PhaseResult> byName = new LinkedHashMap<>();
        phases.forEach(p -> byName.put(p.phase().name(), p));
        this.run = DiffusionRun.of(phases.stream().map(PhaseResult::phase).toList(), phase -> {
            PhaseResult result = byName.get(phase.name());
            return new DiffusionRun.PhaseCost(result.cycles(), result.cost().totalPicojoules());
        }, spec.clockHertz());
    }

    /** Builds the workload's phases for {@code settings} and simulates each once. */
    public static DiffusionReport simulate(Simulator simulator, HardwareSpec spec, DramFigures dram,
                                           DiffusionWorkload workload, WorkloadSettings settings) {
        return simulate(simulator, spec, dram, workload, settings, null);
    }

    /** @param residency the model's weights resident in the array (the simulator's), or null when fed from DRAM */
    public static DiffusionReport simulate(Simulator simulator, HardwareSpec spec, DramFigures dram,
                                           DiffusionWorkload workload, WorkloadSettings settings,
                                           WeightResidency residency) {
        List<PhaseResult> results = new ArrayList<>();
        for (PhaseGraph phase : workload.build(settings)) {
            try {
                results.add(simulator.run(phase));
            } catch (BadRequestException e) {
                throw e.withHint(hint(e.getMessage()));
            } catch (BadInputException e) {
                throw new BadInputException(e.getMessage() + hint(e.getMessage()), e);
            }
        }
        return new DiffusionReport(spec, dram, workload, settings, results, residency);
    }

    /** Why a diffusion op may not fit a single-format array, and what to write instead. */
    private static String hint(String message) {
        if (message.contains(".lowrank_")) {
            return "; SVDQuant's low-rank branch runs at fp16, beside the 4-bit GEMM: the array must run both";
        }
        if (message.contains("fp16")) {
            return "; the quant config leaves embed and matmul at fp16 unless named, e.g. all:W8A8 or all:W8A8,ffn:W4A8";
        }
        return "";
    }

    public DiffusionRun run() {
        return run;
    }

    /** Each phase's result, in execution order. */
    public List<PhaseResult> phases() {
        return phases;
    }

    /** The model's weights resident in the array, empty for families fed from DRAM. */
    public Optional<WeightResidency> residency() {
        return Optional.ofNullable(residency);
    }

    private long latentSide() {
        return settings.resolution() / workload.vae().scaleFactor();
    }

    /** The whole request's cost: each phase times its runs. */
    private CostReport requestCost() {
        CostReport total = CostReport.ZERO;
        for (PhaseResult p : phases) {
            total = total.plus(p.cost().times(p.phase().repeats()));
        }
        return total;
    }

    private PhaseResult step() {
        return phases.stream().filter(p -> p.phase().kind() == PhaseKind.DENOISE_STEP).findFirst().orElseThrow();
    }

    /** The diffusion result has no per-GEMM mapping section: {@code explain} changes nothing. */
    @Override
    public Map<String, Object> asMap(boolean explain) {
        return asMap();
    }

    @Override
    public String text(boolean explain) {
        return text();
    }

    public Map<String, Object> asMap() {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> wl = new LinkedHashMap<>();
        wl.put("id", workload.id());
        wl.put("kind", workload.kind());
        wl.put("architecture", workload.architecture());
        wl.put("source", workload.source());
        wl.put("parameters", workload.parameterCount());
        wl.put("resolution", settings.resolution());
        wl.put("latentSide", latentSide());
        wl.put("latentChannels", workload.denoiser().latentChannels());
        wl.put("steps", settings.steps());
        wl.put("batch", settings.batch());
        wl.put("guidance", settings.guidance());
        wl.put("denoiserBatch", settings.guidance() ? 2L * settings.batch() : settings.batch());
        wl.put("options", settings.options());
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("text", settings.quant());
        q.put("layerKinds", quant.label());
        q.put("svdquantRank", quant.svdquantRank());
        wl.put("quant", q);
        root.put("workload", wl);
        Map<String, Object> hw = new LinkedHashMap<>();
        hw.put("designId", spec.designId());
        hw.put("spec", spec.asMap());
        hw.put("dram", dram.asMap());
        root.put("hardware", hw);
        if (residency != null) {
            root.put("weightResidency", residency.asMap());
        }
        Map<String, Object> summary = new LinkedHashMap<>(run.summary());
        summary.put("stepUtilizationPercent", step().utilizationPercent());
        summary.put("requestEnergyPicojoules", OpResult.energyMap(requestCost()));
        root.put("summary", summary);
        List<Object> phaseList = new ArrayList<>();
        for (PhaseResult p : phases) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.phase().name());
            pm.put("kind", p.phase().kind().name().toLowerCase(Locale.ROOT));
            pm.put("runs", p.phase().repeats());
            pm.put("cyclesPerRun", p.cycles());
            pm.put("latencySecondsPerRun", p.latencySeconds());
            pm.put("macsPerRun", p.macs());
            pm.put("utilizationPercent", p.utilizationPercent());
            pm.put("energyPicojoulesPerRun", OpResult.energyMap(p.cost()));
            List<Object> ops = new ArrayList<>();
            for (OpResult op : p.ops()) {
                ops.add(opMap(op, p));
            }
            pm.put("ops", ops);
            phaseList.add(pm);
        }
        root.put("phases", phaseList);
        return root;
    }

    private Map<String, Object> opMap(OpResult result, PhaseResult phase) {
        Map<String, Object> map = OpDescription.of(result.op());
        map.putAll(result.figures(phase.cycles(), spec.clockHertz()));
        return map;
    }

    /** One CSV row per op of every phase; {@code runs} says how often the phase runs per request. */
    public String csv() {
        StringBuilder out = new StringBuilder(Csv.line(List.of("phase", "runs", "op", "kind", "count", "m", "k", "n",
                "elements", "activations", "weights", "macs", "engineCycles", "dramCycles", "cycles", "bound",
                "utilizationPercent", "energyPicojoules")));
        for (PhaseResult p : phases) {
            for (OpResult r : p.ops()) {
                List<Object> row = new ArrayList<>();
                row.add(p.phase().name());
                row.add(p.phase().repeats());
                row.addAll(r.shapeCells());
                row.add(r.op() instanceof GemmOp gemm ? gemm.totalMacs() : 0);
                row.add(r.engineCycles());
                row.add(r.dramCycles());
                row.add(r.cycles());
                row.add(r.bound());
                row.add(r.utilizationPercent());
                row.add(r.cost().totalPicojoules());
                out.append(Csv.line(row));
            }
        }
        return out.toString();
    }

    /** The readable summary, the phase table and the costliest ops of one denoising step. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(workload.id()).append(" (").append(String.format(Locale.ROOT, "%,d", workload.parameterCount()))
                .append(" parameters, ").append(workload.architecture()).append(") on ").append(spec.name())
                .append(": ").append(spec.pe().family()).append(' ').append(spec.array().rows()).append('x')
                .append(spec.array().cols()).append(' ').append(spec.dataflow().id()).append(", ")
                .append(fmt(spec.clockMegahertz(), 0)).append(" MHz, ").append(spec.node().id()).append('\n');
        out.append("image       ").append(settings.resolution()).append('x').append(settings.resolution())
                .append(" px, latent ").append(workload.denoiser().latentChannels()).append('x').append(latentSide())
                .append('x').append(latentSide()).append(", ").append(settings.steps()).append(" steps, batch ")
                .append(settings.batch()).append(settings.guidance() ? ", guidance on (denoiser batch "
                        + 2L * settings.batch() + ")" : ", no guidance").append('\n');
        out.append("quant       ").append(settings.quant()).append(" -> ").append(quant.label()).append('\n');
        out.append("DRAM        ").append(dram.name()).append(", ").append(fmt(dram.bytesPerCycle(), 1))
                .append(" B/cycle, ").append(fmt(dram.picojoulesPerBit(), 2)).append(" pJ/bit\n");
        if (residency != null) {
            out.append("weights     ").append(residency.summary()).append('\n');
        }
        out.append('\n');

        TextTable phaseTable = new TextTable(List.of("phase", "runs", "cycles/run", "time/run", "MACs/run",
                "energy/run", "util")).quantity(3, "s").quantity(4, "").quantity(5, "J").fixedQuantity(6, "%");
        for (PhaseResult p : phases) {
            phaseTable.row(List.of(p.phase().name(), p.phase().repeats(), p.cycles(), p.latencySeconds(),
                    (double) p.macs(), p.cost().totalPicojoules() * 1e-12, p.utilizationPercent()));
        }
        out.append(phaseTable).append('\n');
        out.append("per step               ").append(HumanUnits.seconds(run.stepSeconds())).append(", ")
                .append(HumanUnits.joules(run.stepJoules())).append('\n');
        out.append("per request            ").append(HumanUnits.seconds(run.requestSeconds())).append(", ")
                .append(run.requestCycles()).append(" cycles, ").append(run.images()).append(" image(s)\n");
        out.append("per image              ").append(HumanUnits.seconds(run.secondsPerImage())).append(", ")
                .append(HumanUnits.joules(run.joulesPerImage())).append('\n');
        out.append("images/s               ").append(HumanUnits.count(run.imagesPerSecond())).append('\n');
        CostReport request = requestCost();
        // Every category in one prefix, chosen by the largest, so the line compares at a glance.
        List<String> names = new java.util.ArrayList<>();
        List<Double> joules = new java.util.ArrayList<>();
        for (EnergyCategory category : EnergyCategory.values()) {
            double value = request.energy().picojoules(category);
            if (value != 0) {
                names.add(category.name());
                joules.add(value * 1e-12);
            }
        }
        QuantityColumn byCategory = QuantityColumn.of("request energy", "J", joules);
        out.append(String.format(Locale.ROOT, "%-22s", byCategory.header()));
        for (int i = 0; i < names.size(); i++) {
            out.append(i == 0 ? " " : "  ").append(names.get(i)).append(' ').append(byCategory.cell(joules.get(i)));
        }
        out.append("\nstep array utilisation ").append(fmt(step().utilizationPercent(), 2)).append(" %\n\n");

        PhaseResult step = step();
        out.append("costliest ops of one denoising step (").append(Math.min(TOP_OPS, step.ops().size())).append(" of ")
                .append(step.ops().size()).append("; the CSV lists every op):\n");
        TextTable ops = new TextTable(List.of("op", "kind", "count", "shape", "cycles", "share", "bound", "util",
                "energy")).fixedQuantity(5, "%").fixedQuantity(7, "%").quantity(8, "J");
        step.ops().stream().sorted(Comparator.comparingLong(OpResult::cycles).reversed()).limit(TOP_OPS).forEach(r -> {
            Op op = r.op();
            String shape = op instanceof GemmOp g ? g.m() + "x" + g.k() + "x" + g.n()
                    : ((VectorOp) op).elements() + " el";
            ops.row(List.of(op.name(), op.kind().name().toLowerCase(Locale.ROOT), op.count(), shape, r.cycles(),
                    step.cycles() == 0 ? 0.0 : 100.0 * r.cycles() / step.cycles(), r.bound(),
                    op instanceof GemmOp ? (Object) r.utilizationPercent() : "", r.cost().totalPicojoules() * 1e-12));
        });
        out.append(ops);
        return out.toString();
    }

    private static String fmt(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
