package io.bitforge.core.spec;

/**
 * Off-chip memory: a registry preset by id ({@code dram: {preset: hbm2e}}) or custom figures. Resolution of a
 * preset's figures goes through {@code Registry.memory(id)}.
 */
public sealed interface DramSpec permits DramSpec.Preset, DramSpec.Custom {
    /**
     * The slowest DRAM a spec or a bandwidth option may give: one byte per 1,024 cycles. A sanity bound, not a
     * published figure: slower rates turn a GEMM's traffic into stall counts past the 64-bit range.
     */
    double MIN_BYTES_PER_CYCLE = 1.0 / 1024;
    String BYTES_PER_CYCLE_RANGE = "must be at least 0.0009765625 (one byte per 1024 cycles)";

    /** A named preset from the registry (DDR4-3200, LPDDR5, HBM2e ...). */
    record Preset(String id) implements DramSpec {
        public Preset {
            java.util.Objects.requireNonNull(id, "id");
        }
    }

    /** Custom figures: bandwidth in bytes per accelerator cycle, latency, energy per bit and capacity. */
    record Custom(double bytesPerCycle, double latencyNanoseconds, double picojoulesPerBit, double capacityGibibytes)
            implements DramSpec {
        public Custom {
            if (!(bytesPerCycle > 0) || !(latencyNanoseconds >= 0) || !(picojoulesPerBit >= 0)
                    || !(capacityGibibytes > 0)) {
                throw new IllegalArgumentException("custom DRAM needs bytesPerCycle > 0, latency >= 0, pJ/bit >= 0,"
                        + " capacity > 0");
            }
        }
    }
}
