package io.bitforge.roofline.lut;

import io.bitforge.workloads.llm.ModelConfig;
import io.bitforge.workloads.llm.ModelStructure;
import io.bitforge.workloads.llm.WeightTensor;

/**
 * The decode roofline of a LUT kernel on a CPU: tokens per second bounded by the kernel's table lookups on the
 * cores used ({@link LutKernel}) and by the bytes each token reads from DRAM at the chip's bandwidth. The bytes are
 * the quantised weights at {@code weightBits} with an FP16 scale per {@code groupSize} weights, and the lm_head at
 * {@code lmHeadBits} (T-MAC leaves it to llama.cpp). The KV cache and activations are left out (short contexts); the
 * lm_head's own arithmetic is not in the compute bound. Both bounds assume the cores scale linearly and reach the
 * chip's full bandwidth.
 *
 * @param lookupsPerToken     table lookups of one token's quantised GEMVs
 * @param bytesPerToken       DRAM bytes one token reads
 * @param lutTokensPerSecond  the LUT-kernel bound
 * @param memoryTokensPerSecond the bandwidth bound
 */
public record LutDecodeRoof(double lookupsPerToken, double bytesPerToken, double lutTokensPerSecond,
                            double memoryTokensPerSecond) {

    public static LutDecodeRoof of(ModelConfig model, int weightBits, int groupSize, int lmHeadBits, CpuCluster cpu,
                                   int cores, LutKernel kernel) {
        if (weightBits < 1 || weightBits > 8 || groupSize < 1 || lmHeadBits < 1 || cores < 1 || cores > cpu.cores()) {
            throw new IllegalArgumentException("weightBits 1..8, groupSize >= 1, lmHeadBits >= 1 and cores 1.."
                    + cpu.cores() + " required");
        }
        ModelStructure structure = new ModelStructure(model);
        long weights = structure.quantisedWeights().stream().mapToLong(WeightTensor::elements).sum();
        double lookups = kernel.lookups(weights, weightBits);
        double bytes = weights * (weightBits / 8.0) + (double) weights / groupSize * 2
                + structure.lmHead().elements() * (lmHeadBits / 8.0);
        double lookupsPerSecond = cores * cpu.clockHertz() * kernel.lookupsPerCoreCycle(cpu.simdPipes());
        return new LutDecodeRoof(lookups, bytes, lookupsPerSecond / lookups, cpu.memoryBytesPerSecond() / bytes);
    }

    /** The roof: the lower of the two bounds. */
    public double tokensPerSecond() {
        return Math.min(lutTokensPerSecond, memoryTokensPerSecond);
    }

    /** {@code lut} when the table lookups bound the rate, else {@code memory}. */
    public String bound() {
        return lutTokensPerSecond <= memoryTokensPerSecond ? "lut" : "memory";
    }
}
