package io.bitforge.core.engine;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.Operand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Precision;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.TestPeFamily;
import io.bitforge.core.tech.TechNode;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The closed-form fold model against {@link SystolicArrayReference}, a cycle-by-cycle array in test code, on
 * thousands of random arrays (up to 8×8) and GEMMs (M, K, N up to 20) in every dataflow. Agreement is exact; the
 * one offset is SCALE-Sim's reporting convention, {@code totalCycles = cycles counted − 1} (it reports the index
 * of the last cycle). Set {@code -Dbitforge.seed=N} to replay a run; the seed is printed.
 */
class FoldModelReferenceTest {
    private static final int CASES = 3000;

    @Test
    void closedFormEqualsCycleByCycleArray() {
        long seed = Long.getLong("bitforge.seed", 20_261_125L);
        System.out.println("FoldModelReferenceTest seed=" + seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < CASES; i++) {
            int rows = 1 + random.nextInt(8);
            int cols = 1 + random.nextInt(8);
            int m = 1 + random.nextInt(20);
            int k = 1 + random.nextInt(20);
            int n = 1 + random.nextInt(20);
            Dataflow dataflow = Dataflow.values()[random.nextInt(3)];
            check(seed, i, rows, cols, dataflow, m, k, n, random);
        }
    }

    private static void check(long seed, int index, int rows, int cols, Dataflow dataflow, int m, int k, int n,
                              SplittableRandom random) {
        String label = "seed " + seed + " case " + index + ": " + dataflow.id() + " " + rows + "x" + cols
                + " M=" + m + " K=" + k + " N=" + n;
        long[][] a = randomMatrix(m, k, random);
        long[][] b = randomMatrix(k, n, random);
        SystolicArrayReference.Run run = SystolicArrayReference.run(dataflow.id(), rows, cols, a, b);
        assertArrayEquals(product(a, b), run.product(), label + ": the array computed a wrong product");

        ArrayMetrics metrics = FoldModel.metrics(new ArraySpec(rows, cols), dataflow, CellTiming.SINGLE_MAC, m, k, n);
        assertEquals(run.cycles() - 1, metrics.totalCycles(), label);
        assertEquals(run.folds(), metrics.folds(), label);
        for (long foldCycles : run.foldCycles()) {
            assertEquals(metrics.foldCycles(), foldCycles, label);
        }
        assertEquals((long) m * k * n, run.macs(), label);
        assertEquals(run.macs(), metrics.macs(), label);
        double cells = (double) rows * cols;
        assertEquals(100.0 * run.mappingSum() / run.folds(), metrics.mappingEfficiencyPercent(), 1e-9, label);
        assertEquals(100.0 * run.macs() / ((run.cycles() - 1) * cells), metrics.overallUtilizationPercent(), 1e-9,
                label);
        // SCALE-Sim's compute-utilisation window: the fold for os, the fold plus cols - 1 for ws and is
        long window = run.foldCycles()[0] + (dataflow == Dataflow.OS ? 0 : cols - 1);
        assertEquals(100.0 * run.busyCellCycles() / (run.folds() * cells * window),
                metrics.computeUtilizationPercent(), 1e-9, label);

        HardwareSpec spec = EngineTest.spec(TechNode.N45).withArray(new ArraySpec(rows, cols)).withDataflow(dataflow);
        CostReport cost = new Engine(spec, new TestPeFamily(EnumSet.allOf(Dataflow.class)))
                .evaluate(GemmOp.of("g", m, k, n, Precision.INT8)).cost();
        assertEquals(run.activationReads(), cost.actions().sramReads(Operand.ACTIVATIONS), label);
        assertEquals(run.weightReads(), cost.actions().sramReads(Operand.WEIGHTS), label);
        assertEquals(run.outputWrites(), cost.actions().sramWrites(Operand.OUTPUTS), label);
        assertEquals(run.cycles(), cost.totalCycles(), label);
    }

    private static long[][] randomMatrix(int rows, int cols, SplittableRandom random) {
        long[][] matrix = new long[rows][cols];
        for (long[] row : matrix) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextInt(-128, 128);
            }
        }
        return matrix;
    }

    private static long[][] product(long[][] a, long[][] b) {
        long[][] c = new long[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                for (int t = 0; t < b.length; t++) {
                    c[i][j] += a[i][t] * b[t][j];
                }
            }
        }
        return c;
    }
}
