package io.bitforge.memory.scalesim;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SCALE-Sim's own regression outputs for AlexNet conv1 (224×224×3 input, 11×11×3 filters, 96 filters, stride 4)
 * on a 32×32 weight-stationary array with 64 KB SRAMs in CALC mode: scalesim-project/scale-sim-v3,
 * test/general/golden_trace_calc (resources scalesim/alexnet-conv1-ws-calc, see its SOURCE.md for how v2's older
 * output differs). Every value must match exactly.
 */
class ScaleSimGoldenTest {
    static final TopologyLayer CONV1 = new TopologyLayer("Conv1", 224, 224, 11, 11, 3, 96, 4, 4);

    @Test
    void alexNetConv1WeightStationaryMatchesScaleSimValueForValue() throws IOException {
        ScaleSimConfig config = ScaleSimConfig.calc("golden", 32, 32, 64, ScaleSimDataflow.WS);
        ScaleSimLayerResult r = ScaleSimLayerRun.run(CONV1, config);
        assertEquals(112283, r.totalCycles());
        assertEquals(0, r.stallCycles());
        assertEquals(91.68309650614964, r.overallUtilisationPercent());
        assertEquals(94.53125, r.mappingEfficiency() * 100);
        assertEquals(90.78000992063485, r.computeUtilisation() * 100);

        assertEquals(new OperandAccess(33, 112176, 3294225), r.ifmapSram());
        assertEquals(new OperandAccess(1, 109197, 34848), r.filterSram());
        assertEquals(new OperandAccess(63, 112283, 3484800), r.ofmapSram());
        assertEquals(new OperandAccess(-3243, 111824, 1805023), r.ifmapDram());
        assertEquals(new OperandAccess(-3275, 102937, 34848), r.filterDram());
        assertEquals(new OperandAccess(1102, 112935, 3484831), r.ofmapDram());
        assertEquals(116210, r.totalCyclesInclPrefetch());

        assertEquals(29.338590881967885, r.ifmapSramWordsPerCycle());
        assertEquals(0.31035864734643714, r.filterSramWordsPerCycle());
        assertEquals(31.035864734643713, r.ofmapSramWordsPerCycle());
        assertEquals(15.686576632947475, r.ifmapDram().wordsPerActiveCycle());
        assertEquals(0.3280954308794592, r.filterDram().wordsPerActiveCycle());
        assertEquals(31.160747178854372, r.ofmapDram().wordsPerActiveCycle());

        // The three report files, byte for byte.
        String dir = "/scalesim/alexnet-conv1-ws-calc/";
        assertEquals(resource(dir + "COMPUTE_REPORT.csv"), ScaleSimReports.computeReport(List.of(r)));
        assertEquals(resource(dir + "BANDWIDTH_REPORT.csv"), ScaleSimReports.bandwidthReport(List.of(r)));
        assertEquals(resource(dir + "DETAILED_ACCESS_REPORT.csv"), ScaleSimReports.detailedAccessReport(List.of(r)));
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ScaleSimGoldenTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
