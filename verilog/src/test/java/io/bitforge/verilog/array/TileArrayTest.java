package io.bitforge.verilog.array;

import io.bitforge.pe.mac.MacIntParams;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.ladder.TileRun;
import io.bitforge.verilog.ladder.TileSimulation;
import io.bitforge.verilog.pe.mac.MacIntRtl;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TileArrayTest {
    @Test
    void macIntTileOverSeveralFoldsEqualsTheHandComputedProduct() {
        MacIntRtl pe = new MacIntRtl(new MacIntParams(8, 8));
        // 6x5 by 5x7 on a 4x4 array: 2 row folds x 2 column folds of L = 5 + 4 + 4 - 2 = 11 steps
        ArrayPlan plan = new ArrayPlan(4, 4, new TileShape(6, 5, 7), pe.timing());
        assertEquals(4, plan.folds());
        assertEquals(11, plan.foldSteps());
        Random rnd = new Random(7);
        long[] a = new long[30];
        long[] b = new long[35];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextInt(256);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextInt(256);
        }
        long[] expected = new long[42];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 7; j++) {
                long sum = 0;
                for (int k = 0; k < 5; k++) {
                    sum += (long) (byte) a[i * 5 + k] * (byte) b[k * 7 + j];
                }
                expected[i * 7 + j] = sum;
            }
        }
        ModuleDef top = TileArray.build(pe, plan, a, b);
        TileRun run = TileSimulation.run(top, plan, new TileBuffers(plan, 8, 8), false);
        assertArrayEquals(expected, run.results());
        // the engine's count: 4 folds x 11 cycles - 1 = 43
        assertEquals(43 + TileArray.OVERHEAD_CYCLES, run.computedCycles());
    }
}
