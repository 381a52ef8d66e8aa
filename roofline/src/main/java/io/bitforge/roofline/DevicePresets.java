package io.bitforge.roofline;

import io.bitforge.core.device.PrecisionClass;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static io.bitforge.core.device.PrecisionClass.FP16;
import static io.bitforge.core.device.PrecisionClass.FP32;
import static io.bitforge.core.device.PrecisionClass.FP8;
import static io.bitforge.core.device.PrecisionClass.INT4;
import static io.bitforge.core.device.PrecisionClass.INT8;
import static io.bitforge.core.device.PrecisionClass.TF32;

/**
 * The built-in devices. Every peak is the dense figure (half the "with sparsity" figure where a datasheet
 * prints only that); FP16 means FP16/BF16 multiply with FP32 accumulate at the rate the part really runs it.
 * Capacities in bytes as the datasheet states them (HBM stacks in GiB, "GB" elsewhere in 10^9).
 */
public final class DevicePresets {
    private static final double TERA = 1e12;
    private static final double GIGA = 1e9;
    private static final long GIB = 1L << 30;

    private DevicePresets() {
    }

    /** All presets, in a fixed order. */
    public static List<DevicePreset> all() {
        return List.of(a100(40, 1555), a100(80, 2039), h100Sxm(), h200(), l40s(), rtx4090(), jetsonAgxOrin(),
                jetsonAgxOrinCpu(), snapdragonXElite());
    }

    // NVIDIA A100 Tensor Core GPU datasheet (2021, SXM column): FP32 19.5 TFLOPS, TF32 156, FP16/BF16 312,
    // INT8 624 TOPS (dense; the datasheet's sparse figures are twice these); INT4 1248 dense from the
    // NVIDIA A100 Tensor Core GPU Architecture whitepaper (GA100), Table 1. HBM2 40 GB at 1,555 GB/s,
    // HBM2e 80 GB at 2,039 GB/s. NVLink 3: 600 GB/s total, 300 GB/s per direction.
    private static DevicePreset a100(int gigabytes, double gigabytesPerSecond) {
        return new DevicePreset("a100-" + gigabytes + "gb",
                "NVIDIA A100 " + gigabytes + "GB SXM (Ampere GA100)",
                "NVIDIA A100 Tensor Core GPU datasheet (SXM, dense figures); INT4 from the NVIDIA A100 Tensor Core "
                        + "GPU Architecture whitepaper, Table 1",
                peaks(19.5, 156, 312, 0, 624, 1248), gigabytesPerSecond * GIGA, gigabytes * GIB, 300 * GIGA);
    }

    // NVIDIA H100 Tensor Core GPU Architecture whitepaper (Hopper), Table 2, H100 SXM5: FP32 66.9 TFLOPS,
    // TF32 494.7, FP16/BF16 with FP32 accumulate 989.4, FP8 1978.9, INT8 1978.9 TOPS (dense); no INT4 tensor
    // path on Hopper. H100 SXM datasheet: 80 GB HBM3 at 3.35 TB/s; NVLink 4 900 GB/s total (450 per direction).
    private static DevicePreset h100Sxm() {
        return new DevicePreset("h100-sxm", "NVIDIA H100 SXM5 80GB (Hopper GH100)",
                "NVIDIA H100 Tensor Core GPU Architecture whitepaper, Table 2 (SXM5, dense); H100 datasheet for "
                        + "memory and NVLink",
                peaks(66.9, 494.7, 989.4, 1978.9, 1978.9, 0), 3350 * GIGA, 80 * GIB, 450 * GIGA);
    }

    // NVIDIA H200 Tensor Core GPU datasheet (SXM): FP32 67 TFLOPS, TF32 989, BF16/FP16 1,979, FP8 3,958,
    // INT8 3,958 TOPS — all "with sparsity"; dense = half. 141 GB HBM3e at 4.8 TB/s; NVLink 900 GB/s total.
    private static DevicePreset h200() {
        return new DevicePreset("h200", "NVIDIA H200 SXM 141GB (Hopper GH100, HBM3e)",
                "NVIDIA H200 Tensor Core GPU datasheet (SXM; sparse figures halved to dense)",
                peaks(67, 494.5, 989.5, 1979, 1979, 0), 4800 * GIGA, 141_000_000_000L, 450 * GIGA);
    }

    // NVIDIA L40S datasheet: FP32 91.6 TFLOPS, TF32 183, BF16/FP16 362.05, FP8 733, INT8 733 TOPS (dense;
    // sparse in the datasheet is twice). INT4: ESTIMATE, 2 x INT8 as every Ada Lovelace part runs it (Ada
    // Lovelace architecture whitepaper v1.1, Appendix A: RTX 4090 INT4 1321.2 = 2 x INT8 660.6). 48 GB GDDR6 at
    // 864 GB/s; no NVLink: PCIe Gen4 x16, 64 GB/s bidirectional = 32 GB/s per direction.
    private static DevicePreset l40s() {
        return new DevicePreset("l40s", "NVIDIA L40S 48GB (Ada Lovelace AD102)",
                "NVIDIA L40S datasheet (dense); INT4 an estimate at 2x INT8 per the Ada Lovelace architecture "
                        + "whitepaper v1.1, Appendix A",
                peaks(91.6, 183, 362.05, 733, 733, 1466), 864 * GIGA, 48_000_000_000L, 32 * GIGA);
    }

    // NVIDIA Ada Lovelace GPU architecture whitepaper v1.1, Appendix A, Table 2 (GeForce RTX 4090): FP32 82.6
    // TFLOPS; TF32 82.6; FP16 and BF16 with FP32 accumulate 165.2 (half the FP16-accumulate 330.3 on GeForce);
    // FP8 with FP32 accumulate 330.3; INT8 660.6 TOPS; INT4 1321.2 TOPS (all dense). 24 GB GDDR6X at 1,008 GB/s;
    // no NVLink: PCIe Gen4 x16, about 32 GB/s per direction.
    private static DevicePreset rtx4090() {
        return new DevicePreset("rtx-4090", "NVIDIA GeForce RTX 4090 24GB (Ada Lovelace AD102)",
                "NVIDIA Ada Lovelace GPU architecture whitepaper v1.1, Appendix A (dense, FP32 accumulate)",
                peaks(82.6, 82.6, 165.2, 330.3, 660.6, 1321.2), 1008 * GIGA, 24_000_000_000L, 32 * GIGA);
    }

    // NVIDIA Jetson AGX Orin Series technical brief v1.2 (64 GB module, GPU only, MAXN): 2048 CUDA cores
    // 5.3 FP32 TFLOPS; 64 Tensor Cores 170 sparse INT8 TOPS = 85 dense. FP16: ESTIMATE, half the INT8 rate as
    // on every Ampere tensor core (GA100 whitepaper Table 1: FP16 312 vs INT8 624). TF32, FP8, INT4 not
    // published for Orin: absent. 64 GB LPDDR5 at 204.8 GB/s; no device-to-device link.
    private static DevicePreset jetsonAgxOrin() {
        return new DevicePreset("jetson-agx-orin", "NVIDIA Jetson AGX Orin 64GB (Ampere GA10B GPU, DLAs excluded)",
                "NVIDIA Jetson AGX Orin Series technical brief v1.2 (GPU, sparse INT8 halved); FP16 an estimate "
                        + "at half the INT8 rate",
                peaks(5.3, 0, 42.5, 0, 85, 0), 204.8 * GIGA, 64_000_000_000L, 0);
    }

    // CPU devices, for CPU kernels such as T-MAC's (microsoft/T-MAC README: Jetson AGX Orin CPU, Surface Laptop 7).
    // A CPU's peak is cores x clock x SIMD ops per cycle; no vendor prints it, so every CPU peak is an ESTIMATE
    // derived from the core's issue width: 128-bit ASIMD pipes, each FMLA doing 4 FP32 or 8 FP16 multiply-adds
    // and each SDOT 16 INT8 multiply-adds (2 ops each). No INT4 path: INT4 weights are unpacked to INT8.

    // Jetson AGX Orin 64GB CPU cluster: 12 Arm Cortex-A78AE cores at 2.2 GHz, 64 GB LPDDR5 at 204.8 GB/s shared
    // with the GPU (NVIDIA Jetson AGX Orin Series technical brief v1.2). Cortex-A78: two 128-bit ASIMD pipes
    // (Arm Cortex-A78 Software Optimization Guide, V0/V1): 16 FP32, 32 FP16, 64 INT8 ops per core-cycle.
    private static DevicePreset jetsonAgxOrinCpu() {
        double coreTeraCycles = 12 * 2.2e9 / TERA;
        return new DevicePreset("jetson-agx-orin-cpu", "NVIDIA Jetson AGX Orin 64GB CPU (12x Arm Cortex-A78AE, "
                + "2.2 GHz)", "NVIDIA Jetson AGX Orin Series technical brief v1.2 (cores, clock, LPDDR5); peaks an "
                + "ESTIMATE: cores x clock x two 128-bit ASIMD pipes (Arm Cortex-A78 Software Optimization Guide)",
                peaks(coreTeraCycles * 16, 0, coreTeraCycles * 32, 0, coreTeraCycles * 64, 0), 204.8 * GIGA,
                64_000_000_000L, 0);
    }

    // Snapdragon X Elite X1E-80-100 (Surface Laptop 7): 12 Qualcomm Oryon cores at 3.4 GHz all-core, LPDDR5x-8448
    // at 135 GB/s, up to 64 GB (Qualcomm Snapdragon X Elite product brief). Oryon: four 128-bit FP/ASIMD pipes
    // (Qualcomm, Hot Chips 2024): 32 FP32, 64 FP16, 128 INT8 ops per core-cycle.
    private static DevicePreset snapdragonXElite() {
        double coreTeraCycles = 12 * 3.4e9 / TERA;
        return new DevicePreset("snapdragon-x-elite", "Qualcomm Snapdragon X Elite X1E-80-100 CPU (12x Oryon, "
                + "3.4 GHz; Surface Laptop 7)", "Qualcomm Snapdragon X Elite product brief (cores, clock, "
                + "LPDDR5x 135 GB/s); peaks an ESTIMATE: cores x clock x four 128-bit ASIMD pipes (Qualcomm, Hot "
                + "Chips 2024)", peaks(coreTeraCycles * 32, 0, coreTeraCycles * 64, 0, coreTeraCycles * 128, 0),
                135 * GIGA, 64_000_000_000L, 0);
    }

    /** Peaks in tera-ops per second; 0 = the device has no such path. */
    private static Map<PrecisionClass, Double> peaks(double fp32, double tf32, double fp16, double fp8,
                                                     double int8, double int4) {
        Map<PrecisionClass, Double> peaks = new EnumMap<>(PrecisionClass.class);
        double[] values = {fp32, tf32, fp16, fp8, int8, int4};
        PrecisionClass[] classes = {FP32, TF32, FP16, FP8, INT8, INT4};
        for (int i = 0; i < classes.length; i++) {
            if (values[i] > 0) {
                peaks.put(classes[i], values[i] * TERA);
            }
        }
        return peaks;
    }
}
