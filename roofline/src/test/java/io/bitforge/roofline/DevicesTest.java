package io.bitforge.roofline;

import io.bitforge.core.device.Device;
import io.bitforge.core.device.PrecisionClass;
import io.bitforge.core.op.Precision;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevicesTest {
    private static Device device(String id) {
        return Registry.load().device(id).orElseThrow(() -> new AssertionError("no device " + id));
    }

    private static double peak(String id, PrecisionClass precision) {
        return device(id).peakOpsPerSecond(precision).orElseThrow();
    }

    @Test
    void everyPresetIsRegisteredWithASource() {
        assertEquals(List.of("a100-40gb", "a100-80gb", "h100-sxm", "h200", "jetson-agx-orin", "jetson-agx-orin-cpu",
                "l40s", "rtx-4090", "snapdragon-x-elite"), Registry.load().ids(CatalogKind.DEVICES));
        for (DevicePreset preset : DevicePresets.all()) {
            assertFalse(preset.source().isBlank(), preset.id());
            assertTrue(preset.peakOpsPerSecond(PrecisionClass.FP32).isPresent(), preset.id());
            assertTrue(preset.peakOpsPerSecond(PrecisionClass.FP16).isPresent(), preset.id());
            assertTrue(preset.peakOpsPerSecond(PrecisionClass.INT8).isPresent(), preset.id());
        }
    }

    @Test
    void a100MatchesTheFiguresLlmViewerUses() {
        // LLM-Viewer hardwares/hardware_params.py: A100 40G 1555 GB/s, FP16 312 TFLOP/s, INT8 624 TOP/s.
        assertEquals(1555e9, device("a100-40gb").memoryBytesPerSecond());
        assertEquals(2039e9, device("a100-80gb").memoryBytesPerSecond());
        assertEquals(312e12, peak("a100-40gb", PrecisionClass.FP16));
        assertEquals(624e12, peak("a100-40gb", PrecisionClass.INT8));
    }

    @Test
    void peaksAreDenseNotSparse() {
        // H100 SXM dense FP16 989.4 TFLOP/s (LLM-Viewer lists the 1979 sparse figure); H200 datasheet 1979 sparse.
        assertEquals(989.4e12, peak("h100-sxm", PrecisionClass.FP16), 1e6);
        assertEquals(989.5e12, peak("h200", PrecisionClass.FP16), 1e6);
        assertEquals(733e12, peak("l40s", PrecisionClass.FP8), 1e6);
    }

    /**
     * CPU peaks by hand: Orin's 12 Cortex-A78AE at 2.2 GHz with two 128-bit pipes (SDOT: 16 INT8 MACs = 32 ops per
     * pipe) = 12 * 2.2e9 * 64 = 1.6896e12 INT8 ops/s; Snapdragon X Elite's 12 Oryon at 3.4 GHz with four pipes =
     * 12 * 3.4e9 * 32 = 1.3056e12 FP32 FLOP/s. Bandwidths from the technical brief and the product brief.
     */
    @Test
    void cpuDevicesArePeaksOfCoresClockAndPipes() {
        assertEquals(1.6896e12, peak("jetson-agx-orin-cpu", PrecisionClass.INT8), 1e3);
        assertEquals(0.4224e12, peak("jetson-agx-orin-cpu", PrecisionClass.FP32), 1e3);
        assertEquals(204.8e9, device("jetson-agx-orin-cpu").memoryBytesPerSecond());
        assertEquals(1.3056e12, peak("snapdragon-x-elite", PrecisionClass.FP32), 1e3);
        assertEquals(5.2224e12, peak("snapdragon-x-elite", PrecisionClass.INT8), 1e3);
        assertEquals(135e9, device("snapdragon-x-elite").memoryBytesPerSecond());
        assertTrue(device("snapdragon-x-elite").peakOpsPerSecond(PrecisionClass.INT4).isEmpty());
        assertTrue(((DevicePreset) device("snapdragon-x-elite")).source().contains("ESTIMATE"));
    }

    @Test
    void rtx4090Fp16RunsAtItsFp32AccumulateRate() {
        // Ada whitepaper: 330.3 TFLOP/s with FP16 accumulate, half (165.2) with FP32 accumulate on GeForce.
        assertEquals(165.2e12, peak("rtx-4090", PrecisionClass.FP16), 1e6);
    }

    @Test
    void peakFollowsThePrecisionTheGemmComputesIn() {
        Precision fp8 = new Precision("fp8-e4m3", 8);
        Precision bitmod = new Precision("bitmod-fp4-er+", 4);
        DeviceMachine a100 = new DeviceMachine(device("a100-40gb"));
        DeviceMachine h100 = new DeviceMachine(device("h100-sxm"));
        assertEquals(new Peak("fp16", 312e12), a100.gemmPeak(Precision.FP16, Precision.INT4));   // W4A16
        assertEquals(new Peak("int8", 624e12), a100.gemmPeak(Precision.INT8, Precision.INT8));   // W8A8
        assertEquals(new Peak("int4", 1248e12), a100.gemmPeak(Precision.INT4, Precision.INT4));  // W4A4
        assertEquals("int8", h100.gemmPeak(Precision.INT4, Precision.INT4).label());          // no INT4 on Hopper
        assertEquals("fp8", h100.gemmPeak(fp8, fp8).label());
        assertEquals("fp16", a100.gemmPeak(fp8, fp8).label());                                // no FP8 on Ampere
        assertEquals("int8", a100.gemmPeak(Precision.INT8, bitmod).label());   // BitMoD weights dequantised to A8
        assertEquals("fp16", a100.gemmPeak(Precision.BF16, bitmod).label());
        assertEquals("fp32", a100.gemmPeak(Precision.FP32, Precision.FP32).label());
        assertEquals("fp32", a100.vectorPeak(Precision.FP16).label());
    }

    @Test
    void roofsAreListedHighestFirst() {
        List<Peak> roofs = new DeviceMachine(device("a100-40gb")).roofs();
        assertEquals(List.of("int4", "int8", "fp16", "tf32", "fp32"), roofs.stream().map(Peak::label).toList());
    }
}
