package io.bitforge.roofline;

import io.bitforge.core.device.Device;
import io.bitforge.core.device.PrecisionClass;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A real device with its datasheet figures: dense peaks per precision class (ops/s), DRAM bandwidth (bytes/s),
 * capacity (bytes) and link bandwidth per direction (bytes/s, 0 when the device has none).
 */
public record DevicePreset(String id, String description, String source, Map<PrecisionClass, Double> peaks,
                           double memoryBytesPerSecond, long memoryCapacityBytes, double linkBytesPerDirection)
        implements Device {

    public DevicePreset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(source, "source");
        peaks = Map.copyOf(new EnumMap<>(peaks));
        if (memoryBytesPerSecond <= 0 || memoryCapacityBytes <= 0 || linkBytesPerDirection < 0) {
            throw new IllegalArgumentException(id + ": bandwidth and capacity must be > 0");
        }
        peaks.forEach((precision, peak) -> {
            if (!(peak > 0)) {
                throw new IllegalArgumentException(id + ": peak " + precision + " must be > 0, got " + peak);
            }
        });
    }

    @Override
    public OptionalDouble peakOpsPerSecond(PrecisionClass precision) {
        Double peak = peaks.get(precision);
        return peak == null ? OptionalDouble.empty() : OptionalDouble.of(peak);
    }

    @Override
    public OptionalDouble linkBytesPerSecond() {
        return linkBytesPerDirection > 0 ? OptionalDouble.of(linkBytesPerDirection) : OptionalDouble.empty();
    }
}
