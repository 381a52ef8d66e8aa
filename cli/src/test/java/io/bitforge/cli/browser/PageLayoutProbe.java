package io.bitforge.cli.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A copy of a report page with a measuring script appended (the report itself has no scripts): it opens every
 * folded {@code <details>} box and, after layout, writes into an element the DOM dump shows, the window width, the document's scroll width, how many inline
 * charts and headline tables there are with a drawn size, and the widest right edge of any chart or
 * box outside a scroll box.
 */
public final class PageLayoutProbe {
    /** The figures the script measured. */
    public record Layout(int windowWidth, int documentWidth, int charts, int headlineTables, int widestRightEdge) {
    }

    private static final String SCRIPT = """
            <script>
            (function () {
              // Every folded detail table opened, so the wide ones are measured too.
              document.querySelectorAll('details').forEach(function (d) { d.open = true; });
              var w = window.innerWidth;
              var right = 0;
              var visible = function (e) { var r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
              var charts = Array.prototype.filter.call(document.querySelectorAll('figure svg'), visible);
              var headlines = Array.prototype.filter.call(document.querySelectorAll('table.headline'), visible);
              document.querySelectorAll('body > *, section > *, details > *, figure svg').forEach(function (e) {
                right = Math.max(right, Math.ceil(e.getBoundingClientRect().right));
              });
              var out = document.createElement('pre');
              out.id = 'bitforge-layout';
              out.textContent = 'window=' + w + ' document=' + document.documentElement.scrollWidth
                + ' charts=' + charts.length + ' headlines=' + headlines.length + ' right=' + right;
              document.body.appendChild(out);
            })();
            </script>
            """;
    private static final Pattern RESULT = Pattern.compile(
            "window=(\\d+) document=(\\d+) charts=(\\d+) headlines=(\\d+) right=(-?\\d+)");

    private PageLayoutProbe() {
    }

    /** Writes the probe page beside the report (so relative references, if any, would resolve the same). */
    public static Path write(Path report) throws IOException {
        String html = Files.readString(report, StandardCharsets.UTF_8);
        int end = html.lastIndexOf("</body>");
        Path probe = report.resolveSibling("layout-probe.html");
        Files.writeString(probe, html.substring(0, end) + SCRIPT + html.substring(end), StandardCharsets.UTF_8);
        return probe;
    }

    public static Layout read(String dom) {
        Matcher m = RESULT.matcher(dom);
        if (!m.find()) {
            throw new AssertionError("the layout probe did not run; DOM ends with: "
                    + dom.substring(Math.max(0, dom.length() - 500)));
        }
        return new Layout(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
    }
}
