package io.bitforge.api;

import io.bitforge.memory.scalesim.OperandAccess;
import io.bitforge.memory.scalesim.ScaleSimConfig;
import io.bitforge.memory.scalesim.ScaleSimLayerResult;
import io.bitforge.memory.scalesim.ScaleSimReports;
import io.bitforge.memory.scalesim.TopologyLayer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link BitForge#scaleSim}: each topology layer through BitForge's SCALE-Sim compatibility model.
 * {@link #rows()} are the per-layer figures under BitForge's field names (bytes = SCALE-Sim words; what
 * {@code bitforge gemm --scalesim-config --json} writes), {@link #writeReports} writes SCALE-Sim's own three CSV
 * reports, and {@link #inputs()} is the run's inputs as a results directory's manifest records them.
 */
public record ScaleSimReport(ScaleSimConfig config, Path configFile, Path topologyFile, List<TopologyLayer> layers,
                             List<ScaleSimLayerResult> results) {
    public ScaleSimReport {
        layers = List.copyOf(layers);
        results = List.copyOf(results);
    }

    /** One map per layer, in topology order. */
    public List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ScaleSimLayerResult result : results) {
            rows.add(row(result));
        }
        return rows;
    }

    /** Writes COMPUTE_REPORT.csv, BANDWIDTH_REPORT.csv and DETAILED_ACCESS_REPORT.csv into {@code dir}. */
    public void writeReports(Path dir) throws IOException {
        ScaleSimReports.write(dir, results);
    }

    /** The config and topology, file names and contents. */
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("scalesimConfigFile", configFile.getFileName().toString());
        inputs.put("scalesimConfig", configMap(config));
        inputs.put("topologyFile", topologyFile.getFileName().toString());
        inputs.put("topology", layers);
        return inputs;
    }

    private static Map<String, Object> row(ScaleSimLayerResult r) {
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
}
