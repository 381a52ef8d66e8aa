package io.bitforge.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.bitforge.core.registry.Catalogued;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A built-in hardware spec, resolvable by name wherever a spec file is accepted ({@code --hw tpu-like-int8}):
 * its YAML text, whose leading comment says what it models and where its figures come from. The module that owns
 * a preset's PE family registers it, so adding a family never touches sim-core.
 */
public record HardwarePreset(String id, String yaml) implements Catalogued {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Reads {@code resource} (relative to {@code anchor}'s package) as the preset {@code id}. */
    public static HardwarePreset fromResource(Class<?> anchor, String resource, String id) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("preset resource missing: " + resource + " beside " + anchor);
            }
            return new HardwarePreset(id, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The leading comment's first phrase: up to its first full stop or colon. */
    @Override
    public String description() {
        String comment = source();
        int stop = comment.indexOf(". ");
        int colon = comment.indexOf(": ");
        if (colon >= 0 && (stop < 0 || colon < stop)) {
            return comment.substring(0, colon);
        }
        return stop < 0 ? comment : comment.substring(0, stop + 1);
    }

    /** The whole leading comment, on one line: what the preset models and its sources. */
    @Override
    public String source() {
        StringBuilder comment = new StringBuilder();
        for (String line : yaml.lines().toList()) {
            if (!line.startsWith("#")) {
                break;
            }
            if (comment.length() > 0) {
                comment.append(' ');
            }
            comment.append(line.substring(1).strip());
        }
        return comment.toString();
    }

    /** Family, array, dataflow, clock, node and DRAM, read from the YAML without validating it. */
    @Override
    public Map<String, Object> facts() {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("family", root.at("/pe/family").asText());
        facts.put("array", root.at("/array/rows").asText() + "x" + root.at("/array/cols").asText());
        facts.put("dataflow", root.at("/dataflow").asText());
        facts.put("clockMegahertz", root.at("/clockMegahertz").asDouble());
        facts.put("node", root.at("/node").asText());
        JsonNode dram = root.at("/dram");
        facts.put("dram", dram.has("preset") ? dram.get("preset").asText()
                : "custom " + dram.at("/custom/bytesPerCycle").asText() + " B/cycle");
        return facts;
    }
}
