package io.bitforge.core.device;

import io.bitforge.core.registry.Catalogued;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A real accelerator (GPU, SoC) with published peak dense throughput per precision class, memory bandwidth,
 * capacity and, where it has one, a device-to-device link. Figures are dense (no structured-sparsity
 * doubling); each implementation names the datasheet or whitepaper of every figure in {@link #source()}.
 */
public interface Device extends Catalogued {
    /** Peak dense operations per second (a multiply-add is 2 ops) in {@code precision}, if the device has it. */
    OptionalDouble peakOpsPerSecond(PrecisionClass precision);

    /** Peak DRAM (HBM, GDDR, LPDDR) bandwidth in bytes per second. */
    double memoryBytesPerSecond();

    /** DRAM capacity in bytes. */
    long memoryCapacityBytes();

    /** Device-to-device bandwidth in bytes per second per direction (NVLink, PCIe), if the device has a link. */
    OptionalDouble linkBytesPerSecond();

    @Override
    default Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("id", id());
        for (PrecisionClass precision : PrecisionClass.values()) {
            OptionalDouble peak = peakOpsPerSecond(precision);
            facts.put(precision.label() + "Tops", peak.isPresent() ? peak.getAsDouble() / 1e12 : null);
        }
        facts.put("memoryGBps", memoryBytesPerSecond() / 1e9);
        facts.put("memoryGB", Math.round(memoryCapacityBytes() / 1e7) / 100.0);
        OptionalDouble link = linkBytesPerSecond();
        facts.put("linkGBps", link.isPresent() ? link.getAsDouble() / 1e9 : null);
        return facts;
    }
}
