package io.bitforge.cli.commands;

import io.bitforge.cli.CliContext;
import io.bitforge.cli.VersionProvider;
import io.bitforge.cli.output.OutputTarget;
import io.bitforge.cli.reproduce.PhasedReproduction;
import io.bitforge.cli.reproduce.PhasedReproductionFile;
import io.bitforge.cli.reproduce.PhasedReproductionText;
import io.bitforge.cli.reproduce.Reproduction;
import io.bitforge.cli.reproduce.ReproductionFile;
import io.bitforge.cli.reproduce.ReproductionText;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import io.bitforge.reports.results.ResultsWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bitforge reproduce bitmod|ant|mixpe}: runs a paper's reproduction files ({@code reproduction.yaml},
 * hardware specs and layer lists under {@code examples/reproduce/<paper>/}) through the engine and prints the
 * per-model figures, the normalised tables next to the artefact's, and the headline ratios.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reproduce a paper's published simulator results with BitForge's engine and PE families.",
                "Reads <dir>/reproduction.yaml (default dir: examples/reproduce/<paper>)."})
public final class ReproduceCommand implements Callable<Integer> {
    static final List<String> PAPERS = List.of("ant", "bitmod", "mixpe");
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PAPER", description = "ant, bitmod or mixpe.")
    String paper;
    @Option(names = "--dir", paramLabel = "DIR", description = "Directory holding reproduction.yaml.")
    Path dir;
    @Option(names = "--json", paramLabel = "FILE|-", description = "Write JSON (- is stdout).")
    String json;
    @Option(names = "--out", paramLabel = "DIR", description = "Write a results directory: manifest.json and "
            + "reproduce.json.")
    Path out;

    public ReproduceCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!PAPERS.contains(paper)) {
            throw BadInputException.field(null, "PAPER", "'" + paper + "'", "must be one of " + PAPERS);
        }
        Path directory = dir == null ? Path.of("examples", "reproduce", paper) : dir;
        Path file = directory.resolve("reproduction.yaml");
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": not found (run from the BitForge checkout, or give --dir)");
        }
        Map<String, Object> jsonResult;
        String text;
        if (PhasedReproductionFile.describes(file)) {
            // an LLM study by phases (kind: llm-phases), e.g. BitMoD's
            PhasedReproduction.Result result = PhasedReproduction.run(paper, PhasedReproductionFile.read(file),
                    context.registry());
            jsonResult = PhasedReproductionText.json(result);
            text = PhasedReproductionText.render(result);
        } else {
            Reproduction.Result result = Reproduction.run(paper, ReproductionFile.read(file), context.registry());
            jsonResult = json(result);
            text = ReproductionText.render(result);
        }
        OutputTarget.write("--json", json, Json.write(jsonResult), context.out());
        if (out != null) {
            Map<String, Object> given = new LinkedHashMap<>();
            given.put("paper", paper);
            given.put("reproductionFile", file.toString());
            ResultsWriter.create(out, "--out")
                    .json("reproduce.json", "cycles and energy per model and design, ratios against the paper",
                            jsonResult)
                    .finish("reproduce", VersionProvider.version(), given, null);
        }
        if (json == null) {
            context.out().print(text);
        }
        return 0;
    }

    /** {@code {"rows":[…], "summary":{"ratios":[…], "normalised":[…]}}}. */
    static Map<String, Object> json(Reproduction.Result result) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Reproduction.Row row : result.rows()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("model", row.model());
            r.put("design", row.design());
            r.put("phase", row.phase());
            r.put("cycles", row.cycles());
            r.put("energyPicojoules", row.energyPicojoules());
            rows.add(r);
        }
        List<Map<String, Object>> ratios = new ArrayList<>();
        for (Reproduction.RatioResult ratio : result.ratios()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", ratio.name());
            r.put("value", ratio.value());
            r.put("paper", ratio.paper());
            r.put("relativeDifference", ratio.relativeDifference());
            r.put("paperSource", ratio.paperSource());
            ratios.add(r);
        }
        List<Map<String, Object>> normalised = new ArrayList<>();
        for (Reproduction.Normalised n : result.normalised()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("model", n.model());
            r.put("design", n.design());
            r.put("metric", n.metric());
            r.put("measured", n.measured());
            r.put("published", n.published());
            r.put("relativeDifference", n.relativeDifference());
            normalised.add(r);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("paper", result.file().paper());
        summary.put("artefact", result.file().artefact());
        summary.put("normalisedTo", result.file().normaliseTo());
        summary.put("ratios", ratios);
        summary.put("normalised", normalised);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", rows);
        out.put("summary", summary);
        return out;
    }
}
