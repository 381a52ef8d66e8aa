package io.bitforge.cli.commands;

import io.bitforge.cli.CliContext;
import io.bitforge.cli.VersionProvider;
import io.bitforge.cli.output.OutputTarget;
import io.bitforge.core.io.BadInputException;
import io.bitforge.reports.html.HtmlReport;
import io.bitforge.reports.results.ResultsDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bitforge report}: one self-contained HTML page (inline SVG charts, tables, inputs, versions) from any
 * number of results directories written by a command's {@code --out DIR}.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write one self-contained HTML report (no network needed to open it) from results "
                + "directories: each one's kind, version, seed, inputs, charts and result tables.")
public final class ReportCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--in", paramLabel = "DIR", required = true,
            description = "A results directory holding manifest.json (repeatable; sections in this order).")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "FILE.html|-", required = true, description = "The HTML file (- is stdout).")
    String out;

    public ReportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!out.equals("-") && !(out.endsWith(".html") || out.endsWith(".htm"))) {
            throw BadInputException.field(null, "--out", "'" + out + "'", "must end in .html or .htm, or be -");
        }
        List<HtmlReport.Section> sections = new ArrayList<>();
        for (Path dir : inputs) {
            sections.add(new HtmlReport.Section(dir.toString(), ResultsDirectory.read(dir)));
        }
        String html = new HtmlReport(VersionProvider.version()).render(sections);
        OutputTarget.write("--out", out, html, context.out());
        if (!out.equals("-")) {
            context.out().println("wrote " + out + " from " + sections.size() + " results director"
                    + (sections.size() == 1 ? "y" : "ies"));
        }
        return 0;
    }
}
