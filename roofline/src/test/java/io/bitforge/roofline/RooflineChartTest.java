package io.bitforge.roofline;

import io.bitforge.core.op.Precision;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.core.workload.PhaseKind;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RooflineChartTest {
    private static RooflineChart chart() {
        DeviceMachine a100 = new DeviceMachine(DevicePresets.all().get(0));
        RooflineAnalyzer analyzer = new RooflineAnalyzer(a100, RooflineOptions.defaults());
        List<PhaseRoofline> phases = List.of(
                analyzer.analyze(new PhaseGraph("prefill", PhaseKind.PREFILL,
                        HandBuiltLlama.graph(1, 1024, 1024, 32, Precision.FP16, Precision.FP16, Precision.FP16, 0),
                        1, 1)),
                analyzer.analyze(new PhaseGraph("decode", PhaseKind.DECODE,
                        HandBuiltLlama.graph(1, 1, 1024, 32, Precision.FP16, Precision.FP16, Precision.FP16, 0),
                        1, 1)));
        return RooflineChart.of("Llama-2-7B on a100-40gb", a100, phases);
    }

    @Test
    void pngIsAnImageOfTheAskedSize() throws IOException {
        byte[] png = chart().png(900, 640);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(900, image.getWidth());
        assertEquals(640, image.getHeight());
        // Kept for a person to look at.
        Files.write(Path.of("target", "roofline-test.png"), png);
    }

    @Test
    void svgIsByteIdenticalAcrossRendersAndHasDecadeLabels() throws IOException {
        String first = chart().svg(900, 640);
        Files.writeString(Path.of("target", "roofline-test.svg"), first);
        String second = chart().svg(900, 640);
        assertEquals(first, second);
        assertTrue(first.contains("<svg"));
        assertTrue(first.contains("viewBox='0.0 0.0 900.0 640.0'"), "a viewBox, so the chart scales in a page");
        assertTrue(first.contains("bitforge-roofline-"), "fixed defs prefix");
        // Decade labels are 10 with an integer superscript exponent, as text: 10⁻¹ ... 10⁴ on x, 10¹⁵ on y.
        assertTrue(first.contains(">10⁻¹<"), "0.1 as a decade label");
        assertTrue(first.contains(">10⁴<"), "10,000 as a decade label");
        assertTrue(first.contains(">10¹⁵<"), "1e15 ops/s as a decade label");
        assertFalse(first.contains("E") && first.contains(">1.0E"), "no scientific notation labels");
    }

    @Test
    void oneMarkerPerOpAtIntensityAndAttainableAndRidgesAtPeakOverBandwidth() {
        DeviceMachine a100 = new DeviceMachine(DevicePresets.all().get(0));
        RooflineAnalyzer analyzer = new RooflineAnalyzer(a100, RooflineOptions.defaults());
        List<PhaseRoofline> phases = List.of(analyzer.analyze(new PhaseGraph("prefill", PhaseKind.PREFILL,
                HandBuiltLlama.graph(1, 1024, 1024, 32, Precision.FP16, Precision.FP16, Precision.FP16, 0), 1, 1)));
        org.jfree.data.xy.XYDataset data = ((org.jfree.chart.plot.XYPlot) RooflineChart.of("t", a100, phases).chart()
                .getPlot()).getDataset();
        int ridges = data.indexOf("ridge points");
        int ops = data.indexOf("prefill ops");
        // A100 (NVIDIA A100 datasheet): 1555 GB/s; fp16 dense 312 TOP/s -> ridge 312e12 / 1555e9 = 200.6 op/B.
        boolean fp16Ridge = false;
        for (int i = 0; i < data.getItemCount(ridges); i++) {
            double ridge = Math.pow(10, data.getXValue(ridges, i));
            double peak = Math.pow(10, data.getYValue(ridges, i));
            assertEquals(peak / 1555e9, ridge, ridge * 1e-12, "every ridge at peak / bandwidth");
            fp16Ridge |= Math.abs(peak - 312e12) < 1e3;
        }
        assertTrue(fp16Ridge, "the fp16 roof's ridge is drawn");
        // One marker per op with a roof, at (ops / DRAM bytes, min(peak, intensity x bandwidth)).
        List<OpRoofline> rows = phases.get(0).rows().stream().filter(r -> r.peak() != null && r.seconds() > 0)
                .toList();
        assertEquals(rows.size(), data.getItemCount(ops));
        for (int i = 0; i < rows.size(); i++) {
            OpRoofline row = rows.get(i);
            double intensity = row.ops() / row.totalBytes();
            double attainable = Math.min(row.peak().opsPerSecond(), intensity * 1555e9);
            assertEquals(Math.log10(intensity), data.getXValue(ops, i), 1e-9, row.name());
            assertEquals(Math.log10(attainable), data.getYValue(ops, i), 1e-9, row.name());
        }
    }

    @Test
    void xRangeCoversRidgesAndOpsInWholeDecades() {
        double[] x = chart().xRange();
        // A100 roofs: fp32 19.5e12 / 1555e9 = 12.5 op/B (lowest ridge) / 10 -> 1.25, and the decode ops near
        // 1 op/B: from 0.1; highest ridge int4 1248e12 / 1555e9 = 802.6 x 10 -> 8026 -> 10^4.
        assertArrayEquals(new double[] {0.1, 10_000}, x, 1e-12);
    }

    @Test
    void theTenLongestOpsAreNumberedInTheLegendLongestFirst() throws Exception {
        RooflineChart chart = chart();
        List<RooflineChart.Point> numbered = chart.numbered();
        assertEquals(RooflineChart.NUMBERED_OPS, numbered.size());
        // Longest first, and no op left out is longer than the last one numbered.
        for (int i = 1; i < numbered.size(); i++) {
            assertTrue(numbered.get(i - 1).seconds() >= numbered.get(i).seconds());
        }
        RooflineChart.Point first = numbered.get(0);
        String svg = chart.svg(900, 640);
        String legend = chart.numberedLegend(numbered);
        assertTrue(legend.startsWith("1 " + first.group() + " " + first.label() + " "), legend);
        assertTrue(legend.contains("  ·  10 "), legend);
        // The numbers 1..10 are drawn as text in the plot.
        for (int n = 1; n <= RooflineChart.NUMBERED_OPS; n++) {
            assertTrue(svg.contains(">" + n + "</text>"), "label " + n);
        }
    }

    @Test
    void labelsPlacedAroundOneCrowdedSpotNeverOverlapAndStayInThePlot() {
        java.awt.geom.Rectangle2D area = new java.awt.geom.Rectangle2D.Double(0, 0, 400, 300);
        List<java.awt.geom.Rectangle2D> taken = new java.util.ArrayList<>();
        // Ten ops on one spot at the right edge, where the old labels were clipped.
        for (int i = 0; i < 10; i++) {
            java.awt.geom.Rectangle2D box = PlacedLabels.place(398, 150, 14, 9, taken, area);
            assertTrue(area.contains(box), "inside the plot: " + box);
            for (java.awt.geom.Rectangle2D other : taken) {
                assertTrue(!other.intersects(box), "overlap: " + box + " and " + other);
            }
            taken.add(box);
        }
    }
}
