package io.bitforge.core.engine;

import io.bitforge.core.op.ConvOp;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Precision;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.Dataflow;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The fold model against published SCALE-Sim v2 results: the anchor rows of {@code scalesim-anchors.csv}
 * (SCALE-Sim v2 commit 22f88b1, GEMM topologies, stall-free bandwidth) and its golden AlexNet conv1 run
 * ({@code test/golden_trace}: 32x32 WS, 112,283 cycles, overall utilisation 91.68%, mapping efficiency 94.53%).
 */
class ScaleSimParityTest {
    @Test
    void everyAnchorRowExactly() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("scalesim-anchors.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            assertEquals("array_rows,array_cols,dataflow,sram_kib_each,M,N,K,total_cycles", header);
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(line.split(","));
                }
            }
        }
        assertFalse(rows.isEmpty());
        for (String[] row : rows) {
            ArraySpec array = new ArraySpec(Integer.parseInt(row[0]), Integer.parseInt(row[1]));
            Dataflow dataflow = Dataflow.fromId(row[2]).orElseThrow();
            long m = Long.parseLong(row[4]);
            long n = Long.parseLong(row[5]);
            long k = Long.parseLong(row[6]);
            ArrayMetrics metrics = FoldModel.metrics(array, dataflow, CellTiming.SINGLE_MAC, m, k, n);
            assertEquals(Long.parseLong(row[7]), metrics.totalCycles(), String.join(",", row));
            assertEquals(0, metrics.stallCycles());
        }
    }

    @Test
    void alexNetConv1OnWeightStationary32x32() {
        // SCALE-Sim lowers 224x224x3, 11x11 filters, 96 filters, stride 4 to M = 55*55 = 3025, K = 363, N = 96.
        GemmOp gemm = new ConvOp("conv1", 224, 224, 11, 11, 3, 96, 4).toGemm(Precision.INT8);
        assertEquals(3025, gemm.m());
        ArrayMetrics metrics = FoldModel.metrics(new ArraySpec(32, 32), Dataflow.WS, CellTiming.SINGLE_MAC,
                gemm.m(), gemm.k(), gemm.n());
        assertEquals(112_283, metrics.totalCycles());
        assertEquals(0, metrics.stallCycles());
        assertEquals(91.68, round2(metrics.overallUtilizationPercent()));
        assertEquals(94.53, round2(metrics.mappingEfficiencyPercent()));
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
