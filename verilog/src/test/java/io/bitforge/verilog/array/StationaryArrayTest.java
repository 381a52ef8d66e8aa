package io.bitforge.verilog.array;

import io.bitforge.core.spec.Dataflow;
import io.bitforge.pe.mac.MacIntParams;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.ladder.TileRun;
import io.bitforge.verilog.ladder.TileSimulation;
import io.bitforge.verilog.pe.mac.MacIntRtl;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Weight- and input-stationary mac-int arrays over several folds against a GEMM written here. */
class StationaryArrayTest {
    private static final int M = 7;
    private static final int K = 8;
    private static final int N = 6;

    private static TileRun run(Dataflow dataflow, StationaryPlan plan, long[] a, long[] b) {
        MacIntRtl pe = new MacIntRtl(new MacIntParams(8, 8));
        ModuleDef top = StationaryArray.build(pe, plan, a, b);
        return TileSimulation.run(top, new StationaryBuffers(plan, 8, 8), plan.tile(), 10_000, false);
    }

    private static long[] expected(long[] a, long[] b) {
        long[] c = new long[M * N];
        for (int i = 0; i < M; i++) {
            for (int j = 0; j < N; j++) {
                long sum = 0;
                for (int k = 0; k < K; k++) {
                    sum += (long) (byte) a[i * K + k] * (byte) b[k * N + j];
                }
                c[i * N + j] = sum;
            }
        }
        return c;
    }

    private static long[] codes(Random rnd, int count) {
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = rnd.nextInt(256);
        }
        return out;
    }

    @Test
    void weightStationaryTileOverSixFolds() {
        Random rnd = new Random(3);
        long[] a = codes(rnd, M * K);
        long[] b = codes(rnd, K * N);
        // 3x4 array: K = 8 on rows (3 row folds), N = 6 on columns (2 column folds), M = 7 streamed;
        // a fold is R = 3 preload cycles + T + R + C - 2 = 7 + 3 + 4 - 2 = 12 steps; 6 x 15 - 1 = 89
        StationaryPlan plan = new StationaryPlan(3, 4, new TileShape(M, K, N), io.bitforge.core.pe.CellTiming.SINGLE_MAC, Dataflow.WS);
        assertEquals(89, plan.engineCycles());
        TileRun run = run(Dataflow.WS, plan, a, b);
        assertArrayEquals(expected(a, b), run.results());
        assertEquals(89 + StationaryArray.OVERHEAD_CYCLES, run.computedCycles());
    }

    @Test
    void inputStationaryTileOverSixFolds() {
        Random rnd = new Random(4);
        long[] a = codes(rnd, M * K);
        long[] b = codes(rnd, K * N);
        // K = 8 on rows (3 row folds), M = 7 on columns (2 column folds), N = 6 streamed;
        // a fold is 3 + (6 + 3 + 4 - 2) = 14 cycles; 6 x 14 - 1 = 83
        StationaryPlan plan = new StationaryPlan(3, 4, new TileShape(M, K, N), io.bitforge.core.pe.CellTiming.SINGLE_MAC, Dataflow.IS);
        assertEquals(83, plan.engineCycles());
        TileRun run = run(Dataflow.IS, plan, a, b);
        assertArrayEquals(expected(a, b), run.results());
        assertEquals(83 + StationaryArray.OVERHEAD_CYCLES, run.computedCycles());
    }
}
