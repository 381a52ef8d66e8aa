package io.bitforge.cli.commands;

import io.bitforge.api.ReproduceRequest;
import io.bitforge.cli.CliContext;
import io.bitforge.cli.VersionProvider;
import io.bitforge.cli.output.OutputTarget;
import io.bitforge.simulation.reproduce.Reproductions;
import io.bitforge.simulation.reproduce.Sensitivity;
import io.bitforge.core.io.Json;
import io.bitforge.reports.results.ResultsWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bitforge reproduce PAPER [--sensitivity]}: runs a paper's reproduction files ({@code reproduction.yaml},
 * hardware specs and layer lists under {@code examples/reproduce/<paper>/}) through the engine and prints the
 * per-model figures, the normalised tables next to the artefact's, and the headline ratios.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reproduce a paper's published simulator results with BitForge's engine and PE families.",
                "Reads <dir>/reproduction.yaml (default dir: examples/reproduce/<paper>)."})
public final class ReproduceCommand implements Callable<Integer> {
    static final List<String> PAPERS = Reproductions.PAPERS;
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PAPER", description = "One of: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Papers.class)
    String paper;
    @Option(names = "--dir", paramLabel = "DIR", description = "Directory holding reproduction.yaml.")
    Path dir;
    @Option(names = "--sensitivity", description = {"Also run each artefact-specific choice of the reproduction "
            + "file switched to BitForge's own modelling, and all of them at once; print each choice's source (or "
            + "'no source') and the headline ratios under both accountings (JSON: a sensitivity section)."})
    boolean sensitivity;
    @Option(names = "--json", paramLabel = "FILE|-", description = "Write JSON (- is stdout).")
    String json;
    @Option(names = "--out", paramLabel = "DIR", description = "Write a results directory: manifest.json and "
            + "reproduce.json.")
    Path out;

    /** The shipped papers, for the PARAMETER's help text. */
    static final class Papers implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return PAPERS.iterator();
        }
    }

    public ReproduceCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Reproductions.Outcome outcome = context.library().reproduce(new ReproduceRequest(paper, dir,
                sensitivity ? Sensitivity.Scope.EACH : Sensitivity.Scope.NONE));
        Map<String, Object> jsonResult = outcome.json();
        String text = outcome.text();
        OutputTarget.write("--json", json, Json.write(jsonResult), context.out());
        if (out != null) {
            Map<String, Object> given = new LinkedHashMap<>();
            given.put("paper", paper);
            given.put("reproductionFile", outcome.file().toString());
            given.put("sensitivity", sensitivity);
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
}
