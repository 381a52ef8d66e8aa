package io.bitforge.roofline;

import io.bitforge.core.device.Device;
import io.bitforge.core.device.PrecisionClass;
import io.bitforge.core.op.Precision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A real device as a roofline machine: GEMMs get the peak of the class {@link PrecisionRules} picks (or its
 * first fallback the device has); element-wise work gets the FP32 (CUDA-core) rate, since it does not run on
 * tensor cores.
 */
public record DeviceMachine(Device device) implements RooflineMachine {
    public DeviceMachine {
        Objects.requireNonNull(device, "device");
        if (device.peakOpsPerSecond(PrecisionClass.FP32).isEmpty()) {
            throw new IllegalArgumentException(device.id() + ": a device needs an FP32 peak");
        }
    }

    @Override
    public String name() {
        return device.id();
    }

    @Override
    public double memoryBytesPerSecond() {
        return device.memoryBytesPerSecond();
    }

    @Override
    public Peak gemmPeak(Precision activations, Precision weights) {
        return peakOf(PrecisionRules.gemmClass(activations, weights));
    }

    @Override
    public Peak vectorPeak(Precision precision) {
        return peakOf(PrecisionClass.FP32);
    }

    /** The device's peak for {@code ideal}, or for the first fallback it has. */
    public Peak peakOf(PrecisionClass ideal) {
        for (PrecisionClass candidate : PrecisionRules.fallbacks(ideal)) {
            OptionalDouble peak = device.peakOpsPerSecond(candidate);
            if (peak.isPresent()) {
                return new Peak(candidate.label(), peak.getAsDouble());
            }
        }
        throw new IllegalStateException(device.id() + " has no peak for " + ideal);
    }

    @Override
    public List<Peak> roofs() {
        List<Peak> roofs = new ArrayList<>();
        for (PrecisionClass precision : PrecisionClass.values()) {
            device.peakOpsPerSecond(precision).ifPresent(p -> roofs.add(new Peak(precision.label(), p)));
        }
        roofs.sort(Comparator.comparingDouble(Peak::opsPerSecond).reversed().thenComparing(Peak::label));
        return List.copyOf(roofs);
    }

    @Override
    public OptionalDouble linkBytesPerSecond() {
        return device.linkBytesPerSecond();
    }
}
