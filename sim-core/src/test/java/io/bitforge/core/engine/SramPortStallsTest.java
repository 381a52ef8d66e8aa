package io.bitforge.core.engine;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.BufferSpec;
import io.bitforge.core.spec.BufferSpecs;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.TestPeFamily;
import io.bitforge.core.tech.TechNode;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SRAM bank/port stalls through the engine, on cases worked by hand (int8 operands, int32 outputs). */
class SramPortStallsTest {
    /** Wide enough for any array in these tests: 1024 bits per cycle. */
    static final BufferSpec WIDE = new BufferSpec(64, 32, 1, 32);

    static GemmEvaluation run(Dataflow dataflow, int rows, int cols, BufferSpecs buffers, long m, long k, long n) {
        HardwareSpec spec = EngineTest.spec(TechNode.N45).withArray(new ArraySpec(rows, cols))
                .withDataflow(dataflow).withBuffers(buffers);
        GemmOp op = new GemmOp("g", OpKind.GEMM, m, k, n, 1, Precision.INT8, Precision.INT8, Precision.INT32,
                BOperand.WEIGHTS, 0);
        return new Engine(spec, new TestPeFamily(EnumSet.allOf(Dataflow.class))).evaluate(op);
    }

    @Test
    void wideBuffersCostNothing() {
        GemmEvaluation e = run(Dataflow.OS, 4, 4, new BufferSpecs(WIDE, WIDE, WIDE), 4, 4, 4);
        assertEquals(0, e.metrics().sramStallCycles());
        assertEquals(10, e.cost().totalCycles()); // one fold: 4 + 4 + 4 - 2
    }

    @Test
    void outputStationaryActivationsThroughAnEightBitPort() {
        // 4x4 os, M = K = N = 4: one fold of 10 cycles, 4 of them streaming. The activation buffer must deliver
        // 4 rows x 4 steps = 16 int8 elements = 128 bits at 8 bits per cycle: 16 cycles, 12 more than the 4.
        BufferSpec narrow = new BufferSpec(64, 1, 1, 8);
        GemmEvaluation e = run(Dataflow.OS, 4, 4, new BufferSpecs(narrow, WIDE, WIDE), 4, 4, 4);
        assertEquals(12, e.metrics().sramStallCycles());
        assertEquals(12, e.metrics().stallCycles());
        assertEquals(0, e.metrics().dramStallCycles());
        assertEquals(9 + 12, e.metrics().totalCycles());
        CostReport cost = e.cost();
        assertEquals(12, cost.cycles().sramStall());
        assertEquals(0, cost.cycles().memoryStall());
        assertEquals(10 + 12, cost.totalCycles());
    }

    @Test
    void outputStationaryOutputsHaveTheWholeFold() {
        // The 16 int32 outputs (512 bits) may leave during the whole 10-cycle fold; a 32-bit port needs 16 cycles:
        // 6 more. With the activations also narrow (12 more in the streaming phase) the fold waits for the slower
        // of the two buffers: 12.
        BufferSpec narrowOut = new BufferSpec(64, 1, 1, 32);
        assertEquals(6, run(Dataflow.OS, 4, 4, new BufferSpecs(WIDE, WIDE, narrowOut), 4, 4, 4)
                .metrics().sramStallCycles());
        BufferSpec narrowIn = new BufferSpec(64, 1, 1, 8);
        assertEquals(12, run(Dataflow.OS, 4, 4, new BufferSpecs(narrowIn, WIDE, narrowOut), 4, 4, 4)
                .metrics().sramStallCycles());
        // a 16-bit output port: 32 cycles, 22 more, now the slower one
        assertEquals(22, run(Dataflow.OS, 4, 4, new BufferSpecs(narrowIn, WIDE, new BufferSpec(64, 1, 1, 16)),
                4, 4, 4).metrics().sramStallCycles());
    }

    @Test
    void buffersOfOnePhaseOverlapAndTheSlowestSetsTheWait() {
        // Activations and weights both stream in the os streaming phase: 16 elements each. At 8 bits per cycle
        // (activations) and 16 bits per cycle (weights) they need 16 and 8 cycles; the phase waits 16 - 4 = 12.
        GemmEvaluation e = run(Dataflow.OS, 4, 4, new BufferSpecs(new BufferSpec(64, 1, 1, 8),
                new BufferSpec(64, 1, 1, 16), WIDE), 4, 4, 4);
        assertEquals(12, e.metrics().sramStallCycles());
    }

    @Test
    void weightStationaryPreloadAndStreamPhases() {
        // 4x4 ws, M = 8, K = 4, N = 4: one fold of 4 preload + (4 + 4 + 8 - 2) = 18 cycles, 8 of them streaming.
        // Preload: 16 int8 weights = 128 bits at 16 bits per cycle: 8 cycles, 4 more than the 4 preload cycles.
        // Stream: 4 rows x 8 activations = 256 bits at 16 bits per cycle = 16 cycles; 8 x 4 int32 partial sums
        // = 1024 bits at 2 banks x 32 bits = 16 cycles; the phase takes 16 instead of 8: 8 more. Total 12.
        BufferSpec sixteen = new BufferSpec(64, 1, 1, 16);
        BufferSpec outputs = new BufferSpec(64, 2, 1, 32);
        GemmEvaluation e = run(Dataflow.WS, 4, 4, new BufferSpecs(sixteen, sixteen, outputs), 8, 4, 4);
        assertEquals(18, e.metrics().foldCycles());
        assertEquals(12, e.metrics().sramStallCycles());
        assertEquals(18 + 12, e.cost().totalCycles());
    }

    @Test
    void inputStationaryPreloadsActivations() {
        // 4x4 is, M = 4, K = 4, N = 8: one fold, 4 preload cycles for the 16 int8 activations (128 bits). At
        // 8 bits per cycle they take 16 cycles: 12 more. Weights and outputs are wide.
        GemmEvaluation e = run(Dataflow.IS, 4, 4, new BufferSpecs(new BufferSpec(64, 1, 1, 8), WIDE, WIDE),
                4, 4, 8);
        assertEquals(12, e.metrics().sramStallCycles());
    }

    @Test
    void portsAndBanksWidenAlike() {
        // 2 banks x 2 ports x 8 bits = 32 bits per cycle: the 128 activation bits of the os fold take 4 cycles,
        // exactly the streaming phase, so no stall; one port fewer leaves 16 bits per cycle: 8 cycles, 4 more.
        assertEquals(0, run(Dataflow.OS, 4, 4, new BufferSpecs(new BufferSpec(64, 2, 2, 8), WIDE, WIDE), 4, 4, 4)
                .metrics().sramStallCycles());
        assertEquals(4, run(Dataflow.OS, 4, 4, new BufferSpecs(new BufferSpec(64, 2, 1, 8), WIDE, WIDE), 4, 4, 4)
                .metrics().sramStallCycles());
    }

    @Test
    void everyFoldPaysItsOwnStall() {
        // 2x2 os, M = 4, K = 3, N = 2: two folds of 3 + 2 + 2 - 2 = 5 cycles (3 streaming). Each reads 2 x 3
        // activations = 48 bits at 8 bits per cycle: 6 cycles, 3 more per fold, 6 in all.
        GemmEvaluation e = run(Dataflow.OS, 2, 2, new BufferSpecs(new BufferSpec(64, 1, 1, 8), WIDE, WIDE), 4, 3, 2);
        assertEquals(2, e.metrics().folds());
        assertEquals(6, e.metrics().sramStallCycles());
        assertEquals(2 * 5 + 6, e.cost().totalCycles());
    }

    @Test
    void streamOnlyFoldsLoadTheStationaryOperandWhileStreaming() {
        // Stream-only convention: a ws fold is just its 8 streaming steps; the 16 int8 weights (128 bits at
        // 8 bits per cycle = 16 cycles) share them with the streamed operands: 16 - 8 = 8 more.
        HardwareSpec spec = EngineTest.spec(TechNode.N45).withArray(new ArraySpec(4, 4)).withDataflow(Dataflow.WS)
                .withBuffers(new BufferSpecs(WIDE, new BufferSpec(64, 1, 1, 8), WIDE));
        GemmOp op = new GemmOp("g", OpKind.GEMM, 8, 4, 4, 1, Precision.INT8, Precision.INT8, Precision.INT32,
                BOperand.WEIGHTS, 0);
        GemmEvaluation e = new Engine(spec, new TestPeFamily(EnumSet.allOf(Dataflow.class)))
                .withConvention(FoldConvention.STREAM_ONLY).evaluate(op);
        assertEquals(8, e.metrics().foldCycles());
        assertEquals(8, e.metrics().sramStallCycles());
    }
}
