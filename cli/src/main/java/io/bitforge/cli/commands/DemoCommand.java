package io.bitforge.cli.commands;

import io.bitforge.api.ReproduceRequest;
import io.bitforge.api.RooflineRequest;
import io.bitforge.api.SimulateRequest;
import io.bitforge.api.WorkloadChoice;
import io.bitforge.cli.CliContext;
import io.bitforge.cli.VersionProvider;
import io.bitforge.core.io.TextTable;
import io.bitforge.simulation.reproduce.Reproductions;
import io.bitforge.simulation.reproduce.Sensitivity;
import io.bitforge.core.engine.TiledDramModel;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.quant.Granularity;
import io.bitforge.core.quant.Quantizer;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.workload.WorkloadFactory;
import io.bitforge.reports.html.HtmlReport;
import io.bitforge.reports.results.ResultsWriter;
import io.bitforge.roofline.GenerationSummary;
import io.bitforge.roofline.RooflineChart;
import io.bitforge.roofline.RooflineMachine;
import io.bitforge.roofline.RooflineReport;
import io.bitforge.workloads.llm.LlmWorkload;
import io.bitforge.workloads.llm.WorkloadLookup;
import io.bitforge.workloads.quant.QuantConfig;
import io.bitforge.workloads.tensors.FormatResult;
import io.bitforge.workloads.tensors.MatrixSource;
import io.bitforge.workloads.tensors.QuantStudy;
import io.bitforge.workloads.tensors.SyntheticTensors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bitforge demo}: the main job on embedded defaults. One LLM (Llama-2-7B, prompt 1024, 256 generated
 * tokens) is simulated on every built-in hardware preset at the array's native formats, analysed on a real GPU's
 * roofline at 16 and 4 bits, and its weight formats compared on a seeded LLM-like weight matrix; then the shipped
 * reproductions of published simulators (ANT, BitMoD, MixPE) run through the same engine and their headline ratios
 * are set beside the papers'. Everything is written to a results directory with a manifest.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run BitForge's main job on built-in defaults: simulate an LLM on every preset design, "
                + "draw its roofline on a GPU, compare weight formats, reproduce published simulators' headline "
                + "ratios, and write a results directory.")
public final class DemoCommand implements Callable<Integer> {
    /** Formats compared in the quantisation part, at group size 128 (per channel for OVP, as OliVe uses it). */
    private static final List<String> FORMATS = List.of("int8", "int4", "fp4-e2m1", "flint4", "bitmod-mix4",
            "ovp-int4");
    private static final long SEED = 1;

    private final CliContext context;

    @Option(names = "--workload", defaultValue = "llama-2-7b", description = "An LLM id (default: ${DEFAULT-VALUE}).")
    String workload;

    @Option(names = "--model-config", paramLabel = "FILE", description = "A Hugging Face config.json instead.")
    Path modelConfig;

    @Option(names = "--prompt", defaultValue = "1024", description = "Prefill tokens (default: ${DEFAULT-VALUE}).")
    int prompt;

    @Option(names = "--generate", defaultValue = "256", description = "Generated tokens (default: ${DEFAULT-VALUE}).")
    int generate;

    @Option(names = "--device", defaultValue = "a100-80gb",
            description = "GPU for the roofline part (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--reproductions", defaultValue = "examples/reproduce", paramLabel = "DIR",
            description = "Folder of the shipped reproductions, one sub-folder per paper (default: ${DEFAULT-VALUE}; "
                    + "the part is skipped when it is missing).")
    Path reproductions;

    @Option(names = "--out", defaultValue = "bitforge-demo", paramLabel = "DIR",
            description = "Results directory (default: ${DEFAULT-VALUE}).")
    Path out;

    public DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (prompt < 1 || generate < 1) {
            throw BadInputException.field(null, "--prompt/--generate", prompt + "/" + generate, "must be >= 1");
        }
        WorkloadFactory factory = modelConfig != null
                ? WorkloadLookup.resolve(context.registry(), null, modelConfig)
                : context.registry().workload(workload).orElseThrow(() -> BadInputException.field(null, "--workload",
                        workload, "must be one of " + context.registry().ids(CatalogKind.WORKLOADS)));
        if (!(factory instanceof LlmWorkload llm)) {
            throw BadInputException.field(null, "--workload", workload, "must be an LLM for the demo");
        }
        context.registry().device(device).orElseThrow(() -> BadInputException.field(null, "--device", device,
                "must be one of " + context.registry().ids(CatalogKind.DEVICES)));
        ResultsWriter results = ResultsWriter.create(out, "--out");
        var print = context.out();
        print.printf("BitForge %s demo: %s (%,d parameters), prompt %d, %d generated tokens%n%n",
                VersionProvider.version(), llm.id(), llm.parameterCount(), prompt, generate);

        results.json("designs.json", "the workload simulated on every built-in design (simulate summaries)",
                simulateDesigns(llm));
        results.json("roofline.json", "the workload's roofline on the GPU, per quantisation config",
                roofline(llm, results));
        results.json("formats.json", "weight formats on a seeded LLM-like matrix (quantize rows)", formats());
        results.json("reproductions.json", "headline ratios of the shipped reproductions, measured and published",
                reproductions());
        results.finish("demo", VersionProvider.version(), inputs(), SEED);
        Path page = new HtmlReport(VersionProvider.version()).writeBeside(out);
        print.println("Wrote " + out + ": manifest.json, designs.json, roofline.json, roofline.png/svg, formats.json, "
                + "reproductions.json and the page to open, with the headline tables and charts:");
        print.println(page);
        return 0;
    }

    private List<Object> simulateDesigns(LlmWorkload llm) {
        var print = context.out();
        print.println("1. " + llm.id() + " on every built-in design (cycle-approximate engine, native formats)");
        HardwareSpecLoader loader = new HardwareSpecLoader(context.registry());
        TextTable table = new TextTable(List.of("design", "family", "array", "DRAM", "formats", "TTFT",
                "TPOT", "decode", "energy/token", "", "area", ""))
                .quantity(3, "B/s").quantity(5, "s").quantity(6, "s").quantity(7, "tokens/s").quantity(8, "J")
                .fixedQuantity(10, "mm²");
        List<Object> rows = new ArrayList<>();
        for (String name : context.registry().ids(CatalogKind.HARDWARE)) {
            HardwareSpec spec = loader.resolve(name, "preset");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("design", name);
            row.put("designId", spec.designId());
            row.put("family", spec.pe().family());
            try {
                String quant = nativeQuant(spec);
                Map<String, Object> summary = context.library().simulate(SimulateRequest.builder().hardware(spec)
                        .workload(WorkloadChoice.of(llm)).prompt(prompt).context(prompt).generate(generate)
                        .quant(quant).build()).summaryMap();
                row.put("quant", quant);
                row.put("summary", summary);
                table.row(List.of(name, spec.pe().family(), spec.array().rows() + "x" + spec.array().cols(),
                        1e9 * dramGigabytesPerSecond(spec), row.get("quant"),
                        number(summary, "timeToFirstTokenSeconds"), number(summary, "timePerOutputTokenSeconds"),
                        number(summary, "decodeTokensPerSecond"),
                        number(summary, "energyPerOutputTokenPicojoules") * 1e-12,
                        estimateMark(summary, "peEnergy"),
                        areaSquareMicrometres(summary) / 1e6, estimateMark(summary, "area")));
            } catch (BadInputException e) {
                // A design that cannot run this model (e.g. a family without the needed precision) is reported,
                // not fatal: the other designs' results stand.
                row.put("skipped", e.getMessage());
                table.row(List.of(name, spec.pe().family(), spec.array().rows() + "x" + spec.array().cols(),
                        1e9 * dramGigabytesPerSecond(spec), "skipped", "", "", "", "", "", "", ""));
            }
            rows.add(row);
        }
        print.print(table);
        for (Object row : rows) {
            if (row instanceof Map<?, ?> r && r.containsKey("skipped")) {
                print.println("   " + r.get("design") + " skipped: " + r.get("skipped"));
            }
        }
        print.println("   Each preset keeps its own clock, DRAM and node (see bitforge list and the preset files), so"
                + " rows are designs as published, not an iso-area comparison.");
        print.println("   KV cache at the weight format; TTFT: prefill latency; TPOT: decode latency per token;"
                + " energy/token: all energy / generated tokens; area: PE array, edge units, SRAM and vector unit.");
        print.println("   " + ESTIMATE_MARK + " estimate: the PE's energy or area is a stand-in or taken at an assumed"
                + " node, not a published measurement (designs.json: summary.provenance and summary.sources);"
                + " SRAM area is derived from published bitcells, the vector unit's area is an estimate in every row.");
        print.println();
        return rows;
    }

    /** The array's native formats with the KV cache at the weight format (see QuantConfig). */
    private String nativeQuant(HardwareSpec spec) {
        NativePrecisions natives = context.registry().peFamily(spec.pe().family()).orElseThrow()
                .nativePrecisions(spec.pe().params());
        return QuantConfig.nativeWithKvAtWeightsText(natives.weights(), natives.activations());
    }

    private Map<String, Object> roofline(LlmWorkload llm, ResultsWriter results) {
        var print = context.out();
        print.println("2. Roofline of " + llm.id() + " on " + device + " (analytical bound, LLM-Viewer conventions)");
        io.bitforge.api.BitForge library = context.library();
        RooflineRequest.Builder request = RooflineRequest.builder().device(device).workload(WorkloadChoice.of(llm))
                .prompt(prompt).context(prompt).generate(generate);
        RooflineMachine machine = library.rooflineMachine(request.build());
        TextTable table = new TextTable(List.of("quant", "TTFT", "TPOT", "decode", "weights", "KV cache"))
                .quantity(1, "s").quantity(2, "s").quantity(3, "tokens/s").quantity(4, "B").quantity(5, "B");
        Map<String, Object> byQuant = new LinkedHashMap<>();
        RooflineReport chartReport = null;
        for (String quant : List.of("W16A16KV16", "W4A16KV16g128")) {
            RooflineReport report = library.roofline(request.quant(quant).build());
            GenerationSummary generation = report.generation();
            table.row(List.of(quant, generation.timeToFirstTokenSeconds(), generation.timePerOutputTokenSeconds(),
                    generation.decodeTokensPerSecond(), (double) report.footprint().weightBytes(),
                    (double) report.footprint().kvCacheBytes()));
            byQuant.put(quant, report.toJson());
            if (chartReport == null) {
                chartReport = report;
            }
        }
        print.print(table);
        RooflineChart chart = RooflineChart.of(llm.id() + " on " + device + " (W16A16)", machine,
                chartReport.phases());
        results.chart("roofline", "roofline of every op at W16A16", chart.chart(), 1000, 700);
        print.println();
        return byQuant;
    }

    private List<Object> formats() {
        var print = context.out();
        int rows = 256;
        int cols = 1024;
        print.printf("3. Weight formats on a seeded %dx%d LLM-like matrix (0.5%% outlier channels at 20x)%n", rows,
                cols);
        float[] weights = SyntheticTensors.llmOutliers(rows, cols, SEED, SyntheticTensors.DEFAULT_OUTLIER_FRACTION,
                SyntheticTensors.DEFAULT_OUTLIER_RATIO);
        List<Quantizer> quantizers = new ArrayList<>();
        for (String id : FORMATS) {
            Quantizer.Builder builder = Quantizer.builder(NumberFormats.parse(id));
            if (id.startsWith("ovp")) {
                builder.granularity(Granularity.CHANNEL);
            } else {
                builder.granularity(Granularity.GROUP).groupSize(128);
            }
            quantizers.add(builder.build());
        }
        List<FormatResult> results = new QuantStudy(quantizers, 16, SEED, QuantStudy.DEFAULT_BLOCK_ELEMENTS, n -> {
        }).run(List.of(MatrixSource.of("llm-outliers", rows, cols, weights)));
        TextTable table = new TextTable(List.of("format", "granularity", "bits/element", "SQNR", "W.X SQNR"))
                .fixedQuantity(2, "").fixedQuantity(3, "dB").fixedQuantity(4, "dB");
        List<Object> json = new ArrayList<>();
        for (FormatResult r : results) {
            table.row(List.of(r.format(), r.granularity(), r.bitsPerElement(), r.sqnrDecibels(),
                    r.matmulSqnrDecibels()));
            json.add(r);
        }
        print.print(table);
        print.println();
        return json;
    }

    /** Every shipped reproduction's headline ratios that the paper or its artefact publishes. */
    private List<Object> reproductions() {
        var print = context.out();
        print.println("4. Published simulators reproduced through the same engine (bitforge reproduce PAPER for the "
                + "per-model tables)");
        List<Object> json = new ArrayList<>();
        if (!Files.isDirectory(reproductions)) {
            print.println("   skipped: " + reproductions + " not found (run from the BitForge checkout)");
            print.println();
            return json;
        }
        TextTable table = new TextTable(List.of("paper", "headline ratio", "artefact's accounting",
                "BitForge's accounting", "published", "difference")).fixedQuantity(2, "×").fixedQuantity(3, "×")
                .fixedQuantity(4, "×");
        for (String paper : Reproductions.PAPERS) {
            Reproductions.Outcome outcome = context.library().reproduce(new ReproduceRequest(paper,
                    reproductions.resolve(paper), Sensitivity.Scope.COMBINED));
            for (Reproductions.Headline headline : outcome.headlines()) {
                if (headline.paper().isEmpty()) {
                    continue;
                }
                double published = headline.paper().getAsDouble();
                double difference = headline.value() / published - 1;
                // BitForge's accounting: every artefact-specific choice switched to BitForge's own modelling
                Double bitforge = outcome.sensitivity().flatMap(s -> s.bitforge().value(headline.name()))
                        .orElse(null);
                table.row(java.util.Arrays.asList(paper, headline.name(), headline.value(), bitforge, published,
                        String.format(Locale.ROOT, "%+.1f%%", 100 * difference)));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("paper", paper);
                row.put("name", headline.name());
                row.put("value", headline.value());
                row.put("bitforgeAccounting", bitforge);
                row.put("published", published);
                row.put("relativeDifference", difference);
                row.put("source", headline.paperSource());
                json.add(row);
            }
        }
        print.print(table);
        print.println("   artefact's accounting: its own conventions (static power, companion work, step timing...);");
        print.println("   BitForge's: all of them switched to BitForge's modelling (bitforge reproduce PAPER "
                + "--sensitivity).");
        print.println("   published: the paper's abstract, or its artefact's own output where the abstract differs;");
        print.println("   difference: artefact's accounting vs published (see docs/reproductions.md).");
        print.println();
        return json;
    }

    private Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("workload", workload);
        inputs.put("prompt", prompt);
        inputs.put("generate", generate);
        inputs.put("device", device);
        inputs.put("designs", context.registry().ids(CatalogKind.HARDWARE));
        inputs.put("formats", FORMATS);
        inputs.put("reproductions", reproductions.toString());
        return inputs;
    }

    private double dramGigabytesPerSecond(HardwareSpec spec) {
        return TiledDramModel.specBandwidth(spec, context.registry()) * spec.clockHertz() / 1e9;
    }

    /** Footnote mark of figures whose PE part is an estimate. */
    private static final String ESTIMATE_MARK = "†";

    /**
     * {@link #ESTIMATE_MARK} when the summary's provenance says the PE energy ({@code peEnergy}) or the PE array's
     * area ({@code area}) is an estimate, else empty.
     */
    private static String estimateMark(Map<String, Object> summary, String figure) {
        if (!(summary.get("provenance") instanceof Map<?, ?> provenance)) {
            return "";
        }
        Object value = figure.equals("area") && provenance.get("area") instanceof Map<?, ?> units
                ? units.get("pe-array") : provenance.get(figure);
        return "estimate".equals(value) ? ESTIMATE_MARK : "";
    }

    /** The summary's area is per unit (pe-array, ...); the design's area is their sum. */
    private static double areaSquareMicrometres(Map<String, Object> summary) {
        return summary.get("areaSquareMicrometres") instanceof Map<?, ?> units
                ? units.values().stream().mapToDouble(v -> ((Number) v).doubleValue()).sum() : Double.NaN;
    }

    private static double number(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
