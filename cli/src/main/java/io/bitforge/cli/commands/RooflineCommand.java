package io.bitforge.cli.commands;

import io.bitforge.api.RooflineRequest;
import io.bitforge.api.WorkloadChoice;
import io.bitforge.cli.CliContext;
import io.bitforge.cli.VersionProvider;
import io.bitforge.core.io.AtomicFiles;
import io.bitforge.core.io.Csv;
import io.bitforge.cli.output.OutputTarget;
import io.bitforge.core.io.TextTable;
import io.bitforge.core.device.Device;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import io.bitforge.core.workload.WorkloadFactory;
import io.bitforge.roofline.GenerationSummary;
import io.bitforge.roofline.MemoryFootprint;
import io.bitforge.roofline.OpRoofline;
import io.bitforge.roofline.PhaseRoofline;
import io.bitforge.roofline.RooflineChart;
import io.bitforge.roofline.RooflineMachine;
import io.bitforge.roofline.RooflineReport;
import io.bitforge.roofline.Totals;
import io.bitforge.workloads.llm.WorkloadLookup;
import io.bitforge.reports.chart.ChartRender;
import io.bitforge.reports.results.ResultsWriter;
import io.bitforge.core.units.HumanUnits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bitforge roofline}: lays a workload's ops against the roofs of a real device or a simulated design and
 * prints ops, bytes, intensity, bound and time per op, totals, memory footprint and the generation summary.
 */
@Command(name = "roofline", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Roofline analysis of a workload on a real device or a simulated design: per op ops, bytes, "
                + "intensity, bound, time; totals, memory footprint, time to first token and per output token.")
public final class RooflineCommand implements Callable<Integer> {
    private static final int PLOT_WIDTH = 1000;
    private static final int PLOT_HEIGHT = 700;

    private final CliContext context;

    @Option(names = "--device", paramLabel = "NAME", description = "A real device (see 'bitforge list devices').")
    String device;

    @Option(names = "--hw", paramLabel = "FILE|PRESET",
            description = "A simulated design: hardware spec file or preset; its roofs come from its PE family.")
    String hardware;

    @Option(names = "--workload", paramLabel = "NAME",
            description = "A workload from the zoo (see 'bitforge list workloads').")
    String workload;

    @Option(names = "--model-config", paramLabel = "FILE",
            description = "A Hugging Face or diffusers config.json instead of --workload.")
    Path modelConfig;

    @Option(names = "--allow-long-context", description = "Run past the model's context limit (with a warning).")
    boolean allowLongContext;

    @Option(names = "--phase", paramLabel = "PHASE", defaultValue = "both",
            description = "prefill, decode or both (default: ${DEFAULT-VALUE}).")
    String phase;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "1", description = "Sequences per batch.")
    int batch;

    @Option(names = "--prompt", paramLabel = "P", defaultValue = "1024", description = "Prefill tokens.")
    int prompt;

    @Option(names = "--context", paramLabel = "C", defaultValue = "1024",
            description = "Tokens already cached when decoding starts.")
    int contextTokens;

    @Option(names = "--generate", paramLabel = "T", defaultValue = "256", description = "Tokens to generate.")
    int generate;

    @Option(names = "--quant", paramLabel = "Q", defaultValue = "W16A16KV16",
            description = "Quantisation config, e.g. W4A16g128, W8A8KV8 (default: ${DEFAULT-VALUE}).")
    String quant;

    @Option(names = "--workload-option", paramLabel = "KEY=VALUE",
            description = "A workload builder switch, e.g. attention=causal, kvBucket=64 (repeatable).")
    Map<String, String> workloadOptions = new java.util.LinkedHashMap<>();

    @Option(names = "--fused-attention", description = "FlashAttention-style fused attention (K/V re-read per "
            + "query block).")
    boolean fusedAttention;

    @Option(names = "--query-block", paramLabel = "ROWS", defaultValue = "128",
            description = "Query rows per K/V pass of fused attention (default: ${DEFAULT-VALUE}).")
    int queryBlock;

    @Option(names = "--tp", paramLabel = "N", defaultValue = "1",
            description = "Tensor parallelism across N devices (Megatron-style, ring all-reduce).")
    int tensorParallel;

    @Option(names = "--link-gbps", paramLabel = "GB/s",
            description = "Device link bandwidth per direction in GB/s for --tp (default: the device's own).")
    Double linkGigabytesPerSecond;

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write JSON (- is stdout).")
    String json;

    @Option(names = "--csv", paramLabel = "FILE|-", description = "Write one CSV row per op (- is stdout).")
    String csv;

    @Option(names = "--plot", paramLabel = "FILE.png|FILE.svg", description = "Draw the roofline chart.")
    String plot;

    @Option(names = "--out", paramLabel = "DIR", description = "Write a results directory: manifest.json, "
            + "roofline.json, roofline.csv and the chart as roofline.svg and roofline.png.")
    Path out;

    public RooflineCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (plot != null && !(plot.endsWith(".png") || plot.endsWith(".svg"))) {
            throw BadInputException.field(null, "--plot", "'" + plot + "'", "must end in .png or .svg");
        }
        io.bitforge.api.BitForge library = context.library();
        if (workload != null && modelConfig != null) {
            throw BadInputException.field(null, "--workload/--model-config", "both", "give one of them");
        }
        WorkloadChoice choice = modelConfig != null ? WorkloadChoice.configFile(modelConfig)
                : workload == null ? null : WorkloadChoice.named(workload);
        RooflineRequest request = RooflineRequest.builder().device(device).hardware(hardware)
                .workload(choice).phase(phase).batch(batch).prompt(prompt).context(contextTokens).generate(generate).quant(quant)
                .workloadOptions(WorkloadLookup.withLongContext(workloadOptions, allowLongContext)).fusedAttention(fusedAttention).queryBlock(queryBlock)
                .tensorParallel(tensorParallel).linkGigabytesPerSecond(linkGigabytesPerSecond).build();
        RooflineMachine machine = library.rooflineMachine(request);
        RooflineReport report = library.roofline(request);
        WorkloadFactory factory = library.workload(request.workload());
        OutputTarget.write("--json", json, Json.write(report.toJson()), context.out());
        OutputTarget.write("--csv", csv, toCsv(report), context.out());
        if (plot != null) {
            writePlot(RooflineChart.of(factory.id() + " on " + machine.name() + " at " + quant, machine, report.phases()));
        }
        if (out != null) {
            ResultsWriter results = ResultsWriter.create(out, "--out");
            results.json("roofline.json", "per-op roofline, phase totals, footprint and generation summary",
                    report.toJson());
            results.csv("roofline.csv", "one row per op", toCsv(report));
            results.chart("roofline", "Roofline", RooflineChart.of(factory.id() + " on " + machine.name() + " at " + quant, machine,
                    report.phases()).chart(), PLOT_WIDTH, PLOT_HEIGHT);
            results.finish("roofline", VersionProvider.version(), inputs(), null);
        }
        if (json == null && csv == null) {
            context.out().print(text(report));
        }
        return 0;
    }

    /** Every option as used, defaults included, for the results directory's manifest. */
    private Map<String, Object> inputs() {
        Map<String, Object> inputs = new java.util.LinkedHashMap<>();
        inputs.put("device", device);
        inputs.put("hw", hardware);
        inputs.put("workload", workload);
        inputs.put("modelConfig", modelConfig == null ? null : modelConfig.toString());
        inputs.put("allowLongContext", allowLongContext);
        inputs.put("phase", phase);
        inputs.put("batch", batch);
        inputs.put("prompt", prompt);
        inputs.put("context", contextTokens);
        inputs.put("generate", generate);
        inputs.put("quant", quant);
        inputs.put("workloadOptions", new java.util.TreeMap<>(workloadOptions));
        inputs.put("fusedAttention", fusedAttention);
        inputs.put("queryBlock", queryBlock);
        inputs.put("tp", tensorParallel);
        inputs.put("linkGbps", linkGigabytesPerSecond);
        return inputs;
    }

    private void writePlot(RooflineChart chart) {
        Path path = Path.of(plot);
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new BadInputException("--plot: cannot write " + plot + ": folder " + parent + " does not exist");
        }
        if (Files.isDirectory(path)) {
            throw new BadInputException("--plot: cannot write " + plot + ": it is a folder");
        }
        // Through the reports renderer: the vertical axis label stays text (see ChartRender). Written like every
        // other output: atomically, a device written into, a failed write (full disk) exit 1 naming the file.
        byte[] image = plot.endsWith(".svg")
                ? ChartRender.svg(chart.chart(), PLOT_WIDTH, PLOT_HEIGHT, "bitforge-roofline-")
                        .getBytes(StandardCharsets.UTF_8)
                : chart.png(PLOT_WIDTH, PLOT_HEIGHT);
        AtomicFiles.write(path, image);
    }

    static String toCsv(RooflineReport report) {
        StringBuilder out = new StringBuilder(Csv.line(List.of("phase", "name", "kind", "count", "ops", "bytes",
                "weightBytes", "activationInBytes", "activationOutBytes", "kvCacheReadBytes", "kvCacheWriteBytes",
                "linkBytes", "arithmeticIntensity", "peak", "peakOpsPerSecond", "attainableOpsPerSecond", "bound",
                "seconds")));
        for (PhaseRoofline phase : report.phases()) {
            for (OpRoofline row : phase.rows()) {
                List<Object> cells = new ArrayList<>();
                cells.add(phase.name());
                cells.add(row.name());
                cells.add(row.kind());
                cells.add(row.count());
                cells.add(plain(row.ops()));
                cells.add(row.totalBytes());
                row.bytes().asMap().values().forEach(cells::add);
                cells.add(row.linkBytes());
                cells.add(row.peak() == null ? "" : plain(row.arithmeticIntensity()));
                cells.add(row.peak() == null ? "" : row.peak().label());
                cells.add(row.peak() == null ? "" : plain(row.peak().opsPerSecond()));
                cells.add(plain(row.attainableOpsPerSecond()));
                cells.add(row.bound().label());
                cells.add(row.seconds());
                out.append(Csv.line(cells));
            }
        }
        return out.toString();
    }

    private static Object plain(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 0x1p53 ? (Object) (long) value : (Object) value;
    }

    private static String text(RooflineReport report) {
        StringBuilder out = new StringBuilder();
        out.append(report.workload()).append(" on ").append(report.machine());
        if (report.options().tensorParallel() > 1) {
            out.append(" (per device of ").append(report.options().tensorParallel()).append(")");
        }
        out.append('\n');
        TextTable table = new TextTable(List.of("phase", "op", "kind", "count", "ops", "bytes", "op/B", "roof",
                "bound", "time")).quantity(4, "op").quantity(5, "B").fixedQuantity(6, "").quantity(9, "s");
        for (PhaseRoofline phase : report.phases()) {
            for (OpRoofline row : phase.rows()) {
                table.row(List.of(phase.name(), row.name(), row.kind(), row.count(), (double) row.ops(),
                        (double) (row.totalBytes() + row.linkBytes()),
                        row.peak() == null ? "" : (Object) row.arithmeticIntensity(),
                        row.peak() == null ? "link" : row.peak().label(), row.bound().label(), row.seconds()));
            }
        }
        out.append(table);
        out.append('\n');
        TextTable totals = new TextTable(List.of("phase", "kind", "ops", "bytes", "time"))
                .quantity(2, "op").quantity(3, "B").quantity(4, "s");
        for (PhaseRoofline phase : report.phases()) {
            for (Map.Entry<String, Totals> kind : phase.byKind().entrySet()) {
                Totals t = kind.getValue();
                totals.row(List.of(phase.name(), kind.getKey(), (double) t.ops(),
                        (double) (t.bytes().total() + t.linkBytes()), t.seconds()));
            }
            Totals t = phase.total();
            totals.row(List.of(phase.name(), "total", (double) t.ops(),
                    (double) (t.bytes().total() + t.linkBytes()), t.seconds()));
        }
        out.append(totals);
        MemoryFootprint f = report.footprint();
        out.append("\nmemory: weights ").append(HumanUnits.bytes(f.weightBytes())).append(", KV cache ")
                .append(HumanUnits.bytes(f.kvCacheBytes())).append(", activations ")
                .append(HumanUnits.bytes(f.activationBytes())).append(" (whole model)\n");
        GenerationSummary g = report.generation();
        if (g != null && Double.isNaN(g.timeToFirstTokenSeconds())) {
            out.append("generation (decode only): TPOT ").append(HumanUnits.seconds(g.timePerOutputTokenSeconds()))
                    .append(", decode ").append(HumanUnits.count(g.decodeTokensPerSecond())).append(" tokens/s, total ")
                    .append(HumanUnits.seconds(g.totalSeconds())).append('\n');
        } else if (g != null) {
            out.append("generation: TTFT ").append(HumanUnits.seconds(g.timeToFirstTokenSeconds())).append(", TPOT ")
                    .append(HumanUnits.seconds(g.timePerOutputTokenSeconds())).append(", decode ")
                    .append(HumanUnits.count(g.decodeTokensPerSecond())).append(" tokens/s, end to end ")
                    .append(HumanUnits.count(g.endToEndTokensPerSecond())).append(" tokens/s, total ")
                    .append(HumanUnits.seconds(g.totalSeconds())).append('\n');
        }
        return out.toString();
    }
}
