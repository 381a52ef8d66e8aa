package io.bitforge.simulation.timing;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.memory.MemoryPreset;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.DramSpec;
import io.bitforge.core.spec.HardwareSpec;

/**
 * The first-word latency of a spec's DRAM in accelerator cycles: a preset's {@code latencyNanoseconds} (row
 * activate plus read latency, sourced per preset in {@code bitforge list memories}) or a custom DRAM's own, times
 * the clock, rounded up.
 */
public final class DramLatency {
    private DramLatency() {
    }

    public static long cycles(HardwareSpec spec, Registry registry) {
        double nanoseconds;
        if (spec.dram() instanceof DramSpec.Custom custom) {
            nanoseconds = custom.latencyNanoseconds();
        } else {
            String id = ((DramSpec.Preset) spec.dram()).id();
            MemoryPreset preset = registry.memory(id).orElseThrow(() -> new BadInputException(
                    "hardware.dram.preset: must be a registered memory preset, got '" + id + "'"));
            nanoseconds = preset.latencyNanoseconds();
        }
        return (long) Math.ceil(nanoseconds * spec.clockHertz() / 1e9);
    }
}
