package io.bitforge.core.engine;

import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.Dataflow;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Laws of the fold model over wide ranges of arrays and GEMMs (the reference test covers small ones exactly). */
class FoldModelProperties {
    @Property(tries = 500)
    void utilisationsArePercentagesAndCyclesCoverTheWork(@ForAll @IntRange(min = 1, max = 256) int rows,
                                                         @ForAll @IntRange(min = 1, max = 256) int cols,
                                                         @ForAll @IntRange(min = 1, max = 5000) int m,
                                                         @ForAll @IntRange(min = 1, max = 5000) int k,
                                                         @ForAll @IntRange(min = 1, max = 5000) int n,
                                                         @ForAll Dataflow dataflow) {
        ArrayMetrics metrics = FoldModel.metrics(new ArraySpec(rows, cols), dataflow, CellTiming.SINGLE_MAC, m, k, n);
        // SCALE-Sim divides by the last cycle's index, one less than the cycles counted, so a 1x1 os array (no
        // fill or drain) reports just over 100%; over the counted cycles utilisation never exceeds 100%.
        double overCounted = metrics.overallUtilizationPercent() * Math.max(1, metrics.totalCycles())
                / (metrics.totalCycles() + 1);
        assertTrue(overCounted > 0 && overCounted <= 100.0 + 1e-9);
        if (rows * cols > 1 || dataflow != Dataflow.OS) {
            assertTrue(metrics.overallUtilizationPercent() <= 100.0 + 1e-9);
        }
        assertTrue(metrics.mappingEfficiencyPercent() > 0 && metrics.mappingEfficiencyPercent() <= 100.0 + 1e-9);
        assertTrue(metrics.computeUtilizationPercent() > 0 && metrics.computeUtilizationPercent() <= 100.0 + 1e-9);
        // an array of R*C cells cannot do M*K*N MACs in fewer than M*K*N / (R*C) cycles
        assertTrue((metrics.totalCycles() + 1) * (long) rows * cols >= (long) m * k * n);
        long counted = metrics.foldClasses().stream().mapToLong(FoldClass::count).sum();
        assertEquals(metrics.folds(), counted);
    }

    @Property(tries = 300)
    void moreWorkNeverTakesFewerCycles(@ForAll @IntRange(min = 1, max = 64) int rows,
                                       @ForAll @IntRange(min = 1, max = 64) int cols,
                                       @ForAll @IntRange(min = 1, max = 2000) int m,
                                       @ForAll @IntRange(min = 1, max = 2000) int k,
                                       @ForAll @IntRange(min = 1, max = 2000) int n,
                                       @ForAll Dataflow dataflow) {
        ArraySpec array = new ArraySpec(rows, cols);
        long base = FoldModel.metrics(array, dataflow, CellTiming.SINGLE_MAC, m, k, n).totalCycles();
        assertTrue(FoldModel.metrics(array, dataflow, CellTiming.SINGLE_MAC, m + 1, k, n).totalCycles() >= base);
        assertTrue(FoldModel.metrics(array, dataflow, CellTiming.SINGLE_MAC, m, k + 1, n).totalCycles() >= base);
        assertTrue(FoldModel.metrics(array, dataflow, CellTiming.SINGLE_MAC, m, k, n + 1).totalCycles() >= base);
    }
}
