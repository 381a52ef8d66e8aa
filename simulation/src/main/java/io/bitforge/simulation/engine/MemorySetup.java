package io.bitforge.simulation.engine;

import java.util.OptionalDouble;

/**
 * Which DRAM model an assembled engine charges GEMMs with ({@link EngineAssembly}).
 */
public sealed interface MemorySetup {
    /** No DRAM traffic counted and no stalls (SCALE-Sim's stall-free mode); simulations add the DRAM floor. */
    MemorySetup UNLIMITED_BANDWIDTH = new UnlimitedBandwidth();
    /** GEMMs tiled to the SRAMs and stalled on the spec's DRAM's sustained bandwidth: what {@code simulate} runs. */
    MemorySetup SPEC_DRAM = new SpecDram();

    /** GEMMs tiled to the SRAMs at {@code bandwidthBytesPerCycle} (empty: unlimited; traffic still counted). */
    static MemorySetup tiled(OptionalDouble bandwidthBytesPerCycle) {
        return new Tiled(bandwidthBytesPerCycle);
    }

    /** See {@link #UNLIMITED_BANDWIDTH}. */
    record UnlimitedBandwidth() implements MemorySetup {
    }

    /** See {@link #SPEC_DRAM}. */
    record SpecDram() implements MemorySetup {
    }

    /** The tiled DRAM model at a given bandwidth in bytes per cycle, unlimited when empty. */
    record Tiled(OptionalDouble bandwidthBytesPerCycle) implements MemorySetup {
        public Tiled {
            if (bandwidthBytesPerCycle == null) {
                throw new IllegalArgumentException("bandwidthBytesPerCycle must not be null; empty is unlimited");
            }
        }
    }

    /** Bit Fusion's own tiling and DRAM traffic model (its reproduction), with the engine's SRAM energy model. */
    record BitFusionTiling() implements MemorySetup {
    }
}
