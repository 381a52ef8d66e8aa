package io.bitforge.workloads.llm;

import org.junit.jupiter.api.Test;

import static io.bitforge.workloads.llm.ArchitectureConfigs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parameter counts of the newer architectures, from configs written after the published architecture tables,
 * against published totals (within 0.1%) or hand derivations (exact).
 */
class ArchitectureParameterCountTest {
    private static long params(String json) {
        return new ModelStructure(parse(json)).parameterCount();
    }

    private static void assertWithinTenthOfAPercent(long published, long computed) {
        double error = Math.abs(computed - published) / (double) published;
        assertTrue(error <= 0.001, "computed " + computed + " vs published " + published + " (" + error + ")");
    }

    @Test
    void gpt2SmallIsExact() {
        // By hand: wte 50257*768 = 38,597,376, wpe 1024*768 = 786,432; per layer 2 LayerNorms 3,072, c_attn
        // 768*2304 + 2304 = 1,771,776, c_proj 768*768 + 768 = 590,592, c_fc 768*3072 + 3072 = 2,362,368, c_proj
        // 3072*768 + 768 = 2,360,064 -> 7,087,872, x12 = 85,054,464; ln_f 1,536; lm_head tied. 124,439,808, the
        // "124M" of GPT-2 small (nanoGPT reports 124.44M with position embeddings).
        assertEquals(124_439_808L, params(ArchitectureConfigs.GPT2));
    }

    @Test
    void gptJ6bWithinATenthOfAPercent() {
        // EleutherAI GPT-J-6B model card: n_parameters 6,053,381,344.
        assertWithinTenthOfAPercent(6_053_381_344L, params(ArchitectureConfigs.GPTJ));
        // By hand: embed 50400*4096 = 206,438,400; per layer ln_1 8,192 + q,k,v,out 4*4096^2 = 67,108,864 +
        // fc_in 4096*16384 + 16384 = 67,125,248 + fc_out 16384*4096 + 4096 = 67,112,960 -> 201,355,264, x28 =
        // 5,637,947,392; ln_f 8,192; lm_head 206,438,400 + bias 50,400. Total 6,050,882,784.
        assertEquals(6_050_882_784L, params(ArchitectureConfigs.GPTJ));
    }

    @Test
    void falcon7bIsExact() {
        // By hand: embed 65024*4544 = 295,469,056 (tied with lm_head); per layer one LayerNorm 9,088 +
        // query_key_value 4544*(71+2)*64 = 21,229,568 + dense 4544^2 = 20,647,936 + MLP 2*4544*18176 =
        // 165,183,488 -> 207,070,080, x32 = 6,626,242,560; ln_f 9,088. Total 6,921,720,704 ("7B"; a checkpoint
        // that stores the tied lm_head separately holds 295,469,056 more values).
        assertEquals(6_921_720_704L, params(ArchitectureConfigs.FALCON_7B));
        // The first Falcon-7B config: model_type RefinedWebModel with n_layer / n_head.
        assertEquals(6_921_720_704L, params("""
                {"model_type": "RefinedWebModel", "hidden_size": 4544, "n_layer": 32, "n_head": 71,
                 "multi_query": true, "parallel_attn": true, "bias": false, "vocab_size": 65024}"""));
    }

    @Test
    void phi3MiniWithinATenthOfAPercent() {
        // Hugging Face microsoft/Phi-3-mini-4k-instruct: 3.82B parameters.
        assertWithinTenthOfAPercent(3_820_000_000L, params(ArchitectureConfigs.PHI3_MINI));
        // By hand: embed and lm_head 32064*3072 = 98,500,608 each; per layer 2 norms 6,144 + qkv 3072*9216 =
        // 28,311,552 + o 9,437,184 + gate_up 3072*16384 = 50,331,648 + down 25,165,824 -> 113,252,352, x32 =
        // 3,624,075,264; final norm 3,072. Total 3,821,079,552.
        assertEquals(3_821_079_552L, params(ArchitectureConfigs.PHI3_MINI));
    }

    @Test
    void qwen3EightBWithinATenthOfAPercent() {
        long total = params(ArchitectureConfigs.QWEN3_8B);
        // Hugging Face Qwen/Qwen3-8B: 8.19B parameters; model card: 6.95B non-embedding.
        assertWithinTenthOfAPercent(8_190_000_000L, total);
        assertWithinTenthOfAPercent(6_950_000_000L, total - 2 * 151_936L * 4096);
        // By hand, q_norm and k_norm add 2*128 per layer: 36 * 256 = 9,216 of the total 8,190,735,360.
        assertEquals(8_190_735_360L, total);
    }

    @Test
    void gemma2NineBIsExactlyThePublishedSplit() {
        // Gemma 2 report, Table 1 (9B): embedding 917,504,000 + non-embedding 8,324,201,984.
        assertEquals(917_504_000L + 8_324_201_984L, params(ArchitectureConfigs.GEMMA2_9B));
    }

    @Test
    void gemma7bNonEmbeddingIsExactlyThePublishedCount() {
        // Gemma report, Table 2 (7B): non-embedding 7,751,248,896; the embedding table (tied) is 256000 x 3072 in the
        // released config (the report's 786,825,216 counts a 256128-row table).
        assertEquals(7_751_248_896L, params(ArchitectureConfigs.GEMMA_7B) - 256_000L * 3072);
        // Gemma 2B, multi-query: non-embedding 1,981,884,416 (Table 2).
        assertEquals(1_981_884_416L, params(ArchitectureConfigs.GEMMA_2B) - 256_000L * 2048);
    }

    @Test
    void deepSeekV2LiteWithinATenthOfAPercent() {
        // DeepSeek-V2-Lite model card: 15.7B total parameters.
        long total = params(ArchitectureConfigs.DEEPSEEK_V2_LITE);
        assertWithinTenthOfAPercent(15_700_000_000L, total);
        // By hand: attention per layer q 2048*3072 = 6,291,456 + kv_a 2048*576 = 1,179,648 + kv norm 512 + kv_b
        // 512*4096 = 2,097,152 + o 2048*2048 = 4,194,304 = 13,763,072; layer 0 dense MLP 3*2048*10944 =
        // 67,239,936; MoE layers 64*3*2048*1408 = 553,648,128 routed + 3*2048*2816 = 17,301,504 shared + router
        // 131,072; norms 4,096 per layer. 81,007,104 + 26*584,847,872 + embed/lm_head 2*209,715,200 + 2,048.
        assertEquals(15_706_484_224L, total);
    }

    @Test
    void deepSeekV3WithinATenthOfAPercent() {
        // DeepSeek-V3 report, Sec. 1: 671B total parameters (the released checkpoint adds a 14B multi-token
        // prediction module, not part of the model here).
        assertWithinTenthOfAPercent(671_000_000_000L, params(ArchitectureConfigs.DEEPSEEK_V3));
    }

    @Test
    void gptOssWithinATenthOfAPercent() {
        // gpt-oss model card, Table 1: 20.91B (gpt-oss-20b) and 116.83B (gpt-oss-120b) total parameters.
        assertWithinTenthOfAPercent(20_910_000_000L, params(ArchitectureConfigs.GPT_OSS_20B));
        assertWithinTenthOfAPercent(116_830_000_000L, params(ArchitectureConfigs.GPT_OSS_120B));
    }
}
