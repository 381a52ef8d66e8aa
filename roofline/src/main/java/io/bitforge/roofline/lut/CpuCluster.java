package io.bitforge.roofline.lut;

import java.util.List;
import java.util.Optional;

/**
 * A CPU as a LUT kernel sees it: cores, all-core clock, 128-bit SIMD pipes per core and DRAM bandwidth. The figures
 * are the roofline's CPU devices' ({@code jetson-agx-orin-cpu}, {@code snapdragon-x-elite}), with the same sources.
 *
 * @param deviceId             the roofline device this cluster is
 * @param cores                cores of the cluster
 * @param clockHertz           all-core clock
 * @param simdPipes            128-bit SIMD pipes per core that execute table lookups (TBL) and integer adds
 * @param memoryBytesPerSecond DRAM bandwidth of the whole chip
 * @param source               where the figures are published
 */
public record CpuCluster(String deviceId, int cores, double clockHertz, int simdPipes, double memoryBytesPerSecond,
                         String source) {

    public CpuCluster {
        if (cores < 1 || !(clockHertz > 0) || simdPipes < 1 || !(memoryBytesPerSecond > 0)) {
            throw new IllegalArgumentException(deviceId + ": cores, clock, pipes and bandwidth must be > 0");
        }
    }

    /** The CPU clusters the LUT-kernel roofline knows. */
    public static List<CpuCluster> all() {
        return List.of(
                // NVIDIA Jetson AGX Orin Series technical brief v1.2: 12 Cortex-A78AE at 2.2 GHz, LPDDR5 204.8 GB/s;
                // Arm Cortex-A78 Software Optimization Guide: two 128-bit ASIMD pipes (V0, V1) take TBL and ADD.
                new CpuCluster("jetson-agx-orin-cpu", 12, 2.2e9, 2, 204.8e9, "NVIDIA Jetson AGX Orin Series "
                        + "technical brief v1.2; Arm Cortex-A78 Software Optimization Guide (2 ASIMD pipes)"),
                // Qualcomm Snapdragon X Elite product brief (X1E-80-100, Surface Laptop 7): 12 Oryon at 3.4 GHz
                // all-core, LPDDR5x 135 GB/s; Qualcomm, Hot Chips 2024: four 128-bit FP/ASIMD pipes per core.
                new CpuCluster("snapdragon-x-elite", 12, 3.4e9, 4, 135e9, "Qualcomm Snapdragon X Elite product "
                        + "brief; Qualcomm Oryon, Hot Chips 2024 (4 ASIMD pipes)"));
    }

    public static Optional<CpuCluster> find(String deviceId) {
        return all().stream().filter(c -> c.deviceId.equals(deviceId)).findFirst();
    }

    public static List<String> ids() {
        return all().stream().map(CpuCluster::deviceId).toList();
    }
}
