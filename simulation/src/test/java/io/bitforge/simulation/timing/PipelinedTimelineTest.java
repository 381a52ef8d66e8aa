package io.bitforge.simulation.timing;

import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.op.VectorOp;
import io.bitforge.core.spec.VectorUnitSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.bitforge.simulation.timing.TimedOp.Unit.ARRAY;
import static io.bitforge.simulation.timing.TimedOp.Unit.VECTOR;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hand-worked timelines: 10 bytes per cycle, 5 cycles of latency. */
class PipelinedTimelineTest {

    @Test
    void latencyIsPaidOnAnIdleInterfaceAndTheRestStreamsOnceTheOpStarts() {
        // op0: prefetch 100 B at 0..10 (the phase's first transfer: steady state, no latency), the other 400 B
        // 10..50; compute 0..100 -> ends 100.
        // op1: prefetch 100 B: the interface idles from 50, op1's request comes at op0's start (0), so at 50 with
        // no gap: 50..60; the rest waits for op1 to start at 100, the
        // interface idled, so 5 cycles of latency: 105..125; compute 100..150 -> ends 150.
        long[] ends = PipelinedTimeline.ends(List.of(new TimedOp(ARRAY, 100, 500, false, 0),
                new TimedOp(ARRAY, 50, 300, false, 0)), 10, 5, 100);
        assertArrayEquals(new long[] {100, 150}, ends);
    }

    @Test
    void theNextOpsPrefetchHidesUnderTheCurrentOpsCompute() {
        // op0 computes 0..100 on the vector unit; op1's first 400 B arrive at 0..40 meanwhile; its other 600 B
        // start when it does (100, +5 latency after the idle interface) and end at 165. Back to back:
        // 100 + 1000 / 10 = 200.
        long[] ends = PipelinedTimeline.ends(List.of(new TimedOp(VECTOR, 100, 0, false, 0),
                new TimedOp(ARRAY, 10, 1000, false, 0)), 10, 5, 400);
        assertArrayEquals(new long[] {100, 165}, ends);
    }

    @Test
    void aSoftmaxStreamsTheScoreRowsAndEndsOneRowAfterThem() {
        long[] ends = PipelinedTimeline.ends(List.of(new TimedOp(ARRAY, 1000, 0, false, 0),
                new TimedOp(VECTOR, 600, 0, true, 10)), 10, 5, 400);
        assertArrayEquals(new long[] {1000, 1010}, ends);
    }

    @Test
    void theVectorUnitTimesPassesSpecialFunctionsAndTheReductionTree() {
        // 32 lanes: 32 exponent/reciprocal units, a 5-stage tree, 8 cycles per special function
        VectorUnitHardware unit = VectorUnitHardware.of(new VectorUnitSpec(32, 16));
        assertEquals(new VectorUnitHardware(32, 32, 5), unit);
        // softmax, 32 rows of 1024, twice: per row 2 x 32 lane passes + 32 exponent cycles = 96, latency
        // 2 x 5 + 2 x 8 = 26; per instance 32 x 96 + 26 = 3098
        VectorOp softmax = new VectorOp("softmax", OpKind.SOFTMAX, 32 * 1024, 5, 1, 0, 2, Precision.FP16);
        assertEquals(new VectorUnitHardware.Timing(6196, 122), unit.time(softmax, 1024));
        // norm over 4 tokens of 4096: 3 x 128 cycles per row, latency 5 + 8: 4 x 384 + 13
        VectorOp norm = new VectorOp("norm", OpKind.NORM, 4 * 4096, 7, 1, 4096, 1, Precision.FP16);
        assertEquals(1549, unit.time(norm, 0).cycles());
        // SiLU on 1000 elements, 4 ops each: lanes ceil(2000 / 32) = 63, special functions 2 x ceil(1000 / 32)
        // = 64; + 2 x 8 latency
        VectorOp silu = new VectorOp("act", OpKind.ACTIVATION, 1000, 4, 1, 0, 1, Precision.FP16);
        assertEquals(80, unit.time(silu, 0).cycles());
        VectorOp add = new VectorOp("add", OpKind.ELEMENTWISE, 100, 1, 2, 0, 3, Precision.FP16);
        assertEquals(3 * 4, unit.time(add, 0).cycles());
    }

    @Test
    void anOpsOwnRateFromItsRowBufferTimingReplacesTheInterfaces() {
        // op0 moves 400 B at its own 4 B/cycle (its streams' row misses) instead of the interface's 10: 100 B
        // prefetched 0..25, the other 300 B 25..100 (no idle gap, no latency); compute 0..100 -> ends 100.
        // op1 moves 1,000 B at its own 20 B/cycle: its prefetch requested at op0's start waits for the busy interface,
        // 100..105, the rest follows at once 105..150; compute 100..110 -> ends 150 (at 10 B/cycle: 200)
        long[] ends = PipelinedTimeline.ends(List.of(new TimedOp(ARRAY, 100, 400, false, 0, 4),
                new TimedOp(ARRAY, 10, 1000, false, 0, 20)), 10, 5, 100);
        assertArrayEquals(new long[] {100, 150}, ends);
    }
}
