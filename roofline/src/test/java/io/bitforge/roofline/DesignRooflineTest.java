package io.bitforge.roofline;

import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A simulated design's roofs from its PE family, clock, vector unit and DRAM, by hand. */
class DesignRooflineTest {
    private static final Registry REGISTRY = Registry.load();

    private static DesignMachine preset(String name) {
        HardwareSpec spec = new HardwareSpecLoader(REGISTRY).resolve(name, "--hw");
        return DesignMachine.of(spec, REGISTRY);
    }

    @Test
    void tpuLikeInt8() {
        DesignMachine tpu = preset("tpu-like-int8");
        // 32 x 32 single-MAC cells x 2 ops x 1 GHz = 2.048e12 ops/s at int8 x int8.
        Peak int8 = tpu.gemmPeak(Precision.INT8, Precision.INT8);
        assertEquals(2.048e12, int8.opsPerSecond(), 1);
        assertEquals("mac-int int8xint8", int8.label());
        // Custom DRAM 64 B per cycle x 1 GHz = 64 GB/s; vector unit 32 lanes x 1 GHz = 3.2e10 ops/s.
        assertEquals(64e9, tpu.memoryBytesPerSecond(), 1e-3);
        assertEquals(3.2e10, tpu.vectorPeak(Precision.FP16).opsPerSecond(), 1e-3);
        // Ridge 2.048e12 / 64e9 = 32 op/B: a 1024-cube INT8 GEMM (intensity 2 x 1024^3 / (3 x 1 MiB) = 682.7)
        // is compute-bound, 2 x 1024^3 / 2.048e12 s.
        GemmOp cube = new GemmOp("cube", OpKind.GEMM, 1024, 1024, 1024, 1, Precision.INT8, Precision.INT8,
                Precision.INT8, BOperand.WEIGHTS, 0);
        OpRoofline row = OpRoofline.of(OpTraffic.of(cube, tpu), tpu.memoryBytesPerSecond(), Double.NaN);
        assertEquals(Bound.COMPUTE, row.bound());
        assertEquals(2.0 * 1024 * 1024 * 1024 / 2.048e12, row.seconds(), 1e-15);
    }

    @Test
    void fp16Baseline() {
        DesignMachine fp16 = preset("fp16-baseline");
        // 32 x 24 FP16 MAC cells x 2 x 1 GHz = 1.536e12 ops/s; DRAM 32 B/cycle = 32 GB/s.
        assertEquals(1.536e12, fp16.gemmPeak(Precision.FP16, Precision.FP16).opsPerSecond(), 1);
        assertEquals(32e9, fp16.memoryBytesPerSecond(), 1e-3);
        assertEquals(2, fp16.roofs().size());
    }

    @Test
    void weightsMoveAtTheDesignsStoredWidth() {
        // olive-weight-only stores 4.5 effective bits per weight (BitMoD's OliVe setting, the preset's
        // effectiveWeightBits): a 4096 x 4096 weight GEMM moves 4096 * 4096 * 4.5 / 8 = 9,437,184 weight bytes,
        // where its 4-bit code alone would be 8,388,608.
        DesignMachine olive = preset("olive-weight-only");
        Precision ovp = olive.family().nativePrecisions(olive.spec().pe().params()).weights();
        assertEquals(4, ovp.bits());
        GemmOp proj = new GemmOp("q_proj", OpKind.PROJECTION, 1, 4096, 4096, 1, Precision.FP16, ovp, Precision.FP16,
                BOperand.WEIGHTS, 0);
        assertEquals(9_437_184, OpTraffic.of(proj, olive).bytes().weights());
        // a GPU has no stored-width rule: the format's bytes
        assertEquals(8_388_608, OpTraffic.of(proj, new DeviceMachine(DevicePresets.all().get(0))).bytes().weights());
    }
}
