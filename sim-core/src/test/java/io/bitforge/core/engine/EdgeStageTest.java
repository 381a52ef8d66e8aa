package io.bitforge.core.engine;

import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.Dataflow;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EdgeStageTest {
    /**
     * An edge stage lengthens every fold by its cycles and nothing else: 8x8 os, M = 16, K = 8, N = 8 has two row
     * folds of 8 + 8 + 8 - 2 = 22 cycles; with one decoder stage each fold takes 23, 46 in all (index 45).
     */
    @Test
    void edgeStageAddsItsCyclesToEveryFold() {
        ArraySpec array = new ArraySpec(8, 8);
        ArrayMetrics plain = FoldModel.metrics(array, Dataflow.OS, CellTiming.SINGLE_MAC, 16, 8, 8);
        ArrayMetrics decoded = FoldModel.metrics(array, Dataflow.OS, new CellTiming(1, 1, 1, 1, 1), 16, 8, 8);
        assertEquals(22, plain.foldCycles());
        assertEquals(23, decoded.foldCycles());
        assertEquals(2, decoded.folds());
        assertEquals(45, decoded.computeCycles());
        // The streamed part (the initiation interval times the stream) is unchanged: 2 folds x 8 steps.
        assertEquals(16, FoldModel.streamingCycles(decoded, Dataflow.OS, decoded.timing(), 16, 8, 8));
        // ws: preload 8 + (8 + 8 + 16 - 2) = 38, plus one edge stage.
        assertEquals(39, FoldModel.metrics(array, Dataflow.WS, new CellTiming(1, 1, 1, 1, 1), 16, 8, 8)
                .foldCycles());
    }
}
