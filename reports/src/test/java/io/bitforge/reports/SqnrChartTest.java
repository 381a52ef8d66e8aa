package io.bitforge.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import io.bitforge.reports.chart.ChartRender;
import io.bitforge.reports.chart.SqnrChart;
import io.bitforge.reports.chart.SqnrPoint;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqnrChartTest {
    /** Rows shaped like quantize.json; fp16 is exact (null SQNR) and wide, int8 has no product figure. */
    static JsonNode quantizeJson() throws Exception {
        return Json.mapper().readTree("""
                {"kind": "quantize", "results": [
                  {"format": "int4", "granularity": "group128", "bitsPerValue": 4.125, "sqnrDecibels": 19.9,
                   "matmulSqnrDecibels": 19.7},
                  {"format": "int8", "granularity": "group128", "bitsPerValue": 8.125, "sqnrDecibels": 44.1,
                   "matmulSqnrDecibels": null},
                  {"format": "bitmod-fp3-er+", "granularity": "group128", "bitsPerValue": 3.1875,
                   "sqnrDecibels": 15.2, "matmulSqnrDecibels": 15.0},
                  {"format": "fp16", "granularity": "group128", "bitsPerValue": 16.125, "sqnrDecibels": 75.0,
                   "matmulSqnrDecibels": 74.0}
                ]}""");
    }

    @Test
    void pointsAreTheQuantizeRowsBelowTwelveBits() throws Exception {
        List<SqnrPoint> points = SqnrPoint.fromQuantizeJson(quantizeJson(), "quantize.json");
        SqnrChart chart = new SqnrChart("SQNR", points);
        XYDataset data = ((XYPlot) chart.chart().getPlot()).getDataset();
        assertEquals(3, data.getItemCount(0), "fp16 at 16.125 bits is left out of the picture");
        assertEquals(4.125, data.getXValue(0, 0));
        assertEquals(19.9, data.getYValue(0, 0));
        assertEquals(3.1875, data.getXValue(0, 2));
        // The product series has the two rows that measured it.
        assertEquals(2, data.getItemCount(1));
        assertEquals(15.0, data.getYValue(1, 1));
    }

    @Test
    void badQuantizeJsonNamesTheFieldAndFile() throws Exception {
        JsonNode bad = Json.mapper().readTree("{\"results\": [{\"format\": 4}]}");
        BadInputException e = assertThrows(BadInputException.class, () -> SqnrPoint.fromQuantizeJson(bad, "q.json"));
        assertTrue(e.getMessage().startsWith("q.json: results[0]:"), e.getMessage());
    }

    @Test
    void chartRendersWithLabelsAndIsDeterministic() throws Exception {
        List<SqnrPoint> points = SqnrPoint.fromQuantizeJson(quantizeJson(), "quantize.json");
        String svg = ChartRender.svg(new SqnrChart("SQNR", points).chart(), 900, 640, "bitforge-sqnr-");
        ChartChecks.keep("sqnr-small.svg", svg.getBytes(StandardCharsets.UTF_8));
        assertEquals(svg, ChartRender.svg(new SqnrChart("SQNR", points).chart(), 900, 640, "bitforge-sqnr-"));
        String texts = ChartChecks.texts(ChartChecks.parseSvg(svg));
        for (String expected : List.of("SQNR (dB, higher is better)", "bits per value", "int4", "bitmod-fp3-er+",
                "weights: SQNR of the values", "W·X: SQNR of the product")) {
            assertTrue(texts.contains(expected), expected + " in " + texts);
        }
        byte[] png = ChartRender.png(new SqnrChart("SQNR", points).chart(), 900, 640);
        ChartChecks.checkPng(png, 900, 640);
        ChartChecks.keep("sqnr-small.png", png);
        ChartChecks.keep("sqnr-small.svg", svg.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void labelsOfFormatsAtTheSameBitsDoNotOverlap() throws Exception {
        // The demo's crowd at 4.125 bits (3 and 4 bits are where formats compete): six labels within 4.6 dB.
        String[] formats = {"int4", "fp4-e2m1", "flint4", "bitmod-fp4-er+", "bitmod-fp4-ea+", "bitmod-mix4"};
        double[] sqnr = {11.1, 13.9, 15.2, 15.0, 15.4, 15.8};
        List<SqnrPoint> points = new java.util.ArrayList<>();
        for (int i = 0; i < formats.length; i++) {
            points.add(new SqnrPoint(formats[i], "group128", i < 3 ? 4.125 : 4.14, sqnr[i], sqnr[i] + 0.4));
        }
        points.add(new SqnrPoint("int3", "group128", 3.125, 5.0, 5.2));
        String svg = ChartRender.svg(new SqnrChart("SQNR", points).chart(), 900, 640, "bitforge-sqnr-");
        ChartChecks.keep("sqnr-crowded.svg", svg.getBytes(StandardCharsets.UTF_8));
        var nodes = ChartChecks.parseSvg(svg).getElementsByTagNameNS("*", "text");
        List<java.awt.geom.Rectangle2D> boxes = new java.util.ArrayList<>();
        java.awt.FontMetrics metrics = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB)
                .createGraphics().getFontMetrics(io.bitforge.reports.chart.ChartStyle.ANNOTATION);
        for (int i = 0; i < nodes.getLength(); i++) {
            var text = (org.w3c.dom.Element) nodes.item(i);
            String content = text.getTextContent();
            if (List.of(formats).contains(content) || content.equals("int3")) {
                double x = Double.parseDouble(text.getAttribute("x"));
                double y = Double.parseDouble(text.getAttribute("y"));
                // The text's box: baseline at y, as wide as the annotation font draws it.
                java.awt.geom.Rectangle2D box = new java.awt.geom.Rectangle2D.Double(x, y - metrics.getAscent(),
                        metrics.stringWidth(content), metrics.getAscent());
                for (java.awt.geom.Rectangle2D other : boxes) {
                    assertTrue(!other.intersects(box), content + " overlaps another label");
                }
                boxes.add(box);
            }
        }
        assertEquals(formats.length + 1, boxes.size(), "every format labelled once");
    }
}
