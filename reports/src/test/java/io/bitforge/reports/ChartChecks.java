package io.bitforge.reports;

import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks shared by the chart tests: a PNG of the right size that is not blank, an SVG that is well-formed XML. */
public final class ChartChecks {
    private ChartChecks() {
    }

    public static BufferedImage checkPng(byte[] png, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        long nonWhite = 0;
        for (int y = 0; y < height; y += 2) {
            for (int x = 0; x < width; x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    nonWhite++;
                }
            }
        }
        // Text, axes and markers: many colours (anti-aliasing) and more than 1% of the sampled pixels inked.
        assertTrue(colours.size() > 10, "PNG has only " + colours.size() + " colours");
        assertTrue(nonWhite > width * height / 4 / 100, "PNG is nearly blank: " + nonWhite + " inked pixels");
        return image;
    }

    /** Parses without fetching anything (the DTD is not loaded) and checks the viewBox. */
    public static Document parseSvg(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(svg)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        // A viewBox equal to the drawing's size lets a page scale the chart to its box.
        var root = doc.getDocumentElement();
        double[] box = java.util.Arrays.stream(root.getAttribute("viewBox").trim().split("[ ,]+"))
                .filter(t -> !t.isEmpty()).mapToDouble(Double::parseDouble).toArray();
        assertEquals(4, box.length, "SVG viewBox");
        assertEquals(0, box[0]);
        assertEquals(0, box[1]);
        assertEquals(Double.parseDouble(root.getAttribute("width")), box[2], "viewBox width");
        assertEquals(Double.parseDouble(root.getAttribute("height")), box[3], "viewBox height");
        return doc;
    }

    /** All text content of the SVG's text elements, joined by newlines. */
    public static String texts(Document svg) {
        var nodes = svg.getElementsByTagNameNS("*", "text");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.append(nodes.item(i).getTextContent()).append('\n');
        }
        return out.toString();
    }

    /** Writes a chart under target/charts for a person to look at. */
    public static void keep(String name, byte[] content) throws IOException {
        Path dir = Path.of("target", "charts");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), content);
    }
}
