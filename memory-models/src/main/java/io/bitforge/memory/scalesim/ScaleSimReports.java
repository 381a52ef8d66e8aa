package io.bitforge.memory.scalesim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes SCALE-Sim's three report files with its exact columns and number formatting (scalesim/simulator.py,
 * generate_reports, as of SCALE-Sim v3, the newest regression outputs: v3 added the COMPUTE_REPORT column
 * "Total Cycles (incl. prefetch)" ahead of "Total Cycles"; the other two files keep v2's columns): cells joined
 * by ", ", a trailing "," on every line, integers for counts and cycle totals, Python float text for ratios and
 * for the start/stop cycles (SCALE-Sim takes those from float trace matrices, hence "33.0").
 */
public final class ScaleSimReports {
    public static final String COMPUTE_REPORT = "COMPUTE_REPORT.csv";
    public static final String BANDWIDTH_REPORT = "BANDWIDTH_REPORT.csv";
    public static final String DETAILED_ACCESS_REPORT = "DETAILED_ACCESS_REPORT.csv";

    private ScaleSimReports() {
    }

    public static String computeReport(List<ScaleSimLayerResult> layers) {
        StringBuilder out = new StringBuilder("LayerID, Total Cycles (incl. prefetch), Total Cycles, Stall Cycles, "
                + "Overall Util %, Mapping Efficiency %, Compute Util %,\n");
        for (int id = 0; id < layers.size(); id++) {
            ScaleSimLayerResult r = layers.get(id);
            line(out, id, List.of(Long.toString(r.totalCyclesInclPrefetch()), Long.toString(r.totalCycles()),
                    Long.toString(r.stallCycles()),
                    PythonFloats.repr(r.overallUtilisationPercent()),
                    PythonFloats.repr(r.mappingEfficiency() * 100),
                    PythonFloats.repr(r.computeUtilisation() * 100)));
        }
        return out.toString();
    }

    public static String bandwidthReport(List<ScaleSimLayerResult> layers) {
        StringBuilder out = new StringBuilder("LayerID, Avg IFMAP SRAM BW, Avg FILTER SRAM BW, Avg OFMAP SRAM BW, "
                + "Avg IFMAP DRAM BW, Avg FILTER DRAM BW, Avg OFMAP DRAM BW,\n");
        for (int id = 0; id < layers.size(); id++) {
            ScaleSimLayerResult r = layers.get(id);
            line(out, id, List.of(PythonFloats.repr(r.ifmapSramWordsPerCycle()),
                    PythonFloats.repr(r.filterSramWordsPerCycle()), PythonFloats.repr(r.ofmapSramWordsPerCycle()),
                    PythonFloats.repr(r.ifmapDram().wordsPerActiveCycle()),
                    PythonFloats.repr(r.filterDram().wordsPerActiveCycle()),
                    PythonFloats.repr(r.ofmapDram().wordsPerActiveCycle())));
        }
        return out.toString();
    }

    public static String detailedAccessReport(List<ScaleSimLayerResult> layers) {
        StringBuilder out = new StringBuilder("LayerID, "
                + "SRAM IFMAP Start Cycle, SRAM IFMAP Stop Cycle, SRAM IFMAP Reads, "
                + "SRAM Filter Start Cycle, SRAM Filter Stop Cycle, SRAM Filter Reads, "
                + "SRAM OFMAP Start Cycle, SRAM OFMAP Stop Cycle, SRAM OFMAP Writes, "
                + "DRAM IFMAP Start Cycle, DRAM IFMAP Stop Cycle, DRAM IFMAP Reads, "
                + "DRAM Filter Start Cycle, DRAM Filter Stop Cycle, DRAM Filter Reads, "
                + "DRAM OFMAP Start Cycle, DRAM OFMAP Stop Cycle, DRAM OFMAP Writes,\n");
        for (int id = 0; id < layers.size(); id++) {
            ScaleSimLayerResult r = layers.get(id);
            List<String> cells = new ArrayList<>();
            for (OperandAccess access : List.of(r.ifmapSram(), r.filterSram(), r.ofmapSram(), r.ifmapDram(),
                    r.filterDram(), r.ofmapDram())) {
                cells.add(PythonFloats.repr(access.startCycle()));
                cells.add(PythonFloats.repr(access.stopCycle()));
                cells.add(Long.toString(access.count()));
            }
            line(out, id, cells);
        }
        return out.toString();
    }

    /** Writes the three reports into {@code directory} (which must exist). */
    public static void write(Path directory, List<ScaleSimLayerResult> layers) {
        try {
            Files.writeString(directory.resolve(COMPUTE_REPORT), computeReport(layers), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve(BANDWIDTH_REPORT), bandwidthReport(layers), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve(DETAILED_ACCESS_REPORT), detailedAccessReport(layers),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(StringBuilder out, int layerId, List<String> cells) {
        out.append(layerId).append(", ").append(String.join(", ", cells)).append(",\n");
    }
}
