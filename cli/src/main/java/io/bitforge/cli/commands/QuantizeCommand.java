package io.bitforge.cli.commands;

import io.bitforge.api.QuantizeRequest;
import io.bitforge.cli.CliContext;
import io.bitforge.cli.VersionProvider;
import io.bitforge.core.io.Csv;
import io.bitforge.cli.output.OutputTarget;
import io.bitforge.core.io.TextTable;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import io.bitforge.core.quant.Quantizer;
import io.bitforge.reports.chart.SqnrChart;
import io.bitforge.reports.chart.SqnrPoint;
import io.bitforge.reports.results.ResultsWriter;
import io.bitforge.workloads.tensors.FormatResult;
import io.bitforge.workloads.tensors.MatrixSource;
import io.bitforge.workloads.tensors.NonFinitePolicy;
import io.bitforge.workloads.tensors.QuantizerChoice;
import io.bitforge.workloads.tensors.SafetensorsCheckpoint;
import io.bitforge.workloads.tensors.TensorInfo;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;

/**
 * {@code bitforge quantize}: what number formats do to real or synthetic weights — value error, the error of the
 * product with random activations, stored bits, and what OVP and BitMoD chose.
 */
@Command(name = "quantize", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Quantise weights from a safetensors checkpoint or a synthetic matrix with one or more number "
                + "formats and report MSE, SQNR, the largest error, bits per value and the product error.")
public final class QuantizeCommand implements Callable<Integer> {
    /** Activation vectors for the product error: each is a [cols] vector held in memory with the tensor's. */
    static final int MAX_TOKENS = 65_536;

    private final CliContext context;

    @Option(names = "--format", required = true, paramLabel = "F[,F...]|all",
            description = "Format ids (see 'bitforge list formats'), comma-separated, or 'all'.")
    String formats;

    @Option(names = "--granularity", paramLabel = "tensor|channel|group",
            description = "Scale sharing: per tensor, per output channel (row) or per group along the row. "
                    + "Default: group with --group-size, else channel.")
    String granularity;

    @Option(names = "--group-size", paramLabel = "G", description = "Values per group along the reduction (default 128).")
    Integer groupSize;

    @Option(names = "--victim-rule", paramLabel = "even-first|keep-larger", defaultValue = "even-first",
            description = "OVP pair rule when both values are outliers (default ${DEFAULT-VALUE}).")
    String victimRule;

    @Option(names = "--scale-search", paramLabel = "paper|bitforge", defaultValue = "paper",
            description = "Whose quantiser the paper formats use: 'paper' as the reference code does it (ANT for "
                    + "flint4/pot, OliVe for ovp-*, ShiftAddLLM for bcq*), 'bitforge' BitForge's own searches "
                    + "(default ${DEFAULT-VALUE}; see docs/quantizers.md).")
    String scaleSearch;

    @Option(names = "--bcq-rounds", paramLabel = "N", defaultValue = "5",
            description = "bcq formats under --scale-search paper: ShiftAddLLM's refinement rounds (default "
                    + "${DEFAULT-VALUE}, its --bcq_round default; its README runs 50; at most 1000).")
    int bcqRounds;

    @Option(names = "--yes", description = "Run even when the study is estimated to take more than a minute (it is "
            + "refused otherwise, with the estimate).")
    boolean yes;

    @Option(names = "--dequantized-out", paramLabel = "FILE.safetensors",
            description = "Also write the source tensors (original/TENSOR) and every format's dequantised tensors "
                    + "(FORMAT/TENSOR) as F32.")
    Path dequantizedOut;

    @Option(names = "--safetensors", paramLabel = "FILE", description = "A .safetensors file, a "
            + "model.safetensors.index.json, or a folder holding either.")
    Path safetensors;

    @Option(names = "--tensor", paramLabel = "NAME", description = "A tensor to quantise (repeatable).")
    List<String> tensors;

    @Option(names = "--all-tensors", description = "Quantise every tensor of two or more dimensions.")
    boolean allTensors;

    @Option(names = "--synthetic", paramLabel = "gaussian|llm-outliers", description = "Generate the weights instead.")
    String synthetic;

    @Option(names = "--rows", paramLabel = "R", defaultValue = "4096", description = "Synthetic rows (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--cols", paramLabel = "C", defaultValue = "4096", description = "Synthetic columns (default ${DEFAULT-VALUE}).")
    int cols;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the synthetic weights and the "
            + "activations (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--outlier-fraction", paramLabel = "F", defaultValue = "0.005",
            description = "llm-outliers: fraction of input channels that are outliers (default ${DEFAULT-VALUE}).")
    double outlierFraction;

    @Option(names = "--outlier-ratio", paramLabel = "X", defaultValue = "20",
            description = "llm-outliers: magnitude of outlier channels relative to the rest (default ${DEFAULT-VALUE}).")
    double outlierRatio;

    @Option(names = "--tokens", paramLabel = "T", defaultValue = "8",
            description = "Random activation vectors for the product error W·X; 0 skips it (default ${DEFAULT-VALUE}).")
    int tokens;

    @Option(names = "--non-finite", paramLabel = "error|skip|clamp", defaultValue = "error",
            description = "NaN/Infinity in a tensor: refuse it naming the first one, read it as 0, or clamp it to "
                    + "the row's largest finite magnitude (default ${DEFAULT-VALUE}).")
    String nonFinite;

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write JSON (- is stdout).")
    String json;

    @Option(names = "--csv", paramLabel = "FILE|-", description = "Write CSV (- is stdout).")
    String csv;

    @Option(names = "--out", paramLabel = "DIR", description = "Write a results directory: manifest.json, "
            + "quantize.json, quantize.csv and the SQNR chart as sqnr.svg and sqnr.png.")
    Path out;

    public QuantizeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<Quantizer> quantizers = choice().quantizers();
        NonFinitePolicy policy = NonFinitePolicy.of("--non-finite", nonFinite);
        if (tokens < 0 || tokens > MAX_TOKENS) {
            throw BadInputException.field(null, "--tokens", tokens, "must be from 0 to " + MAX_TOKENS);
        }
        Map<String, Object> source = new LinkedHashMap<>();
        List<MatrixSource> matrices = matrices(source).stream().map(policy::applyTo).toList();
        long values = matrices.stream().mapToLong(m -> m.rows() * m.cols()).sum();
        if (dequantizedOut != null) {
            writeDequantized(quantizers, matrices);
        }
        List<FormatResult> results;
        try (Progress progress = new Progress(context, values * quantizers.size())) {
            results = context.library().quantize(request(quantizers, matrices), progress);
        }
        List<Map<String, Object>> rowsOut = new ArrayList<>();
        for (FormatResult r : results) {
            rowsOut.add(row(r));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("kind", "quantize");
        document.put("source", source);
        document.put("matrices", matrices.size());
        document.put("values", values);
        document.put("tokens", tokens);
        document.put("seed", seed);
        document.put("results", rowsOut);
        OutputTarget.write("--json", json, Json.write(document), context.out());
        OutputTarget.write("--csv", csv, csv(rowsOut), context.out());
        if (out != null) {
            writeResults(document, source, quantizers);
        }
        if (json == null && csv == null) {
            context.out().print(table(results));
            context.out().println(values + " values in " + matrices.size() + " matri" + (matrices.size() == 1 ? "x" : "ces")
                    + (tokens > 0 ? "; W·X against " + tokens + " seeded N(0,1) activation vectors" : ""));
        }
        return 0;
    }

    private void writeDequantized(List<Quantizer> quantizers, List<MatrixSource> matrices) {
        context.library().writeDequantized(request(quantizers, matrices), dequantizedOut);
    }

    private QuantizeRequest request(List<Quantizer> quantizers, List<MatrixSource> matrices) {
        return QuantizeRequest.of(quantizers, matrices, tokens, seed).withLongRunAllowed(yes);
    }

    private void writeResults(Map<String, Object> document, Map<String, Object> source, List<Quantizer> quantizers) {
        ResultsWriter results = ResultsWriter.create(out, "--out");
        results.json("quantize.json", "error of each format: MSE, SQNR, largest error, bits per value", document);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rowsOut = (List<Map<String, Object>>) document.get("results");
        results.csv("quantize.csv", "one row per format", csv(rowsOut));
        List<SqnrPoint> points = SqnrPoint.fromQuantizeJson(Json.mapper().valueToTree(document), "quantize.json");
        if (points.stream().anyMatch(p -> p.sqnrDecibels() != null)) {
            results.chart("sqnr", "SQNR against bits per value", new SqnrChart("Quantisation error of "
                    + sourceName(source), points).chart(), 1000, 700);
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("formats", quantizers.stream().map(q -> q.format().id()).toList());
        inputs.put("granularity", choice().resolvedGranularity().name().toLowerCase(Locale.ROOT));
        inputs.put("groupSize", choice().resolvedGroupSize());
        inputs.put("victimRule", victimRule);
        inputs.put("scaleSearch", scaleSearch);
        inputs.put("bcqRounds", bcqRounds);
        inputs.put("source", source);
        inputs.put("tokens", tokens);
        results.finish("quantize", VersionProvider.version(), inputs, seed);
    }

    private static String sourceName(Map<String, Object> source) {
        if (source.containsKey("synthetic")) {
            return source.get("synthetic") + " " + source.get("rows") + "×" + source.get("cols");
        }
        return String.valueOf(source.get("safetensors"));
    }

    private QuantizerChoice choice() {
        return new QuantizerChoice(formats, granularity, groupSize, victimRule, scaleSearch, bcqRounds);
    }

    private List<MatrixSource> matrices(Map<String, Object> source) {
        if ((safetensors == null) == (synthetic == null)) {
            throw new BadInputException("quantize: give exactly one of --safetensors FILE or --synthetic "
                    + "gaussian|llm-outliers");
        }
        if (synthetic != null) {
            return List.of(synthetic(source));
        }
        if (allTensors == (tensors != null && !tensors.isEmpty())) {
            throw new BadInputException("--safetensors " + safetensors + ": give --tensor NAME (repeatable) or "
                    + "--all-tensors, not both or neither");
        }
        SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(safetensors);
        List<TensorInfo> chosen = new ArrayList<>();
        if (allTensors) {
            checkpoint.tensors().stream().filter(t -> t.shape().size() >= 2 && t.elementCount() > 0).forEach(chosen::add);
        } else {
            for (String name : tensors) {
                chosen.add(checkpoint.tensor(name));
            }
        }
        if (chosen.isEmpty()) {
            throw new BadInputException("--safetensors " + safetensors + ": no tensor with 2 or more dimensions and "
                    + "at least one value (" + checkpoint.tensors().size() + " tensors in the file); nothing to quantise");
        }
        source.put("safetensors", safetensors.toString());
        source.put("tensors", chosen.stream().map(TensorInfo::name).toList());
        source.put("skippedTensors", checkpoint.tensors().size() - chosen.size());
        source.put("dataBytes", chosen.stream().mapToLong(t -> t.end() - t.begin()).sum());
        return chosen.stream().map(MatrixSource::of).toList();
    }

    private MatrixSource synthetic(Map<String, Object> source) {
        return SyntheticMatrices.of(synthetic, rows, cols, seed, outlierFraction, outlierRatio, source);
    }

    private static Map<String, Object> row(FormatResult r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("format", r.format());
        row.put("granularity", r.granularity());
        row.put("values", r.elements());
        row.put("bitsPerValue", r.bitsPerElement());
        row.put("mse", r.mse());
        row.put("sqnrDecibels", finite(r.sqnrDecibels()));
        row.put("maxAbsError", r.maxAbsError());
        row.put("matmulSqnrDecibels", finite(r.matmulSqnrDecibels()));
        row.put("outliers", r.outliers());
        row.put("victims", r.victims());
        row.put("prunedOutliers", r.prunedOutliers());
        row.put("choiceCounts", r.choiceCounts());
        return row;
    }

    /** JSON has no infinity: an exact result (infinite SQNR) or a skipped one is null. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Bits, errors and SQNRs at three significant digits, one SI prefix per error column (JSON keeps all). */
    private static String table(List<FormatResult> results) {
        TextTable table = new TextTable(List.of("format", "granularity", "bits/value", "MSE", "SQNR", "max |err|",
                "W·X SQNR", "outliers", "victims")).fixedQuantity(2, "").quantity(3, "").fixedQuantity(4, "dB")
                .quantity(5, "").fixedQuantity(6, "dB");
        for (FormatResult r : results) {
            table.row(List.of(r.format(), r.granularity(), r.bitsPerElement(), r.mse(), decibels(r.sqnrDecibels()),
                    r.maxAbsError(), decibels(r.matmulSqnrDecibels()),
                    r.outliers() + r.victims() == 0 ? "" : Long.toString(r.outliers()),
                    r.outliers() + r.victims() == 0 ? "" : Long.toString(r.victims())));
        }
        return table.toString();
    }

    /** A skipped SQNR (NaN) is a blank cell; an exact one (infinite) prints as ∞. */
    private static Object decibels(double v) {
        return Double.isNaN(v) ? "" : v;
    }

    private static String csv(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder();
        if (rows.isEmpty()) {
            return out.toString();
        }
        out.append(Csv.line(List.copyOf(rows.get(0).keySet())));
        for (Map<String, Object> row : rows) {
            List<Object> cells = new ArrayList<>();
            row.forEach((k, v) -> cells.add(v instanceof List<?> l ? String.join(" ", l.stream().map(String::valueOf)
                    .toList()) : v));
            out.append(Csv.line(cells));
        }
        return out.toString();
    }

    /** A progress bar on a terminal only; elsewhere (pipes, files, tests) nothing is printed. */
    private static final class Progress implements LongConsumer, AutoCloseable {
        private final ProgressBar bar;

        Progress(CliContext context, long total) {
            bar = context.terminal() ? new ProgressBarBuilder().setTaskName("quantize").setInitialMax(total)
                    .setUnit(" Mvalues", 1_000_000).setConsumer(new ConsoleProgressBarConsumer(context.err()))
                    .build() : null;
        }

        @Override
        public void accept(long values) {
            if (bar != null) {
                bar.stepBy(values);
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
