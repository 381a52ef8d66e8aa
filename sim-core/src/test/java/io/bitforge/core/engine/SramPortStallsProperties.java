package io.bitforge.core.engine;

import io.bitforge.core.spec.BufferSpec;
import io.bitforge.core.spec.BufferSpecs;
import io.bitforge.core.spec.Dataflow;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SramPortStallsProperties {
    @Property(tries = 300)
    void wideningABufferNeverAddsCycles(@ForAll @IntRange(min = 1, max = 8) int rows,
                                        @ForAll @IntRange(min = 1, max = 8) int cols,
                                        @ForAll @IntRange(min = 0, max = 2) int dataflowIndex,
                                        @ForAll @IntRange(min = 1, max = 40) int m,
                                        @ForAll @IntRange(min = 1, max = 40) int k,
                                        @ForAll @IntRange(min = 1, max = 40) int n,
                                        @ForAll @IntRange(min = 1, max = 4) int banks,
                                        @ForAll @IntRange(min = 1, max = 2) int ports,
                                        @ForAll @IntRange(min = 1, max = 64) int wordBits,
                                        @ForAll @IntRange(min = 0, max = 2) int which,
                                        @ForAll @IntRange(min = 0, max = 2) int widen,
                                        @ForAll @IntRange(min = 1, max = 8) int by) {
        Dataflow dataflow = Dataflow.values()[dataflowIndex];
        BufferSpec narrow = new BufferSpec(64, banks, ports, wordBits);
        BufferSpec wider = new BufferSpec(64, banks + (widen == 0 ? by : 0), ports + (widen == 1 ? by : 0),
                wordBits + (widen == 2 ? by : 0));
        BufferSpecs before = buffers(narrow, narrow, which);
        BufferSpecs after = buffers(narrow, wider, which);
        GemmEvaluation slow = SramPortStallsTest.run(dataflow, rows, cols, before, m, k, n);
        GemmEvaluation fast = SramPortStallsTest.run(dataflow, rows, cols, after, m, k, n);
        assertTrue(fast.cost().totalCycles() <= slow.cost().totalCycles(), slow.metrics() + " -> " + fast.metrics());
        assertTrue(fast.metrics().sramStallCycles() <= slow.metrics().sramStallCycles());
        // SRAM width never changes the schedule itself, only the waiting
        assertEquals(slow.metrics().computeCycles(), fast.metrics().computeCycles());
    }

    @Property(tries = 200)
    void buffersAsWideAsTheArrayEdgeNeverStall(@ForAll @IntRange(min = 1, max = 8) int rows,
                                               @ForAll @IntRange(min = 1, max = 8) int cols,
                                               @ForAll @IntRange(min = 0, max = 2) int dataflowIndex,
                                               @ForAll @IntRange(min = 1, max = 40) int m,
                                               @ForAll @IntRange(min = 1, max = 40) int k,
                                               @ForAll @IntRange(min = 1, max = 40) int n) {
        // one bank per array row or column, each a full element wide (int8 in, int32 out)
        int edge = Math.max(rows, cols);
        BufferSpecs buffers = new BufferSpecs(new BufferSpec(64, edge, 1, 8), new BufferSpec(64, edge, 1, 8),
                new BufferSpec(64, edge, 1, 32));
        GemmEvaluation e = SramPortStallsTest.run(Dataflow.values()[dataflowIndex], rows, cols, buffers, m, k, n);
        assertEquals(0, e.metrics().sramStallCycles());
    }

    private static BufferSpecs buffers(BufferSpec others, BufferSpec chosen, int which) {
        return new BufferSpecs(which == 0 ? chosen : others, which == 1 ? chosen : others,
                which == 2 ? chosen : others);
    }
}
