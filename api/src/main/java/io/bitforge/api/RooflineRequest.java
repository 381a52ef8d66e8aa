package io.bitforge.api;

import io.bitforge.core.io.BadRequestException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A workload against the roofs of a real device or a simulated design: what {@link BitForge#roofline} takes.
 * Exactly one of {@code device} and {@code hardware} is given. Built with {@link #builder()}; the defaults are
 * {@code bitforge roofline}'s.
 *
 * @param device                 a device id ({@code bitforge list devices}), or null
 * @param hardware               a simulated design, its roofs from its PE family, or null
 * @param quant                  a quantisation config, e.g. {@code W4A16g128}
 * @param workloadOptions        workload builder switches, e.g. {@code attention=causal}, {@code kvBucket=64}
 * @param fusedAttention         FlashAttention-style fused attention (K/V re-read per query block)
 * @param queryBlock             query rows per K/V pass of fused attention
 * @param tensorParallel         devices the model is split across (Megatron-style, ring all-reduce)
 * @param linkGigabytesPerSecond device link bandwidth per direction for tensor parallelism; null = the device's own
 */
public record RooflineRequest(String device, HardwareChoice hardware, WorkloadChoice workload, String phase,
                              int batch, int prompt, int context, int generate, String quant,
                              Map<String, String> workloadOptions, boolean fusedAttention, int queryBlock,
                              int tensorParallel, Double linkGigabytesPerSecond) {
    public RooflineRequest {
        if (workload == null) {
            throw new BadRequestException("workload", "is required (a workload id, a model config file or a "
                    + "WorkloadFactory)");
        }
        workloadOptions = Map.copyOf(workloadOptions);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fills a {@link RooflineRequest}; every field starts at {@code bitforge roofline}'s default. */
    public static final class Builder {
        private String device;
        private HardwareChoice hardware;
        private WorkloadChoice workload;
        private String phase = "both";
        private int batch = 1;
        private int prompt = 1024;
        private int context = 1024;
        private int generate = 256;
        private String quant = "W16A16KV16";
        private Map<String, String> workloadOptions = new LinkedHashMap<>();
        private boolean fusedAttention;
        private int queryBlock = 128;
        private int tensorParallel = 1;
        private Double linkGigabytesPerSecond;

        private Builder() {
        }

        public Builder device(String device) {
            this.device = device;
            return this;
        }

        public Builder hardware(HardwareChoice hardware) {
            this.hardware = hardware;
            return this;
        }

        public Builder hardware(String fileOrPreset) {
            return hardware(fileOrPreset == null ? null : HardwareChoice.named(fileOrPreset));
        }

        public Builder workload(WorkloadChoice workload) {
            this.workload = workload;
            return this;
        }

        public Builder workload(String id) {
            return workload(WorkloadChoice.named(id));
        }

        public Builder phase(String phase) {
            this.phase = phase;
            return this;
        }

        public Builder batch(int batch) {
            this.batch = batch;
            return this;
        }

        public Builder prompt(int prompt) {
            this.prompt = prompt;
            return this;
        }

        public Builder context(int context) {
            this.context = context;
            return this;
        }

        public Builder generate(int generate) {
            this.generate = generate;
            return this;
        }

        public Builder quant(String quant) {
            this.quant = quant;
            return this;
        }

        public Builder workloadOptions(Map<String, String> workloadOptions) {
            this.workloadOptions = new LinkedHashMap<>(workloadOptions);
            return this;
        }

        public Builder fusedAttention(boolean fusedAttention) {
            this.fusedAttention = fusedAttention;
            return this;
        }

        public Builder queryBlock(int queryBlock) {
            this.queryBlock = queryBlock;
            return this;
        }

        public Builder tensorParallel(int tensorParallel) {
            this.tensorParallel = tensorParallel;
            return this;
        }

        public Builder linkGigabytesPerSecond(Double linkGigabytesPerSecond) {
            this.linkGigabytesPerSecond = linkGigabytesPerSecond;
            return this;
        }

        public RooflineRequest build() {
            return new RooflineRequest(device, hardware, workload, phase, batch, prompt, context, generate, quant,
                    workloadOptions, fusedAttention, queryBlock, tensorParallel, linkGigabytesPerSecond);
        }
    }
}
