package io.bitforge.cli.browser;

import io.bitforge.cli.CliHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bitforge demo} ends by printing the path of its report.html, and that page, rendered by headless
 * Chromium, shows every chart and the headline tables within the window's width.
 */
class DemoReportInBrowserTest {
    @Test
    void demoPageRendersItsChartsAndHeadlinesWithinTheWindow(@TempDir Path tmp) throws Exception {
        Path browser = HeadlessChromium.require();
        Path out = tmp.resolve("demo");
        CliHarness.Result result = CliHarness.run("demo", "--prompt", "64", "--generate", "8", "--out",
                out.toString(), "--reproductions", Path.of("..", "examples", "reproduce").toString());
        assertEquals(0, result.exitCode(), result.stderr());
        List<String> lines = result.stdout().lines().toList();
        Path page = out.resolve("report.html");
        assertEquals(page.toString(), lines.get(lines.size() - 1), "the last line is the page's path");
        String html = Files.readString(page);
        // The demo writes one chart (the roofline); the page inlines it as SVG and has four headline tables.
        long svgCharts = html.lines().filter(l -> l.startsWith("<svg")).count();
        assertEquals(1, svgCharts, "inline SVG charts");

        Path profile = Files.createDirectories(tmp.resolve("profile"));
        String dom = HeadlessChromium.dumpDom(browser, PageLayoutProbe.write(page), profile);
        PageLayoutProbe.Layout layout = PageLayoutProbe.read(dom);
        assertEquals(HeadlessChromium.WINDOW_WIDTH, layout.windowWidth());
        assertEquals(1, layout.charts(), "charts drawn with a size");
        assertEquals(4, layout.headlineTables(), "designs, roofline, formats and reproductions headline tables");
        assertTrue(layout.documentWidth() <= layout.windowWidth(),
                "page wider than the window: " + layout);
        assertTrue(layout.widestRightEdge() <= layout.windowWidth(), "an element overflows the window: " + layout);
        for (String caption : List.of("Designs:", "Roofline on a100-80gb", "Weight formats",
                "Published simulators reproduced")) {
            assertTrue(dom.contains("<caption>" + caption), "headline table " + caption);
        }
        Path shot = Path.of("target", "demo-report.png");
        HeadlessChromium.screenshot(browser, page, profile, shot);
        assertTrue(Files.size(shot) > 10_000, "a screenshot with content");
    }
}
