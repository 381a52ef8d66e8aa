package io.bitforge.reports.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.core.io.Json;
import io.bitforge.reports.results.ResultFile;
import io.bitforge.reports.results.ResultsDirectory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One self-contained HTML page for any number of results directories: for each, its kind, the BitForge version
 * that wrote it and the seed, its headline figures in human units ({@link Headlines}), its charts (SVG inlined, so
 * each marker's {@code <title>} is hover text; a PNG without an SVG twin inlined as a data URI), then, folded
 * away in {@code <details>}, all inputs, its JSON results as tables and its CSV tables, each wide table scrolling
 * inside its own box. Nothing is
 * fetched: no scripts, fonts or style sheets from elsewhere. Output depends only on the directories' contents,
 * the names given for them and the generator version, so it is byte-identical across runs.
 */
public final class HtmlReport {
    /** SVG ids written by BitForge charts start with "bitforge-"; each inlined SVG gets its own prefix. */
    private static final Pattern SVG_ID = Pattern.compile("(id=[\"']|url\\(#|href=[\"']#)bitforge-");
    private static final String STYLE = """
            body { font-family: sans-serif; margin: 2em auto; max-width: 1100px; color: #1b2631; }
            h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 2em; }
            h3 { font-size: 1.1em; margin-top: 1.5em; }
            table { border-collapse: collapse; margin: .5em 0; font-size: .85em; }
            th, td { border: 1px solid #d5d8dc; padding: 2px 6px; text-align: left; vertical-align: top; }
            thead th { background: #eef2f5; position: sticky; top: 0; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            table.kv > tbody > tr > th, table.kv > tr > th { background: #f6f8f9; font-weight: normal; }
            .note, .desc { color: #555; font-size: .85em; } .null { color: #999; }
            figure { margin: 1em 0; } figure svg, figure img { max-width: 100%; height: auto; }
            .scroll { overflow-x: auto; max-height: 40em; overflow-y: auto; max-width: 100%; }
            td { overflow-wrap: break-word; } table.headline td.num { white-space: nowrap; }
            table.headline { font-size: .9em; } table.headline caption { text-align: left; font-weight: bold;
              padding: .3em 0; }
            details { margin: .6em 0; } summary { cursor: pointer; font-weight: bold; }
            """;

    private final String generatorVersion;

    /** @param generatorVersion the version of the BitForge writing the page */
    public HtmlReport(String generatorVersion) {
        this.generatorVersion = Objects.requireNonNull(generatorVersion, "generatorVersion");
    }

    /** A named directory: {@code name} is how the page refers to it (e.g. the path the user gave). */
    public record Section(String name, ResultsDirectory directory) {
    }

    public String render(List<Section> sections) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>BitForge report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>BitForge report</h1>\n<p class=\"note\">Written by BitForge ")
                .append(Html.escape(generatorVersion)).append(" from ").append(sections.size())
                .append(sections.size() == 1 ? " results directory" : " results directories")
                .append(". Hovering over a marker of a Pareto chart shows its design.</p>\n<ul>\n");
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            out.append("<li><a href=\"#run-").append(i + 1).append("\">").append(Html.escape(s.name())).append("</a> (")
                    .append(Html.escape(s.directory().manifest().kind())).append(")</li>\n");
        }
        out.append("</ul>\n");
        for (int i = 0; i < sections.size(); i++) {
            section(i + 1, sections.get(i), out);
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private void section(int index, Section section, StringBuilder out) {
        ResultsDirectory dir = section.directory();
        var manifest = dir.manifest();
        out.append("<section id=\"run-").append(index).append("\">\n<h2>").append(index).append(". ")
                .append(Html.escape(manifest.kind())).append(": ").append(Html.escape(section.name())).append("</h2>\n");
        out.append("<table class=\"kv\">\n<tr><th>kind</th><td>").append(Html.escape(manifest.kind()))
                .append("</td></tr>\n<tr><th>bitforgeVersion</th><td>").append(Html.escape(manifest.bitforgeVersion()))
                .append("</td></tr>\n<tr><th>seed</th><td>")
                .append(manifest.seed() == null ? "none (deterministic run)" : manifest.seed()).append("</td></tr>\n")
                .append("<tr><th>files</th><td>");
        out.append(String.join(", ", manifest.files().stream().map(f -> Html.escape(f.name())).toList()));
        out.append("</td></tr>\n</table>\n");
        for (HumanTable headline : Headlines.of(dir)) {
            headline.render(out);
        }
        List<ResultFile> charts = dir.files(ResultFile.CHART);
        int chartIndex = 0;
        for (ResultFile chart : charts) {
            chartIndex++;
            if (chart.name().endsWith(".svg")) {
                out.append("<h3>").append(Html.escape(chart.description().isEmpty() ? chart.name() : chart.description()))
                        .append("</h3>\n<figure>\n").append(inlineSvg(dir.text(chart), "r" + index + "c" + chartIndex))
                        .append("<figcaption class=\"desc\">").append(Html.escape(chart.name()))
                        .append("</figcaption>\n</figure>\n");
            } else if (chart.name().endsWith(".png") && !hasSvgTwin(charts, chart)) {
                out.append("<h3>").append(Html.escape(chart.description().isEmpty() ? chart.name() : chart.description()))
                        .append("</h3>\n<figure><img alt=\"").append(Html.escape(chart.name()))
                        .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(bytes(dir, chart)))
                        .append("\"></figure>\n");
            }
        }
        out.append("<details>\n<summary>Inputs</summary>\n<div class=\"scroll\">\n");
        JsonTables.render(Json.mapper().valueToTree(manifest.inputs()), out);
        out.append("</div>\n</details>\n");
        for (ResultFile result : dir.files(ResultFile.RESULT)) {
            details(result, out);
            JsonNode json = dir.json(result);
            JsonTables.render(json, out);
            out.append("</div>\n</details>\n");
        }
        for (ResultFile table : dir.files(ResultFile.TABLE)) {
            details(table, out);
            CsvTable.render(dir.text(table), out);
            out.append("</div>\n</details>\n");
        }
        out.append("</section>\n");
    }

    /** The page's file name beside a results directory's files. */
    public static final String PAGE = "report.html";

    /**
     * Writes {@value #PAGE} into a finished results directory (after its manifest, so the page is not one of its
     * listed files) and returns its path; the section is named by the directory's own name, not its full path,
     * so the page does not depend on where the directory lies.
     */
    public Path writeBeside(Path directory) {
        Path page = directory.resolve(PAGE);
        Path name = directory.toAbsolutePath().normalize().getFileName();
        String html = render(List.of(new Section(name == null ? directory.toString() : name.toString(),
                ResultsDirectory.read(directory))));
        try {
            Files.writeString(page, html, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new io.bitforge.core.io.BadRequestException("out", "cannot write " + page + ": " + e.getMessage(), e);
        }
        return page;
    }

    /** Opens a folded detail box for one file: its name and description as the summary, a scroll box inside. */
    private static void details(ResultFile file, StringBuilder out) {
        out.append("<details>\n<summary>").append(Html.escape(file.name()));
        if (!file.description().isEmpty()) {
            out.append(" <span class=\"desc\">").append(Html.escape(file.description())).append("</span>");
        }
        out.append("</summary>\n<div class=\"scroll\">\n");
    }

    /** The SVG element without its XML prolog, its BitForge ids prefixed so they are unique in the page. */
    static String inlineSvg(String svg, String pagePrefix) {
        String body = svg.strip();
        if (body.startsWith("<?xml")) {
            body = body.substring(body.indexOf("?>") + 2).strip();
        }
        return SVG_ID.matcher(body).replaceAll("$1" + Matcher.quoteReplacement(pagePrefix) + "-bitforge-") + "\n";
    }

    private static boolean hasSvgTwin(List<ResultFile> charts, ResultFile png) {
        String svg = png.name().substring(0, png.name().length() - 4) + ".svg";
        return charts.stream().anyMatch(c -> c.name().equals(svg));
    }

    private static byte[] bytes(ResultsDirectory dir, ResultFile file) {
        try {
            return Files.readAllBytes(dir.directory().resolve(file.name()));
        } catch (java.io.IOException e) {
            throw new io.bitforge.core.io.BadInputException(dir.directory().resolve(file.name()) + ": cannot read: "
                    + e.getMessage(), e);
        }
    }
}
