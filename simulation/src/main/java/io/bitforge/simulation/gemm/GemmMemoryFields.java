package io.bitforge.simulation.gemm;

import io.bitforge.core.engine.ArrayMetrics;
import io.bitforge.core.engine.DramTraffic;
import io.bitforge.core.engine.GemmMemoryPlan;
import io.bitforge.core.engine.MemoryTimeline;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.spec.BufferSpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.memory.scalesim.ScaleSimConfig;
import io.bitforge.memory.scalesim.ScaleSimDataflow;
import io.bitforge.memory.scalesim.ScaleSimLayerResult;
import io.bitforge.memory.scalesim.ScaleSimRun;
import io.bitforge.memory.scalesim.TopologyLayer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The DRAM fields {@code bitforge gemm} adds to its result: per-operand DRAM traffic, average DRAM bandwidth per
 * operand, stalls, and either the tiling BitForge chose ({@link #general}) or SCALE-Sim v2's own memory figures
 * ({@link #scaleSim}, the SCALE-Sim compatibility mode, one word = one byte).
 */
final class GemmMemoryFields {
    private GemmMemoryFields() {
    }

    /** Adds the general (tiled, double-buffered) model's figures. */
    static void general(Map<String, Object> result, GemmMemoryPlan plan, ArrayMetrics metrics,
                        OptionalDouble bandwidth) {
        MemoryTimeline timeline = plan.timeline();
        DramTraffic traffic = timeline.traffic();
        long totalCycles = metrics.totalCycles();
        result.put("dramBandwidthBytesPerCycle", bandwidth.isPresent() ? (Object) bandwidth.getAsDouble()
                : "unlimited");
        result.put("prefetchCycles", timeline.prefetchCycles());
        result.put("drainCycles", timeline.drainCycles());
        result.put("stallFreeDramBandwidthBytesPerCycle", timeline.stallFreeBytesPerCycle());
        put(result, traffic.ifmapReadBytes(), traffic.filterReadBytes(), traffic.ofmapWriteBytes(),
                traffic.ofmapReadBytes(), totalCycles);
        Map<String, Object> tiling = new LinkedHashMap<>();
        tiling.put("tileM", plan.tiling().tile().m());
        tiling.put("tileK", plan.tiling().tile().k());
        tiling.put("tileN", plan.tiling().tile().n());
        tiling.put("loopOrder", plan.tiling().order().word());
        tiling.put("steps", plan.tiling().steps());
        result.put("tiling", tiling);
    }

    /**
     * Runs the GEMM through the SCALE-Sim compatibility model (one-byte words; CALC mode, or USER mode at
     * {@code bandwidth} words per cycle) and replaces the cycle and memory figures with SCALE-Sim's; a run
     * estimated past a minute is refused unless {@code longRunAllowed}.
     */
    static void scaleSim(Map<String, Object> result, HardwareSpec spec, GemmOp op, OptionalDouble bandwidth,
                         boolean longRunAllowed) {
        boolean user = bandwidth.isPresent();
        ScaleSimConfig config = new ScaleSimConfig("gemm", spec.array().rows(), spec.array().cols(),
                kib(spec.buffers().activations(), "activations"), kib(spec.buffers().weights(), "weights"),
                kib(spec.buffers().outputs(), "outputs"), 0, 10_000_000, 20_000_000,
                ScaleSimDataflow.valueOf(spec.dataflow().name()), user,
                user ? List.of((int) bandwidth.getAsDouble()) : List.of(), 1, java.util.Optional.empty());
        int m = intDim("m", op.m());
        int k = intDim("k", op.k());
        int n = intDim("n", op.n());
        ScaleSimLayerResult r = ScaleSimRun.run(config, List.of(TopologyLayer.gemm("gemm", m, n, k)),
                longRunAllowed).get(0);
        result.put("computeCycles", r.totalCycles() - r.stallCycles());
        result.put("stallCycles", r.stallCycles());
        // SCALE-Sim models no SRAM bank or port limit: every stall is its DRAM's
        result.put("dramStallCycles", r.stallCycles());
        result.put("sramStallCycles", 0L);
        result.put("totalCycles", r.totalCycles());
        result.put("totalCyclesInclPrefetch", r.totalCyclesInclPrefetch());
        result.put("overallUtilizationPercent", r.overallUtilisationPercent());
        result.put("computeUtilizationPercent", r.computeUtilisation() * 100);
        result.put("mappingEfficiencyPercent", r.mappingEfficiency() * 100);
        result.put("latencyMicroseconds", r.totalCycles() / spec.clockMegahertz());
        Map<String, Object> sramReads = new LinkedHashMap<>();
        sramReads.put("ifmap", r.ifmapSram().count());
        sramReads.put("filter", r.filterSram().count());
        result.put("sramReads", sramReads);
        result.put("sramWrites", Map.of("ofmap", r.ofmapSram().count()));
        result.put("dramBandwidthBytesPerCycle", user ? (Object) bandwidth.getAsDouble() : "unlimited");
        Map<String, Object> reads = new LinkedHashMap<>();
        reads.put("ifmap", r.ifmapDram().count());
        reads.put("filter", r.filterDram().count());
        result.put("dramReads", reads);
        result.put("dramWrites", Map.of("ofmap", r.ofmapDram().count()));
        // SCALE-Sim's average: words over the operand's own active DRAM window (BANDWIDTH_REPORT.csv).
        Map<String, Object> average = new LinkedHashMap<>();
        average.put("ifmap", r.ifmapDram().wordsPerActiveCycle());
        average.put("filter", r.filterDram().wordsPerActiveCycle());
        average.put("ofmap", r.ofmapDram().wordsPerActiveCycle());
        result.put("averageDramBandwidthBytesPerCycle", average);
        result.put("scalesim", true);
    }

    private static void put(Map<String, Object> result, long ifmap, long filter, long ofmapWrites, long ofmapReads,
                            long totalCycles) {
        Map<String, Object> reads = new LinkedHashMap<>();
        reads.put("ifmap", ifmap);
        reads.put("filter", filter);
        reads.put("ofmapPartialSums", ofmapReads);
        result.put("dramReads", reads);
        result.put("dramWrites", Map.of("ofmap", ofmapWrites));
        Map<String, Object> average = new LinkedHashMap<>();
        average.put("ifmap", ifmap / (double) totalCycles);
        average.put("filter", filter / (double) totalCycles);
        average.put("ofmap", (ofmapWrites + ofmapReads) / (double) totalCycles);
        result.put("averageDramBandwidthBytesPerCycle", average);
    }

    private static int kib(BufferSpec buffer, String operand) {
        double kib = buffer.kib();
        if (kib != Math.rint(kib) || kib > Integer.MAX_VALUE) {
            throw BadInputException.field(null, "hardware.buffers." + operand + ".kib", kib,
                    "must be a whole number of KiB in SCALE-Sim mode (SCALE-Sim's SramSzkB are integers)");
        }
        return (int) kib;
    }

    private static int intDim(String field, long value) {
        if (value > Integer.MAX_VALUE) {
            throw BadRequestException.of(field, value, "must be <= " + Integer.MAX_VALUE + " in SCALE-Sim mode");
        }
        return (int) value;
    }
}
