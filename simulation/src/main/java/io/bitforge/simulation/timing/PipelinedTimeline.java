package io.bitforge.simulation.timing;

import java.util.List;

/**
 * The op-level pipeline of {@code mapping.cycleModel: pipelined} (docs/timing.md). Ops run in graph order, each
 * after the one before it (it needs its outputs), on the array or the vector unit; the DRAM interface is one more
 * resource, moving {@code bytesPerCycle} (the sustained figure the back-to-back model uses), or an op's own rate
 * when its streams were timed on the DRAM's banks and row buffers ({@link TimedOp#dramBytesPerCycle}).
 *
 * <ul>
 *   <li>Double buffering across ops: while op i−1 computes on its half of the buffers, op i's first
 *       {@code prefetchBytes} (the other half) are fetched; the rest streams in once op i starts and frees space.</li>
 *   <li>Latency: a transfer that starts on an idle interface waits {@code latencyCycles} first; requests queued
 *       behind a busy interface hide it (several outstanding requests, as DRAM controllers keep). The phase's first
 *       transfer pays none: phases repeat back to back (decode steps, denoising steps), so the previous repeat's
 *       last op hides it (steady state).</li>
 *   <li>An op ends when both its compute and its last byte are done: {@code end = max(start + compute,
 *       dramEnd)}.</li>
 *   <li>A vector op that streams the previous array op's rows may start with it and ends no earlier than its
 *       last row's processing after the array op ends.</li>
 * </ul>
 *
 * Without latency every op adds at most max(compute, bytes / bandwidth) to the phase, the back-to-back model's
 * figure (the DRAM floor), and the phase never takes less than its total bytes over the bandwidth or its total
 * compute on either unit.
 */
public final class PipelinedTimeline {
    private PipelinedTimeline() {
    }

    /** Each op's end, in cycles from the phase's start (non-decreasing; the last is the phase's length). */
    public static long[] ends(List<TimedOp> ops, double bytesPerCycle, long latencyCycles, long prefetchBytes) {
        if (!(bytesPerCycle > 0) || latencyCycles < 0 || prefetchBytes < 0) {
            throw new IllegalArgumentException("bandwidth > 0, latency >= 0 and prefetch bytes >= 0 needed");
        }
        long[] ends = new long[ops.size()];
        double dramFree = 0;
        double prevStart = 0;
        double prevEnd = 0;
        double arrayFree = 0;
        double vectorFree = 0;
        for (int i = 0; i < ops.size(); i++) {
            TimedOp op = ops.get(i);
            double unitFree = op.unit() == TimedOp.Unit.ARRAY ? arrayFree : vectorFree;
            double start = Math.max(op.streamsRows() ? prevStart : prevEnd, unitFree);
            double end = start + op.computeCycles();
            if (op.dramBytes() > 0) {
                double rate = op.dramBytesPerCycle() > 0 ? op.dramBytesPerCycle() : bytesPerCycle;
                double prefetched = Math.min(op.dramBytes(), prefetchBytes);
                double request = Math.max(dramFree, prevStart);
                double t0 = request + (request > dramFree ? latencyCycles : 0);
                double prefetchEnd = t0 + prefetched / rate;
                double rest = op.dramBytes() - prefetched;
                double dramEnd = prefetchEnd;
                if (rest > 0) {
                    double restRequest = Math.max(prefetchEnd, start);
                    dramEnd = restRequest + (restRequest > prefetchEnd ? latencyCycles : 0) + rest / rate;
                }
                end = Math.max(end, dramEnd);
                dramFree = dramEnd;
            }
            if (op.streamsRows()) {
                end = Math.max(end, prevEnd + op.tailCycles());
            }
            end = Math.max(end, prevEnd);
            if (op.unit() == TimedOp.Unit.ARRAY) {
                arrayFree = end;
            } else {
                vectorFree = end;
            }
            prevStart = start;
            prevEnd = end;
            ends[i] = (long) Math.ceil(end);
        }
        return ends;
    }
}
