package io.bitforge.cli.commands;

import io.bitforge.cli.CliContext;
import io.bitforge.cli.VersionProvider;
import io.bitforge.core.io.Csv;
import io.bitforge.cli.output.OutputTarget;
import io.bitforge.core.io.TextTable;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import io.bitforge.memory.scalesim.OperandAccess;
import io.bitforge.memory.scalesim.ScaleSimConfig;
import io.bitforge.memory.scalesim.ScaleSimConfigParser;
import io.bitforge.memory.scalesim.ScaleSimLayerResult;
import io.bitforge.memory.scalesim.ScaleSimReports;
import io.bitforge.memory.scalesim.ScaleSimRun;
import io.bitforge.memory.scalesim.TopologyLayer;
import io.bitforge.memory.scalesim.TopologyParser;
import io.bitforge.reports.results.ResultsWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bitforge gemm --scalesim-config FILE.cfg --topology FILE.csv [--out DIR]}: runs a SCALE-Sim v2 config and
 * topology through BitForge's SCALE-Sim compatibility model and writes SCALE-Sim's COMPUTE_REPORT.csv,
 * BANDWIDTH_REPORT.csv and DETAILED_ACCESS_REPORT.csv (plus manifest.json) into DIR, so a SCALE-Sim user switches
 * by changing the command. Without --out the per-layer figures are printed (or written with --json/--csv).
 */
final class ScaleSimInterop {
    private ScaleSimInterop() {
    }

    /** {@code longRunAllowed}: run even when estimated past a minute ({@code --yes}); never one past the heap. */
    static int run(CliContext context, String configFile, String topologyFile, String outDir, String json,
                   String csv, boolean longRunAllowed) {
        Path configPath = Path.of(configFile);
        requireFile("--scalesim-config", configPath);
        ScaleSimConfig config = ScaleSimConfigParser.parse(configPath);
        Path topologyPath;
        if (topologyFile != null) {
            topologyPath = Path.of(topologyFile);
        } else if (config.topologyPath().isPresent()) {
            Path fromConfig = Path.of(config.topologyPath().get());
            Path folder = configPath.toAbsolutePath().getParent();
            topologyPath = fromConfig.isAbsolute() || folder == null ? fromConfig : folder.resolve(fromConfig);
        } else {
            throw new BadInputException("--topology: missing; give a SCALE-Sim topology CSV (the config "
                    + configPath.getFileName() + " has no [network_presets] TopologyCsvLoc)");
        }
        requireFile("--topology", topologyPath);
        List<TopologyLayer> layers = TopologyParser.parse(topologyPath);
        List<ScaleSimLayerResult> results = ScaleSimRun.run(config, layers, longRunAllowed);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ScaleSimLayerResult result : results) {
            rows.add(row(result));
        }
        if (outDir != null) {
            writeDirectory(outDir, config, configPath, topologyPath, layers, results);
        }
        OutputTarget.write("--json", json, Json.write(rows), context.out());
        OutputTarget.write("--csv", csv, toCsv(rows), context.out());
        if (json == null && csv == null) {
            context.out().print(table(rows));
            if (outDir != null) {
                context.out().println("wrote " + ScaleSimReports.COMPUTE_REPORT + ", "
                        + ScaleSimReports.BANDWIDTH_REPORT + ", " + ScaleSimReports.DETAILED_ACCESS_REPORT
                        + " and manifest.json to " + outDir);
            }
        }
        return 0;
    }

    /** One layer's figures under BitForge's field names (bytes = SCALE-Sim words). */
    static Map<String, Object> row(ScaleSimLayerResult r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("layer", r.layerName());
        row.put("totalCycles", r.totalCycles());
        row.put("totalCyclesInclPrefetch", r.totalCyclesInclPrefetch());
        row.put("stallCycles", r.stallCycles());
        row.put("overallUtilizationPercent", r.overallUtilisationPercent());
        row.put("mappingEfficiencyPercent", r.mappingEfficiency() * 100);
        row.put("computeUtilizationPercent", r.computeUtilisation() * 100);
        row.put("sramReads", operands(r.ifmapSram().count(), r.filterSram().count()));
        row.put("sramWrites", Map.of("ofmap", r.ofmapSram().count()));
        row.put("dramReads", operands(r.ifmapDram().count(), r.filterDram().count()));
        row.put("dramWrites", Map.of("ofmap", r.ofmapDram().count()));
        Map<String, Object> bandwidth = new LinkedHashMap<>();
        bandwidth.put("ifmap", r.ifmapDram().wordsPerActiveCycle());
        bandwidth.put("filter", r.filterDram().wordsPerActiveCycle());
        bandwidth.put("ofmap", r.ofmapDram().wordsPerActiveCycle());
        row.put("averageDramBandwidthBytesPerCycle", bandwidth);
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("ifmap", cycles(r.ifmapDram()));
        window.put("filter", cycles(r.filterDram()));
        window.put("ofmap", cycles(r.ofmapDram()));
        row.put("dramActiveCycles", window);
        return row;
    }

    private static Map<String, Object> operands(long ifmap, long filter) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ifmap", ifmap);
        map.put("filter", filter);
        return map;
    }

    private static Map<String, Object> cycles(OperandAccess access) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("start", access.startCycle());
        map.put("stop", access.stopCycle());
        return map;
    }

    private static void writeDirectory(String outDir, ScaleSimConfig config, Path configPath, Path topologyPath,
                                       List<TopologyLayer> layers, List<ScaleSimLayerResult> results) {
        Path dir = Path.of(outDir);
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new BadInputException("--out: cannot write " + outDir + ": folder " + parent + " does not exist");
        }
        try {
            Files.createDirectories(dir);
            ScaleSimReports.write(dir, results);
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("scalesimConfigFile", configPath.getFileName().toString());
            inputs.put("scalesimConfig", configMap(config));
            inputs.put("topologyFile", topologyPath.getFileName().toString());
            inputs.put("topology", layers);
            ResultsWriter.create(dir, "--out")
                    .existing(ScaleSimReports.COMPUTE_REPORT, "table", "SCALE-Sim's compute report, per layer")
                    .existing(ScaleSimReports.BANDWIDTH_REPORT, "table", "SCALE-Sim's bandwidth report, per layer")
                    .existing(ScaleSimReports.DETAILED_ACCESS_REPORT, "table", "SCALE-Sim's detailed access report, per layer")
                    .finish("gemm-scalesim", VersionProvider.version(), inputs, null);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BadInputException("--out: cannot write " + outDir + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> configMap(ScaleSimConfig c) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("runName", c.runName());
        map.put("arrayRows", c.arrayRows());
        map.put("arrayCols", c.arrayCols());
        map.put("ifmapSramKib", c.ifmapSramKib());
        map.put("filterSramKib", c.filterSramKib());
        map.put("ofmapSramKib", c.ofmapSramKib());
        map.put("ifmapOffset", c.ifmapOffset());
        map.put("filterOffset", c.filterOffset());
        map.put("ofmapOffset", c.ofmapOffset());
        map.put("dataflow", c.dataflow().word());
        map.put("interfaceBandwidth", c.userBandwidth() ? "USER" : "CALC");
        map.put("bandwidthWordsPerCycle", c.bandwidthWordsPerCycle());
        map.put("memoryBanks", c.memoryBanks());
        return map;
    }

    private static void requireFile(String option, Path path) {
        if (!Files.isRegularFile(path)) {
            throw new BadInputException(option + ": no such file: " + path);
        }
    }

    /**
     * The per-layer figures for people at three significant digits: cycles and DRAM bytes with one SI prefix per
     * column, bandwidths unprefixed (0.328 B/cycle reads better than 328 mB/cycle); ifmap and filter are only read
     * from DRAM, ofmap only written. JSON and CSV keep the exact values.
     */
    private static String table(List<Map<String, Object>> rows) {
        TextTable table = new TextTable(List.of("layer", "cycles", "stalls", "util", "DRAM ifmap", "DRAM filter",
                "DRAM ofmap", "BW ifmap", "BW filter", "BW ofmap")).quantity(1, "").quantity(2, "")
                .fixedQuantity(3, "%").quantity(4, "B").quantity(5, "B").quantity(6, "B").fixedQuantity(7, "B/cycle")
                .fixedQuantity(8, "B/cycle").fixedQuantity(9, "B/cycle");
        for (Map<String, Object> row : rows) {
            Map<?, ?> reads = (Map<?, ?>) row.get("dramReads");
            Map<?, ?> writes = (Map<?, ?>) row.get("dramWrites");
            Map<?, ?> bandwidth = (Map<?, ?>) row.get("averageDramBandwidthBytesPerCycle");
            table.row(List.of(row.get("layer"), row.get("totalCycles"), row.get("stallCycles"),
                    row.get("overallUtilizationPercent"), reads.get("ifmap"), reads.get("filter"), writes.get("ofmap"),
                    bandwidth.get("ifmap"), bandwidth.get("filter"), bandwidth.get("ofmap")));
        }
        return table.toString();
    }

    private static String toCsv(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder();
        boolean header = true;
        for (Map<String, Object> row : rows) {
            Map<String, Object> flat = new LinkedHashMap<>();
            flatten("", row, flat);
            if (header) {
                out.append(Csv.line(List.copyOf(flat.keySet())));
                header = false;
            }
            out.append(Csv.line(List.copyOf(flat.values())));
        }
        return out.toString();
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> out) {
        map.forEach((key, value) -> {
            String name = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
            if (value instanceof Map<?, ?> child) {
                flatten(name, child, out);
            } else {
                out.put(name, value);
            }
        });
    }
}
