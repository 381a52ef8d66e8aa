package io.bitforge.api;

import io.bitforge.core.engine.Mapping;
import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.spec.HardwareSpec;

/**
 * A workload on a design: what {@link BitForge#simulate}, {@link BitForge#simulateDiffusion} and
 * {@link BitForge#simulateWorkload} take. Built with {@link #builder()}; the defaults are {@code bitforge simulate}'s.
 *
 * @param phase        LLM: {@code prefill}, {@code decode} or {@code both} (decode then starts from the prompt)
 * @param batch        sequences (LLM) or images (diffusion) processed together
 * @param prompt       LLM: prefill tokens per sequence
 * @param context      LLM: cached tokens when decode starts, for phase {@code decode}
 * @param generate     LLM: decode steps
 * @param quant        a quantisation config ({@code W4A8KV4g128}, {@code all:W8A8,ffn:W4A8}); null = the array's
 *                     native formats
 * @param attention    LLM prefill attention: {@code full} or {@code causal}
 * @param lmHead       LLM prefill lm_head on the {@code last} token or {@code all} tokens
 * @param steps        diffusion: denoising steps; null = 50
 * @param resolution   diffusion: image side in pixels; null = the model's native size
 * @param guidance     diffusion: classifier-free guidance (denoiser batch doubled)
 * @param textEncoder  diffusion: add the text encoder(s), once per request
 * @param vaeDecoder   diffusion: add the VAE decoder, once per request
 * @param svdquantRank diffusion: SVDQuant's 16-bit low-rank branch of this rank beside every 4-bit GEMM; null = none
 * @param allowLongContext LLM: run past the model's context limit (a note says so) instead of refusing
 * @param mapping      how GEMMs are laid onto the design (tiles, loop order, dataflow, cycle model); null = the
 *                     spec's own (its deprecated {@code mapping:} block, or the tiler's choice)
 */
public record SimulateRequest(HardwareChoice hardware, WorkloadChoice workload, String phase, int batch, int prompt,
                              int context, int generate, String quant, String attention, String lmHead,
                              Integer steps, Integer resolution, boolean guidance, boolean textEncoder,
                              boolean vaeDecoder, Integer svdquantRank, Mapping mapping, boolean allowLongContext) {
    public SimulateRequest {
        if (hardware == null) {
            throw new BadRequestException("hardware", "is required (a spec file, a preset or a HardwareSpec)");
        }
        if (workload == null) {
            throw new BadRequestException("workload", "is required (a workload id, a model config file or a "
                    + "WorkloadFactory)");
        }
        if (phase == null) {
            throw new BadRequestException("phase", "is required: prefill, decode or both");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The first field set that only diffusion workloads read, or null. */
    String diffusionOnlyField() {
        if (steps != null) {
            return "steps";
        }
        if (resolution != null) {
            return "resolution";
        }
        if (!guidance) {
            return "guidance";
        }
        if (textEncoder) {
            return "textEncoder";
        }
        if (vaeDecoder) {
            return "vaeDecoder";
        }
        return svdquantRank != null ? "svdquantRank" : null;
    }

    /** Fills a {@link SimulateRequest}; every field starts at {@code bitforge simulate}'s default. */
    public static final class Builder {
        private HardwareChoice hardware;
        private WorkloadChoice workload;
        private String phase = "both";
        private int batch = 1;
        private int prompt = 1024;
        private int context = 1024;
        private int generate = 256;
        private String quant;
        private String attention = "full";
        private String lmHead = "last";
        private Integer steps;
        private Integer resolution;
        private boolean guidance = true;
        private boolean textEncoder;
        private boolean vaeDecoder;
        private Integer svdquantRank;
        private Mapping mapping;
        private boolean allowLongContext;

        private Builder() {
        }

        public Builder hardware(HardwareChoice hardware) {
            this.hardware = hardware;
            return this;
        }

        /** A spec file or preset id. */
        public Builder hardware(String fileOrPreset) {
            return hardware(HardwareChoice.named(fileOrPreset));
        }

        public Builder hardware(HardwareSpec spec) {
            return hardware(HardwareChoice.of(spec));
        }

        public Builder workload(WorkloadChoice workload) {
            this.workload = workload;
            return this;
        }

        /** A workload id. */
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

        public Builder attention(String attention) {
            this.attention = attention;
            return this;
        }

        public Builder lmHead(String lmHead) {
            this.lmHead = lmHead;
            return this;
        }

        public Builder steps(Integer steps) {
            this.steps = steps;
            return this;
        }

        public Builder resolution(Integer resolution) {
            this.resolution = resolution;
            return this;
        }

        public Builder guidance(boolean guidance) {
            this.guidance = guidance;
            return this;
        }

        public Builder textEncoder(boolean textEncoder) {
            this.textEncoder = textEncoder;
            return this;
        }

        public Builder vaeDecoder(boolean vaeDecoder) {
            this.vaeDecoder = vaeDecoder;
            return this;
        }

        public Builder svdquantRank(Integer svdquantRank) {
            this.svdquantRank = svdquantRank;
            return this;
        }

        public Builder mapping(Mapping mapping) {
            this.mapping = mapping;
            return this;
        }

        public Builder allowLongContext(boolean allowLongContext) {
            this.allowLongContext = allowLongContext;
            return this;
        }

        public SimulateRequest build() {
            return new SimulateRequest(hardware, workload, phase, batch, prompt, context, generate, quant, attention,
                    lmHead, steps, resolution, guidance, textEncoder, vaeDecoder, svdquantRank, mapping,
                    allowLongContext);
        }
    }
}
