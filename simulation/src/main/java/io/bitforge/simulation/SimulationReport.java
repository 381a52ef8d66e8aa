package io.bitforge.simulation;

import io.bitforge.simulation.residency.WeightResidency;
import io.bitforge.core.io.Csv;
import io.bitforge.core.cost.CostReport;
import io.bitforge.core.engine.ArrayMetrics;
import io.bitforge.core.engine.CostProvenance;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.op.VectorOp;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.workload.PhaseKind;
import io.bitforge.core.workload.WorkloadSettings;
import io.bitforge.simulation.cost.DramFigures;
import io.bitforge.workloads.llm.AttentionCounting;
import io.bitforge.workloads.llm.Capacity;
import io.bitforge.workloads.llm.DecodeAttention;
import io.bitforge.workloads.llm.LlmOptions;
import io.bitforge.workloads.llm.LlmWorkload;
import io.bitforge.workloads.llm.SlidingWindow;
import io.bitforge.workloads.quant.QuantConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An LLM simulation's result (prefill and/or decode on one design) as text, JSON (a map in a fixed key order) and
 * CSV. */
public final class SimulationReport implements SimulationOutcome {
    private final HardwareSpec spec;
    private final DramFigures dram;
    private final LlmWorkload workload;
    private final WorkloadSettings settings;
    private final QuantConfig quant;
    private final LlmOptions options;
    private final List<PhaseResult> phases;
    private final Capacity.Report capacity;
    private final WeightResidency residency;
    /** Provenance of the area units and the PE energy; null when the run has no GEMM. */
    private final CostProvenance provenance;

    public SimulationReport(HardwareSpec spec, DramFigures dram, LlmWorkload workload, WorkloadSettings settings,
                            QuantConfig quant, LlmOptions options, List<PhaseResult> phases,
                            Capacity.Report capacity) {
        this(spec, dram, workload, settings, quant, options, phases, capacity, null, null);
    }

    /** @param residency the model's weights resident in the array, or null for families fed from DRAM */
    public SimulationReport(HardwareSpec spec, DramFigures dram, LlmWorkload workload, WorkloadSettings settings,
                            QuantConfig quant, LlmOptions options, List<PhaseResult> phases,
                            Capacity.Report capacity, WeightResidency residency) {
        this(spec, dram, workload, settings, quant, options, phases, capacity, residency, null);
    }

    private SimulationReport(HardwareSpec spec, DramFigures dram, LlmWorkload workload, WorkloadSettings settings,
                             QuantConfig quant, LlmOptions options, List<PhaseResult> phases,
                             Capacity.Report capacity, WeightResidency residency, CostProvenance provenance) {
        this.residency = residency;
        this.provenance = provenance;
        this.spec = spec;
        this.dram = dram;
        this.workload = workload;
        this.settings = settings;
        this.quant = quant;
        this.options = options;
        this.phases = List.copyOf(phases);
        this.capacity = capacity;
    }

    /** The same report with the provenance of its cost figures. */
    public SimulationReport withProvenance(CostProvenance newProvenance) {
        return new SimulationReport(spec, dram, workload, settings, quant, options, phases, capacity, residency,
                newProvenance);
    }

    /** Provenance of the area units and the PE energy, when the run has a GEMM. */
    public Optional<CostProvenance> provenance() {
        return Optional.ofNullable(provenance);
    }

    Optional<PhaseResult> phase(PhaseKind kind) {
        return phases.stream().filter(p -> p.phase().kind() == kind).findFirst();
    }

    public long totalCycles() {
        return phases.stream().mapToLong(PhaseResult::cycles).sum();
    }

    public double latencySeconds() {
        return phases.stream().mapToDouble(PhaseResult::latencySeconds).sum();
    }

    public long outputTokens() {
        return phases.stream().mapToLong(p -> p.phase().outputItems()).sum();
    }

    public CostReport totalCost() {
        CostReport total = CostReport.ZERO;
        for (PhaseResult p : phases) {
            total = total.plus(p.cost());
        }
        return total;
    }

    public double utilizationPercent() {
        long cycles = totalCycles();
        return cycles == 0 ? 0 : phases.stream().mapToDouble(p -> p.utilizationPercent() * p.cycles()).sum() / cycles;
    }

    /** The context decode starts from: the prompt when both phases run. */
    long decodeContext() {
        return settings.phase().equals("both") ? settings.prompt() : settings.context();
    }

    String prefillAttention() {
        return options.attention() == AttentionCounting.FULL
                ? "full prompt x prompt rectangle (no causal mask)"
                : "causal, blocks of " + options.causalBlock()
                        + " rows (masked blocks skipped, diagonal blocks in full)";
    }

    Map<String, Object> decodeAttention() {
        DecodeAttention growth = new DecodeAttention(decodeContext(), settings.generate(), options.kvBucket());
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("firstStepKeys", decodeContext() + 1);
        map.put("lastStepKeys", decodeContext() + settings.generate());
        map.put("bucketKeys", options.kvBucket());
        map.put("gemmShapes", growth.buckets().size());
        map.put("keysExact", growth.exactKeys());
        map.put("keysRepresented", growth.representedKeys());
        SlidingWindow window = workload.model().attention().window();
        if (window.isPresent()) {
            map.put("slidingWindowTokens", window.tokens());
            map.put("slidingWindowLayers", window.layers());
        }
        return map;
    }

    public HardwareSpec spec() {
        return spec;
    }

    public DramFigures dram() {
        return dram;
    }

    public LlmWorkload workload() {
        return workload;
    }

    public WorkloadSettings settings() {
        return settings;
    }

    public QuantConfig quant() {
        return quant;
    }

    public LlmOptions options() {
        return options;
    }

    public List<PhaseResult> phases() {
        return phases;
    }

    /** The weights resident in the array, for families that keep them there. */
    public Optional<WeightResidency> residency() {
        return Optional.ofNullable(residency);
    }

    public Capacity.Report capacity() {
        return capacity;
    }

    /** The full result; {@code explain} adds each GEMM's mapping. */
    public Map<String, Object> asMap(boolean explain) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> wl = new LinkedHashMap<>();
        wl.put("id", workload.id());
        wl.put("source", workload.source());
        wl.put("parameters", workload.parameterCount());
        wl.put("phase", settings.phase());
        wl.put("batch", settings.batch());
        if (phase(PhaseKind.PREFILL).isPresent()) {
            wl.put("prompt", settings.prompt());
            wl.put("prefillAttention", prefillAttention());
            wl.put("lmHead", options.lmHeadAllTokens() ? "all tokens" : "last token of each sequence");
        }
        if (phase(PhaseKind.DECODE).isPresent()) {
            wl.put("context", decodeContext());
            wl.put("generate", settings.generate());
            wl.put("decodeAttention", decodeAttention());
        }
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("text", quant.text());
        q.put("weights", quant.weights().format());
        q.put("activations", quant.activations().format());
        q.put("kvCache", quant.kvCache().format());
        q.put("weightGroupSize", quant.weightGroupSize());
        q.put("lmHead", quant.lmHead().format());
        q.put("highPrecision", quant.highPrecision().format());
        q.put("highPrecisionOps", quant.highPrecisionKinds().stream().map(k -> k.name().toLowerCase(Locale.ROOT))
                .sorted().toList());
        q.put("outlierFraction", quant.outlierFraction());
        wl.put("quant", q);
        root.put("workload", wl);
        Map<String, Object> hw = new LinkedHashMap<>();
        hw.put("designId", spec.designId());
        hw.put("spec", spec.asMap());
        hw.put("dram", dram.asMap());
        root.put("hardware", hw);
        root.put("capacity", capacityMap());
        if (residency != null) {
            root.put("weightResidency", residency.asMap());
        }
        root.put("summary", summaryMap());
        List<Object> phaseList = new ArrayList<>();
        for (PhaseResult p : phases) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.phase().name());
            pm.put("graph", p.phase().graph().name());
            pm.put("totalCycles", p.cycles());
            pm.put("latencySeconds", p.latencySeconds());
            pm.put("outputTokens", p.phase().outputItems());
            pm.put("macs", p.macs());
            pm.put("utilizationPercent", p.utilizationPercent());
            pm.put("energyPicojoules", OpResult.energyMap(p.cost()));
            List<Object> ops = new ArrayList<>();
            for (OpResult op : p.ops()) {
                ops.add(opMap(op, p, explain));
            }
            pm.put("ops", ops);
            phaseList.add(pm);
        }
        root.put("phases", phaseList);
        return root;
    }

    private Map<String, Object> capacityMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("fits", capacity.fits());
        map.put("weightBytes", capacity.weightBytes());
        map.put("kvCacheBytes", capacity.kvCacheBytes());
        map.put("activationBytesEstimate", capacity.activationBytes());
        map.put("requiredBytes", capacity.requiredBytes());
        map.put("capacityBytes", capacity.capacityBytes());
        map.put("largestBatch", capacity.largestBatch());
        map.put("largest" + capitalised(capacity.lengthName()), capacity.largestLength());
        return map;
    }

    /** Totals: cycles, latency, TTFT, TPOT, tokens/s, energy by category and per token, utilisation, area. */
    public Map<String, Object> summaryMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        double latency = latencySeconds();
        map.put("totalCycles", totalCycles());
        map.put("latencySeconds", latency);
        phase(PhaseKind.PREFILL).ifPresent(p -> {
            map.put("timeToFirstTokenSeconds", p.latencySeconds());
            map.put("prefillTokensPerSecond", (double) settings.batch() * settings.prompt() / p.latencySeconds());
        });
        phase(PhaseKind.DECODE).ifPresent(p -> {
            map.put("timePerOutputTokenSeconds", p.latencySeconds() / settings.generate());
            map.put("decodeTokensPerSecond", p.phase().outputItems() / p.latencySeconds());
        });
        map.put("outputTokens", outputTokens());
        map.put("tokensPerSecond", outputTokens() / latency);
        CostReport total = totalCost();
        map.put("energyPicojoules", OpResult.energyMap(total));
        map.put("energyPerOutputTokenPicojoules", total.totalPicojoules() / outputTokens());
        map.put("utilizationPercent", utilizationPercent());
        map.put("areaSquareMicrometres", total.areaSquareMicrometres());
        if (provenance != null) {
            map.put("provenance", provenance.toMap());
        }
        map.put("sources", sources(total));
        return map;
    }

    /** Every cost source of the run with its citation, node and provenance. */
    private static List<Map<String, Object>> sources(CostReport total) {
        List<Map<String, Object>> sources = new java.util.ArrayList<>();
        for (io.bitforge.core.cost.CostSource source : total.sources()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", source.id());
            s.put("citation", source.citation());
            s.put("node", source.node());
            s.put("provenance", source.provenance().id());
            sources.add(s);
        }
        return sources;
    }

    private Map<String, Object> opMap(OpResult result, PhaseResult phase, boolean explain) {
        Op op = result.op();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("phase", result.phase());
        map.putAll(OpDescription.of(op));
        map.put("ops", op.totalOps());
        Map<String, Object> bytes = new LinkedHashMap<>();
        bytes.put("loadWeight", result.footprint().loadWeightBytes());
        bytes.put("loadActivation", result.footprint().loadActivationBytes());
        bytes.put("storeActivation", result.footprint().storeActivationBytes());
        bytes.put("loadKvCache", result.footprint().loadKvBytes());
        bytes.put("storeKvCache", result.footprint().storeKvBytes());
        map.put("bytes", bytes);
        map.putAll(result.figures(phase.cycles(), spec.clockHertz()));
        if (explain && op instanceof GemmOp gemm) {
            map.put("mapping", mapping(gemm, result.metrics()));
        }
        return map;
    }

    /** How the fold model lays one instance of the GEMM onto the array, and why. */
    Map<String, Object> mapping(GemmOp op, ArrayMetrics metrics) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (metrics == null) {
            map.put("why", "the PE family " + spec.pe().family() + " costs this GEMM itself (not a systolic fold)");
            return map;
        }
        String[] dims = switch (metrics.dataflow()) {
            case OS -> new String[] {"M", "N", "K"};
            case WS -> new String[] {"K", "N", "M"};
            case IS -> new String[] {"K", "M", "N"};
        };
        long rows = spec.array().rows();
        long cols = spec.array().cols();
        map.put("dataflow", metrics.dataflow().id());
        map.put("arrayRows", dims[0]);
        map.put("arrayCols", dims[1]);
        map.put("streamed", dims[2]);
        map.put("cellLanes", Map.of("m", metrics.timing().lanesM(), "k", metrics.timing().lanesK(),
                "n", metrics.timing().lanesN()));
        map.put("cyclesPerStep", metrics.timing().cyclesPerStep());
        map.put("tile", dims[0] + " " + rows + " x " + dims[1] + " " + cols + " per fold, " + dims[2]
                + " streamed whole");
        map.put("rowFolds", metrics.rowFolds());
        map.put("colFolds", metrics.colFolds());
        map.put("foldCycles", metrics.foldCycles());
        map.put("loopOrder", "folds one after another, each streaming all of " + dims[2]);
        map.put("mappingEfficiencyPercent", metrics.mappingEfficiencyPercent());
        map.put("why", "dataflow " + metrics.dataflow().id() + " from the spec puts " + dims[0] + " on the "
                + rows + " rows and " + dims[1] + " on the " + cols + " columns and streams " + dims[2]
                + " (SCALE-Sim v2 fold model)" + (spec.mapping().isEmpty() ? ""
                : "; DRAM tiles and loop order follow the mapping's pins"));
        return map;
    }

    /** One CSV row per op. */
    public String csv() {
        List<String> header = List.of("phase", "op", "kind", "count", "m", "k", "n", "elements", "activations",
                "weights", "outputs", "macs", "ops", "loadWeightBytes", "loadActivationBytes", "storeActivationBytes",
                "loadKvCacheBytes", "storeKvCacheBytes", "engineCycles", "dramCycles", "cycles", "latencySeconds",
                "bound", "utilizationPercent", "energyPicojoules");
        StringBuilder out = new StringBuilder(Csv.line(header));
        for (PhaseResult phase : phases) {
            for (OpResult r : phase.ops()) {
                Op op = r.op();
                GemmOp gemm = op instanceof GemmOp g ? g : null;
                VectorOp vector = op instanceof VectorOp v ? v : null;
                List<Object> row = new ArrayList<>();
                row.add(r.phase());
                row.addAll(r.shapeCells());
                row.add(gemm == null ? vector.precision().format() : gemm.outputs().format());
                row.add(gemm == null ? 0 : gemm.totalMacs());
                row.add(op.totalOps());
                row.add(r.footprint().loadWeightBytes());
                row.add(r.footprint().loadActivationBytes());
                row.add(r.footprint().storeActivationBytes());
                row.add(r.footprint().loadKvBytes());
                row.add(r.footprint().storeKvBytes());
                row.add(r.engineCycles());
                row.add(r.dramCycles());
                row.add(r.cycles());
                row.add(r.cycles() / spec.clockHertz());
                row.add(r.bound());
                row.add(r.utilizationPercent());
                row.add(r.cost().totalPicojoules());
                out.append(Csv.line(row));
            }
        }
        return out.toString();
    }

    /** The readable summary and per-op table. */
    public String text(boolean explain) {
        return new SimulationText(this).render(explain);
    }

    static String fmt(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
