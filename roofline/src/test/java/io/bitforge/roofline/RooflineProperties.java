package io.bitforge.roofline;

import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.op.VectorOp;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.List;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RooflineProperties {
    private static final List<Precision> PRECISIONS = List.of(Precision.INT4, Precision.INT8, Precision.FP16,
            Precision.BF16, Precision.FP32, new Precision("fp8-e4m3", 8), new Precision("bitmod-fp4-er+", 4));

    @Provide
    Arbitrary<DeviceMachine> devices() {
        return Arbitraries.of(DevicePresets.all()).map(DeviceMachine::new);
    }

    @Provide
    Arbitrary<Precision> precisions() {
        return Arbitraries.of(PRECISIONS);
    }

    @Property(tries = 300)
    void timeIsTheSlowerOfComputeAndMemory(@ForAll("devices") DeviceMachine device,
                                           @ForAll @IntRange(min = 1, max = 8192) int m,
                                           @ForAll @IntRange(min = 1, max = 8192) int k,
                                           @ForAll @IntRange(min = 1, max = 8192) int n,
                                           @ForAll @IntRange(min = 1, max = 64) int count,
                                           @ForAll("precisions") Precision a, @ForAll("precisions") Precision w) {
        GemmOp gemm = new GemmOp("g", OpKind.GEMM, m, k, n, count, a, w, a, BOperand.WEIGHTS, 0);
        OpRoofline row = OpRoofline.of(OpTraffic.of(gemm, device), device.memoryBytesPerSecond(), Double.NaN);
        double computeSeconds = gemm.totalOps() / row.peak().opsPerSecond();
        double memorySeconds = row.totalBytes() / device.memoryBytesPerSecond();
        assertEquals(Math.max(computeSeconds, memorySeconds), row.seconds(), row.seconds() * 1e-12);
        assertTrue(row.attainableOpsPerSecond() <= row.peak().opsPerSecond() * (1 + 1e-12));
        if (row.bound() == Bound.COMPUTE) {
            assertTrue(computeSeconds >= memorySeconds * (1 - 1e-12));
        } else {
            assertTrue(memorySeconds >= computeSeconds * (1 - 1e-12));
        }
        // Independent byte count: A, B and C at their widths, rounded up to bytes per instance.
        long expected = count * (ceilBytes((long) m * k * a.bits()) + ceilBytes((long) k * n * w.bits())
                + ceilBytes((long) m * n * a.bits()));
        assertEquals(expected, row.totalBytes());
    }

    @Property(tries = 200)
    void tensorParallelDividesWorkAndNeverSpeedsUpBeyondN(@ForAll @IntRange(min = 1, max = 2048) int tokens,
                                                          @ForAll @IntRange(min = 2, max = 8) int devices) {
        DeviceMachine a100 = new DeviceMachine(DevicePresets.all().get(0));
        List<Op> ops = HandBuiltLlama.graph(1, tokens, tokens, 2, Precision.FP16, Precision.FP16, Precision.FP16, 0)
                .ops();
        RooflineAnalyzer one = new RooflineAnalyzer(a100, RooflineOptions.defaults());
        RooflineAnalyzer many = new RooflineAnalyzer(a100, RooflineOptions.defaults().withTensorParallel(devices,
                OptionalDouble.empty()));
        double gemmOps = one.costs(new io.bitforge.core.op.OpGraph("g", ops)).stream()
                .filter(c -> c.kind() != null && c.kind().isGemm()).mapToDouble(OpCost::ops).sum();
        double splitOps = many.costs(new io.bitforge.core.op.OpGraph("g", ops)).stream()
                .filter(c -> c.kind() != null && c.kind().isGemm()).mapToDouble(OpCost::ops).sum();
        assertEquals(gemmOps / devices, splitOps, gemmOps * 1e-12);
        double t1 = seconds(one, ops);
        double tn = seconds(many, ops);
        assertTrue(tn >= t1 / devices * (1 - 1e-12), "per-device time " + tn + " vs one device " + t1);
    }

    @Property(tries = 200)
    void fusedAttentionWithOneQueryBlockNeverMovesMoreBytes(@ForAll @IntRange(min = 1, max = 512) int tokens,
                                                            @ForAll @IntRange(min = 1, max = 4096) int kvTokens) {
        DeviceMachine h100 = new DeviceMachine(DevicePresets.all().get(2));
        List<Op> ops = HandBuiltLlama.graph(1, tokens, kvTokens, 1, Precision.FP16, Precision.FP16, Precision.INT8, 0)
                .ops();
        long unfused = bytes(new RooflineAnalyzer(h100, RooflineOptions.defaults()), ops);
        long fused = bytes(new RooflineAnalyzer(h100, RooflineOptions.defaults().withFusedAttention(512)), ops);
        assertTrue(fused < unfused, fused + " vs " + unfused);
    }

    @Property(tries = 100)
    void vectorOpsCountTheirInputsOutputsAndParameters(@ForAll @IntRange(min = 1, max = 100_000) int elements,
                                                       @ForAll @IntRange(min = 0, max = 3) int inputs,
                                                       @ForAll @IntRange(min = 0, max = 10_000) int parameters) {
        VectorOp op = new VectorOp("v", OpKind.NORM, elements, 7, inputs, parameters, 3, Precision.FP16);
        OpCost cost = OpTraffic.of(op, new DeviceMachine(DevicePresets.all().get(0)));
        assertEquals(3L * 2 * ((long) elements * inputs + elements + parameters), cost.bytes().total());
        assertEquals(3.0 * 7 * elements, cost.ops(), 0);
    }

    private static long ceilBytes(long bits) {
        return (bits + 7) / 8;
    }

    private static double seconds(RooflineAnalyzer analyzer, List<Op> ops) {
        return analyzer.analyze(new io.bitforge.core.workload.PhaseGraph("p",
                io.bitforge.core.workload.PhaseKind.PREFILL, new io.bitforge.core.op.OpGraph("g", ops), 1, 1))
                .seconds();
    }

    private static long bytes(RooflineAnalyzer analyzer, List<Op> ops) {
        return analyzer.costs(new io.bitforge.core.op.OpGraph("g", ops)).stream()
                .mapToLong(c -> c.bytes().total()).sum();
    }
}
