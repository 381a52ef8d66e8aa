package io.bitforge.verilog.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.core.io.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Yosys synthesis with cell counts parsed from {@code stat -json}. */
public final class Yosys {
    private Yosys() {
    }

    /**
     * Synthesises {@code files} (relative to {@code dir}) for {@code flow}; with {@code jsonNetlist} non-null
     * also writes the netlist JSON nextpnr reads.
     */
    public static SynthReport synth(Path dir, List<String> files, String top, SynthFlow flow, String jsonNetlist,
                                    Duration timeout) {
        return synthScript(dir, files, flow.command(top), flow, jsonNetlist, timeout);
    }

    /**
     * As {@link #synth} with {@code commands} (Yosys commands after reading the files, the last one a synthesis
     * command that takes {@code -json}) in place of the flow's one command; {@code flow} names the report.
     */
    public static SynthReport synthScript(Path dir, List<String> files, String commands, SynthFlow flow,
                                          String jsonNetlist, Duration timeout) {
        String statFile = "stat_" + flow.name().toLowerCase(java.util.Locale.ROOT) + ".json";
        StringBuilder script = new StringBuilder("read_verilog");
        files.forEach(f -> script.append(' ').append(f));
        script.append("; ").append(commands);
        if (jsonNetlist != null) {
            script.append(" -json ").append(jsonNetlist);
        }
        script.append("; tee -q -o ").append(statFile).append(" stat -json");
        List<String> cmd = new ArrayList<>(List.of("yosys", "-q", "-p", script.toString()));
        ToolResult r = ToolRunner.run(dir, timeout, cmd).orThrow();
        if (!Files.isRegularFile(dir.resolve(statFile)) || jsonNetlist != null
                && !Files.isRegularFile(dir.resolve(jsonNetlist))) {
            throw r.failure("exited with 0 but wrote no " + (jsonNetlist == null ? statFile : jsonNetlist));
        }
        return parseStat(flow, dir.resolve(statFile));
    }

    static SynthReport parseStat(SynthFlow flow, Path statJson) {
        try {
            JsonNode root = Json.mapper().readTree(Files.readString(statJson));
            JsonNode design = root.get("design");
            if (design == null) {
                throw new ToolException(statJson + ": no 'design' section in yosys stat -json output");
            }
            Map<String, Integer> cells = new TreeMap<>();
            JsonNode byType = design.get("num_cells_by_type");
            if (byType != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = byType.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    cells.put(e.getKey(), e.getValue().asInt());
                }
            }
            return new SynthReport(flow, new TreeMap<>(cells), design.path("num_cells").asInt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
