package io.bitforge.core.engine;

import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.Dataflow;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hand-derived fold-model cases, one per dataflow, square and ragged. */
class FoldModelTest {
    private static final double EPS = 1e-9;

    @Test
    void outputStationaryRagged2x2() {
        // os 2x2, M=3 K=5 N=2: Sr = M = 3, Sc = N = 2, T = K = 5 -> 2 row folds x 1 col fold.
        // Fold length L = T + R + C - 2 = 5 + 2 + 2 - 2 = 7; total = 2*7 - 1 = 13.
        ArrayMetrics m = FoldModel.metrics(new ArraySpec(2, 2), Dataflow.OS, CellTiming.SINGLE_MAC, 3, 5, 2);
        assertEquals(2, m.rowFolds());
        assertEquals(1, m.colFolds());
        assertEquals(7, m.foldCycles());
        assertEquals(13, m.totalCycles());
        // MACs 3*5*2 = 30; overall = 30 / (13 * 4) = 57.6923...%
        assertEquals(100.0 * 30 / 52, m.overallUtilizationPercent(), EPS);
        // folds map 2x2 (1.0) and 1x2 (0.5): mean 75%
        assertEquals(75.0, m.mappingEfficiencyPercent(), EPS);
        // compute util per fold = used*T / (4 * L): 4*5/28 and 2*5/28 -> mean 15/28
        assertEquals(100.0 * 15 / 28, m.computeUtilizationPercent(), EPS);
        // per fold: the full fold reads 2 rows x K=5 of A and K=5 x 2 columns of B and writes 2x2 outputs;
        // the ragged fold reads 1 x 5 of A, the same 5 x 2 of B and writes 1 x 2 outputs
        assertEquals(java.util.List.of(new FoldClass(1, 2, 2, 7, 10, 10, 4), new FoldClass(1, 1, 2, 7, 5, 10, 2)),
                m.foldClasses());
    }

    @Test
    void weightStationaryRagged2x2() {
        // ws 2x2, M=3 K=5 N=2: Sr = K = 5, Sc = N = 2, T = M = 3 -> 3 row folds x 1 col fold.
        // L = 2R + C + T - 2 = 4 + 2 + 3 - 2 = 7; total = 3*7 - 1 = 20.
        ArrayMetrics m = FoldModel.metrics(new ArraySpec(2, 2), Dataflow.WS, CellTiming.SINGLE_MAC, 3, 5, 2);
        assertEquals(3, m.rowFolds());
        assertEquals(7, m.foldCycles());
        assertEquals(20, m.totalCycles());
        assertEquals(100.0 * 30 / 80, m.overallUtilizationPercent(), EPS);
        // folds map 1.0, 1.0, 0.5 -> 2.5/3
        assertEquals(100.0 * 2.5 / 3, m.mappingEfficiencyPercent(), EPS);
        // SCALE-Sim's window for ws is L + C - 1 = 8: 4*3/32, 4*3/32, 2*3/32 -> mean 30/96
        assertEquals(100.0 * 30 / 96, m.computeUtilizationPercent(), EPS);
    }

    @Test
    void inputStationaryRagged4x4() {
        // is 4x4, M=6 K=4 N=9: Sr = K = 4, Sc = M = 6, T = N = 9 -> 1 row fold x 2 col folds.
        // L = 2*4 + 4 + 9 - 2 = 19; total = 2*19 - 1 = 37.
        ArrayMetrics m = FoldModel.metrics(new ArraySpec(4, 4), Dataflow.IS, CellTiming.SINGLE_MAC, 6, 4, 9);
        assertEquals(1, m.rowFolds());
        assertEquals(2, m.colFolds());
        assertEquals(19, m.foldCycles());
        assertEquals(37, m.totalCycles());
        assertEquals(216, m.macs());
        assertEquals(100.0 * 216 / (37 * 16), m.overallUtilizationPercent(), EPS);
        assertEquals(75.0, m.mappingEfficiencyPercent(), EPS);
        // window 19 + 3 = 22: 16*9/(16*22) and 8*9/(16*22) -> mean (9/22 + 4.5/22)/2
        assertEquals(100.0 * (9.0 / 22 + 4.5 / 22) / 2, m.computeUtilizationPercent(), EPS);
    }

    @Test
    void squareOutputStationary4x4() {
        // os 4x4, M=K=N=4: one fold, L = 4 + 4 + 4 - 2 = 10, total 9; all cells mapped.
        ArrayMetrics m = FoldModel.metrics(new ArraySpec(4, 4), Dataflow.OS, CellTiming.SINGLE_MAC, 4, 4, 4);
        assertEquals(9, m.totalCycles());
        assertEquals(100.0, m.mappingEfficiencyPercent(), EPS);
        assertEquals(100.0 * 4 / 10, m.computeUtilizationPercent(), EPS);
    }

    @Test
    void cellLanesAndMultiCycleStepsScaleTheStream() {
        // A 4-lane dot-product cell along K taking 2 cycles per step, os 2x2, M=2 K=8 N=2:
        // K steps = 8/4 = 2, one fold, L = 2 * (2 + 2 + 2 - 2) = 8, total 7; peak = 4 cells * 4 MACs / 2 cycles.
        ArrayMetrics m = FoldModel.metrics(new ArraySpec(2, 2), Dataflow.OS, new CellTiming(1, 4, 1, 2), 2, 8, 2);
        assertEquals(8, m.foldCycles());
        assertEquals(7, m.totalCycles());
        assertEquals(100.0 * 32 / (7 * 8.0), m.overallUtilizationPercent(), EPS);
        // one fold reading all of A (2x8) and B (8x2), writing 2x2 outputs
        assertEquals(java.util.List.of(new FoldClass(1, 2, 2, 8, 16, 16, 4)), m.foldClasses());
    }

    @Test
    void streamOnlyConventionCountsStreamingStepsLikeBitFusionAndBitMod() {
        // os 2x2, M=3 K=5 N=2: 2 folds x K=5 steps = 10 cycles, as tiles x K in Bit Fusion's simulator
        ArrayMetrics plain = FoldModel.metrics(new ArraySpec(2, 2), Dataflow.OS, CellTiming.SINGLE_MAC, 3, 5, 2,
                FoldConvention.STREAM_ONLY);
        assertEquals(5, plain.foldCycles());
        assertEquals(10, plain.totalCycles());
        assertEquals(100.0 * 30 / 40, plain.overallUtilizationPercent(), EPS);
        // BitMoD: 4-lane dot-product cells, ceil(4/2) = 2 cycles per step for 4-bit weights;
        // tiles = ceil(K/4) * ceil(N/2) * ceil(M/2) = 4 * 2 * 3 = 24, each 2 cycles -> 48
        ArrayMetrics bitSerial = FoldModel.metrics(new ArraySpec(2, 2), Dataflow.OS, new CellTiming(1, 4, 1, 2),
                5, 16, 4, FoldConvention.STREAM_ONLY);
        assertEquals(3 * 2, bitSerial.folds());
        assertEquals(6 * 4 * 2, bitSerial.totalCycles());
        // ws: no preload under this convention either
        ArrayMetrics ws = FoldModel.metrics(new ArraySpec(2, 2), Dataflow.WS, CellTiming.SINGLE_MAC, 3, 5, 2,
                FoldConvention.STREAM_ONLY);
        assertEquals(3 * 3, ws.totalCycles());
    }
}
