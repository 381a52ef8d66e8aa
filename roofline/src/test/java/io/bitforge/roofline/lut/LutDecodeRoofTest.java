package io.bitforge.roofline.lut;

import io.bitforge.workloads.llm.ModelZoo;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The LUT-kernel decode roof against figures worked out by hand from the models' published shapes. */
class LutDecodeRoofTest {
    // Llama-2-7B: 32 layers x (4 x 4096^2 + 3 x 4096 x 11008) linear weights = 6,476,005,376 (its config.json)
    private static final double LLAMA2_7B_WEIGHTS = 32.0 * (4 * 4096L * 4096 + 3 * 4096L * 11008);
    // BitNet b1.58 3B: 26 x (4 x 3200^2 + 3 x 3200 x 8640) = 3,221,504,000; lm_head tied, 32002 x 3200
    private static final double BITNET_3B_WEIGHTS = 26.0 * (4 * 3200L * 3200 + 3 * 3200L * 8640);

    @Test
    void tMacKernelDoesFourLookupsPerPipePerCycle() {
        // 16 lookups per TBL over 4 SIMD instructions: 4 per pipe-cycle
        assertEquals(8, LutKernel.T_MAC.lookupsPerCoreCycle(2), 1e-12);
        assertEquals(16, LutKernel.T_MAC.lookupsPerCoreCycle(4), 1e-12);
    }

    @Test
    void llamaW2OnOneOrinCoreIsLookupBound() {
        CpuCluster orin = CpuCluster.find("jetson-agx-orin-cpu").orElseThrow();
        LutDecodeRoof roof = LutDecodeRoof.of(ModelZoo.find("llama-2-7b").orElseThrow(), 2, 128, 16, orin, 1,
                LutKernel.T_MAC);
        assertEquals(LLAMA2_7B_WEIGHTS / 2, roof.lookupsPerToken(), 1e-3);
        // 2.2e9 cycles x 8 lookups / (weights x 2 bits / 4)
        assertEquals(2.2e9 * 8 / (LLAMA2_7B_WEIGHTS / 2), roof.lutTokensPerSecond(), 1e-9);
        // lookup-bound: the roof is the lookup rate, not the memory rate
        assertEquals(2.2e9 * 8 / (LLAMA2_7B_WEIGHTS / 2), roof.tokensPerSecond(), 1e-9);
        assertEquals("lut", roof.bound());
    }

    @Test
    void bitnetOnFourOryonCoresIsMemoryBound() {
        CpuCluster xElite = CpuCluster.find("snapdragon-x-elite").orElseThrow();
        LutDecodeRoof roof = LutDecodeRoof.of(ModelZoo.find("bitnet-b1.58-3b").orElseThrow(), 2, 128, 16, xElite, 4,
                LutKernel.T_MAC);
        // 2-bit weights + an FP16 scale per 128 + the FP16 lm_head
        double bytes = BITNET_3B_WEIGHTS * 2 / 8 + BITNET_3B_WEIGHTS / 128 * 2 + 32002.0 * 3200 * 2;
        assertEquals(bytes, roof.bytesPerToken(), 1e-3);
        assertEquals(135e9 / bytes, roof.memoryTokensPerSecond(), 1e-9);
        assertEquals(4 * 3.4e9 * 16 / (BITNET_3B_WEIGHTS / 2), roof.lutTokensPerSecond(), 1e-9);
        assertEquals("memory", roof.bound());
    }

    @Test
    void refusesMoreCoresThanTheChipHas() {
        CpuCluster orin = CpuCluster.find("jetson-agx-orin-cpu").orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> LutDecodeRoof.of(ModelZoo.find("llama-2-7b")
                .orElseThrow(), 2, 128, 16, orin, 13, LutKernel.T_MAC));
    }
}
