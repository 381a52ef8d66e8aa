package io.bitforge.cli.commands;

import io.bitforge.api.ScaleSimReport;
import io.bitforge.api.ScaleSimRequest;
import io.bitforge.cli.CliContext;
import io.bitforge.cli.VersionProvider;
import io.bitforge.core.io.Csv;
import io.bitforge.cli.output.OutputTarget;
import io.bitforge.core.io.TextTable;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import io.bitforge.memory.scalesim.ScaleSimReports;
import io.bitforge.reports.results.ResultsWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        ScaleSimReport report = context.library().scaleSim(new ScaleSimRequest(Path.of(configFile),
                topologyFile == null ? null : Path.of(topologyFile), longRunAllowed));
        List<Map<String, Object>> rows = report.rows();
        if (outDir != null) {
            writeDirectory(outDir, report);
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

    private static void writeDirectory(String outDir, ScaleSimReport report) {
        Path dir = Path.of(outDir);
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new BadInputException("--out: cannot write " + outDir + ": folder " + parent + " does not exist");
        }
        try {
            Files.createDirectories(dir);
            report.writeReports(dir);
            ResultsWriter.create(dir, "--out")
                    .existing(ScaleSimReports.COMPUTE_REPORT, "table", "SCALE-Sim's compute report, per layer")
                    .existing(ScaleSimReports.BANDWIDTH_REPORT, "table", "SCALE-Sim's bandwidth report, per layer")
                    .existing(ScaleSimReports.DETAILED_ACCESS_REPORT, "table", "SCALE-Sim's detailed access report, per layer")
                    .finish("gemm-scalesim", VersionProvider.version(), report.inputs(), null);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BadInputException("--out: cannot write " + outDir + ": " + e.getMessage(), e);
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
