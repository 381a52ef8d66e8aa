package io.bitforge.core.memory;

import io.bitforge.core.registry.Catalogued;

/**
 * A named off-chip memory configuration (DDR4-3200, LPDDR5, HBM2e, ...) with its published figures. The
 * presets live in {@code memory-models}; a hardware spec refers to one by id ({@code dram: {preset: hbm2e}}).
 */
public interface MemoryPreset extends Catalogued {
    /** Peak transfer rate: channels × bus width × data rate, in bytes per second. */
    double peakBytesPerSecond();

    /** Fraction of the peak a streaming workload sustains (0..1], from the cited measurement or estimate. */
    double sustainedEfficiency();

    /** Access latency of a first word, in nanoseconds. */
    double latencyNanoseconds();

    /** Interface + array energy per bit transferred, in picojoules. */
    double picojoulesPerBit();

    /** Capacity of the configuration, in bytes. */
    long capacityBytes();

    /** Smallest transfer: transfers are rounded up to whole bursts of this many bytes. */
    int burstBytes();

    /** Sustained bandwidth in bytes per second. */
    default double sustainedBytesPerSecond() {
        return peakBytesPerSecond() * sustainedEfficiency();
    }

    /** Sustained bandwidth in bytes per cycle of an accelerator clocked at {@code clockHertz}. */
    default double sustainedBytesPerCycle(double clockHertz) {
        return sustainedBytesPerSecond() / clockHertz;
    }
}
