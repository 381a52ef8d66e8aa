package io.bitforge.memory.scalesim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Stall-free total cycles SCALE-Sim v2 (commit 22f88b1) reports for GEMM rows; one memory bank, 64 KiB SRAMs. */
class ScaleSimAnchorTest {
    @ParameterizedTest
    @CsvSource({
            // rows, cols, dataflow, M, N, K, SCALE-Sim total cycles (shared reference scalesim-anchors.csv)
            "8, 8, OS, 8, 8, 8, 21",
            "8, 8, WS, 8, 8, 8, 29",
            "8, 8, IS, 8, 8, 8, 29",
            "32, 32, OS, 32, 32, 32, 93",
            "32, 32, WS, 32, 32, 32, 125",
            "32, 32, IS, 32, 32, 32, 125"})
    void gemmAnchorsMatch(int rows, int cols, ScaleSimDataflow dataflow, int m, int n, int k, long cycles) {
        ScaleSimConfig config = ScaleSimConfig.calc("anchor", rows, cols, 64, dataflow);
        ScaleSimLayerResult result = ScaleSimLayerRun.run(TopologyLayer.gemm("g", m, n, k), config);
        assertEquals(cycles, result.totalCycles());
        assertEquals(0, result.stallCycles());
    }
}
