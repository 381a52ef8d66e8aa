package io.bitforge.reports;

import io.bitforge.reports.html.HtmlReport;
import io.bitforge.reports.results.ResultsDirectory;
import io.bitforge.reports.results.ResultsWriter;
import io.bitforge.reports.chart.SqnrChart;
import io.bitforge.reports.chart.SqnrPoint;
import io.bitforge.core.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {
    private static String render(Path a, Path b) {
        return new HtmlReport("0.1.0-test").render(List.of(
                new HtmlReport.Section("run-a", ResultsDirectory.read(a)),
                new HtmlReport.Section("run-b", ResultsDirectory.read(b))));
    }

    private static Path quantizeDir(Path dir) throws Exception {
        var json = SqnrChartTest.quantizeJson();
        ResultsWriter out = ResultsWriter.create(dir, "--out");
        out.json("quantize.json", "per-format error", Json.mapper().convertValue(json, Map.class));
        out.chart("sqnr", "SQNR against bits per value", new SqnrChart("SQNR",
                SqnrPoint.fromQuantizeJson(json, "quantize.json")).chart(), 800, 560);
        out.finish("quantize", "0.1.0-test", Map.of("format", "int4,int8"), 1L);
        return dir;
    }

    @Test
    void pageIsSelfContainedDeterministicAndHasUniqueIds(@TempDir Path tmp) throws Exception {
        Path a = ResultsDirectoryTest.writeSample(tmp.resolve("a"));
        Path b = quantizeDir(tmp.resolve("b"));
        String html = render(a, b);
        assertEquals(html, render(a, b), "byte-identical across runs");
        ChartChecks.keep("report.html", html.getBytes(StandardCharsets.UTF_8));
        // Nothing fetched: no scripts, style sheets, external images or links (the SVG namespace is a name).
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<link"));
        assertFalse(Pattern.compile("(src|href)=[\"']https?:").matcher(html).find());
        assertFalse(html.contains("<?xml"), "SVG prolog stripped when inlined");
        // Every id once; the two charts' defs prefixes were made distinct.
        Matcher ids = Pattern.compile(" id=['\"]([^'\"]+)['\"]").matcher(html);
        Set<String> seen = new HashSet<>();
        int count = 0;
        while (ids.find()) {
            assertTrue(seen.add(ids.group(1)), "duplicate id " + ids.group(1));
            count++;
        }
        assertTrue(count > 4);
        assertTrue(html.contains("r1c1-bitforge-pareto-"));
        assertTrue(html.contains("r2c1-bitforge-sqnr-"));
        // Every url(#...) points to an id in the page.
        Matcher refs = Pattern.compile("url\\(#([^)]+)\\)").matcher(html);
        while (refs.find()) {
            assertTrue(seen.contains(refs.group(1)), "dangling reference " + refs.group(1));
        }
        // Kinds, versions, seeds, inputs, tables and hover text.
        assertTrue(html.contains("<h2>1. explore: run-a</h2>"));
        assertTrue(html.contains("<h2>2. quantize: run-b</h2>"));
        assertTrue(html.contains("<th>bitforgeVersion</th><td>0.1.0-test</td>"));
        assertTrue(html.contains("<th>seed</th><td>42</td>"));
        assertTrue(html.contains("<th>strategy</th><td>random</td>"));
        assertTrue(html.contains("<th>bitsPerValue</th>"), "quantize rows as a table");
        // 4.125 bits at three significant digits, the value as written kept as hover text.
        assertTrue(html.contains("<td class=\"num\"><span title=\"4.125\">4.13</span></td>"));
        // A headline table first, the detail tables folded away.
        assertTrue(html.contains("<caption>Pareto front: 1 designs</caption>"));
        assertTrue(html.contains("<details>\n<summary>pareto.json <span class=\"desc\">the front</span>"));
        assertTrue(html.indexOf("<caption>Pareto front") < html.indexOf("<details>"), "headline before details");
        assertTrue(html.contains("<th>id</th><th>latency</th>"), "CSV table header");
        assertTrue(html.contains("<title>e 64x64 int8 (eeeeeeeeeeeeeeee)"), "Pareto hover text");
    }
}
