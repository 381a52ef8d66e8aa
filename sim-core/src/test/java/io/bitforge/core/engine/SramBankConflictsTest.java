package io.bitforge.core.engine;

import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.BufferSpec;
import io.bitforge.core.spec.BufferSpecs;
import io.bitforge.core.spec.CycleModel;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.TestPeFamily;
import io.bitforge.core.tech.TechNode;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bank conflicts of strided reads under the pipelined cycle model, worked by hand (int8 operands). */
class SramBankConflictsTest {
    /** Four banks of one 8-bit port: 32 bits per cycle, one int8 element per word. */
    private static final BufferSpec FOUR_BANKS = new BufferSpec(64, 4, 1, 8);

    private static long sramStalls(CycleModel model, long k) {
        HardwareSpec base = EngineTest.spec(TechNode.N45).withArray(new ArraySpec(4, 4)).withDataflow(Dataflow.OS)
                .withBuffers(new BufferSpecs(FOUR_BANKS, SramPortStallsTest.WIDE, SramPortStallsTest.WIDE));
        HardwareSpec spec = base.withMapping(base.mapping().withCycleModel(model));
        GemmOp op = new GemmOp("g", OpKind.GEMM, 4, k, 4, 1, Precision.INT8, Precision.INT8, Precision.INT32,
                BOperand.WEIGHTS, 0);
        return new Engine(spec, new TestPeFamily(EnumSet.allOf(Dataflow.class))).evaluate(op).cost().cycles()
                .sramStall();
    }

    @Test
    void rowsOfAStridedByAMultipleOfTheBanksQueueOnOneBank() {
        // 4x4 os, M = 4, K = 8, N = 4: one fold streaming 8 steps, each reading one int8 from each of the 4 rows of
        // A, 8 elements apart: words 0, 8, 16, 24, all in bank 0 -> 4 cycles a step, 32 for the fold. The width
        // (32 elements x 8 bits at 32 bits a cycle) needs only the 8 steps: 24 conflict cycles.
        assertEquals(24, sramStalls(CycleModel.PIPELINED, 8));
        // K = 9 spreads the four rows over banks 0, 1, 2, 3: no conflict (and 36 x 8 / 32 = 9 = the 9 steps)
        assertEquals(0, sramStalls(CycleModel.PIPELINED, 9));
        // the back-to-back model keeps the even-stream assumption
        assertEquals(0, sramStalls(CycleModel.FOLDS, 8));
    }

    @Test
    void theBusiestBankCountsDistinctWords() {
        // 16-bit words hold two int8: stride 1 over 8 elements touches words 0..3, one per bank
        assertEquals(1, SramBankConflicts.busiestBank(8, 1, 8, new BufferSpec(64, 4, 1, 16)));
        // stride 4 over 8 elements: words 0, 2, 4, ..., 14 -> banks 0, 2, 0, 2, ...: 4 each on two banks
        assertEquals(4, SramBankConflicts.busiestBank(8, 4, 8, new BufferSpec(64, 4, 1, 16)));
    }
}
