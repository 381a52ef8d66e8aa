package io.bitforge.api;

import io.bitforge.core.engine.Mapping;
import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.spec.HardwareSpec;

/**
 * One GEMM (M x K times K x N) at the design's native formats: what {@link BitForge#gemm} takes.
 *
 * @param bandwidthBytesPerCycle the DRAM bandwidth in bytes per array cycle; null = unlimited (no stalls)
 * @param scalesim               SCALE-Sim v2 compatibility mode: one word is one byte, its cycle and memory
 *                               figures; the bandwidth must then be whole words per cycle
 * @param longRunAllowed         in SCALE-Sim mode, run even when estimated past a minute (refused otherwise);
 *                               a run past the heap is refused regardless
 * @param mapping                how the GEMM is laid onto the design (tiles, loop order, dataflow); null = the
 *                               spec's own (its deprecated {@code mapping:} block, or the tiler's choice). In
 *                               SCALE-Sim mode only its dataflow applies
 */
public record GemmRequest(HardwareChoice hardware, long m, long k, long n, Double bandwidthBytesPerCycle,
                          boolean scalesim, boolean longRunAllowed, Mapping mapping) {
    public GemmRequest {
        if (hardware == null) {
            throw new BadRequestException("hardware", "is required (a spec file, a preset or a HardwareSpec)");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fills a {@link GemmRequest}: no defaults for the design or the shape; unlimited bandwidth. */
    public static final class Builder {
        private HardwareChoice hardware;
        private long m;
        private long k;
        private long n;
        private Double bandwidthBytesPerCycle;
        private boolean scalesim;
        private boolean longRunAllowed;
        private Mapping mapping;

        private Builder() {
        }

        public Builder hardware(HardwareChoice hardware) {
            this.hardware = hardware;
            return this;
        }

        public Builder hardware(String fileOrPreset) {
            return hardware(HardwareChoice.named(fileOrPreset));
        }

        public Builder hardware(HardwareSpec spec) {
            return hardware(HardwareChoice.of(spec));
        }

        /** M, K and N. */
        public Builder shape(long m, long k, long n) {
            this.m = m;
            this.k = k;
            this.n = n;
            return this;
        }

        public Builder bandwidthBytesPerCycle(Double bandwidthBytesPerCycle) {
            this.bandwidthBytesPerCycle = bandwidthBytesPerCycle;
            return this;
        }

        public Builder scalesim(boolean scalesim) {
            this.scalesim = scalesim;
            return this;
        }

        /** Lets a SCALE-Sim-mode run estimated past a minute go ahead (the command line's {@code --yes}). */
        public Builder longRunAllowed(boolean longRunAllowed) {
            this.longRunAllowed = longRunAllowed;
            return this;
        }

        /** The mapping stage beside the spec; null (the default) keeps the spec's own. */
        public Builder mapping(Mapping mapping) {
            this.mapping = mapping;
            return this;
        }

        public GemmRequest build() {
            return new GemmRequest(hardware, m, k, n, bandwidthBytesPerCycle, scalesim, longRunAllowed, mapping);
        }
    }
}
