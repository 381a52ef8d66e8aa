package io.bitforge.workloads.llm;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parameter counts computed from the model structure against published totals. Hugging Face's
 * {@code safetensors.total} (model API) counts every stored tensor; older Llama-2 checkpoints also store the
 * non-trainable rotary buffer {@code rotary_emb.inv_freq} (headDim / 2 = 64 values per layer), which is not a
 * parameter, so those totals exceed the parameter count by exactly layers × 64.
 */
class ParameterCountTest {
    private static long params(String id) {
        return new ModelStructure(ModelZoo.find(id).orElseThrow()).parameterCount();
    }

    private static void assertWithinTenthOfAPercent(String id, long published) {
        long computed = params(id);
        double error = Math.abs(computed - published) / (double) published;
        assertTrue(error <= 0.001, id + ": computed " + computed + " vs published " + published + " (" + error + ")");
    }

    @Test
    void llama2SevenBIsExact() {
        // Exact published total (Hugging Face safetensors metadata, parameters only).
        assertEquals(6_738_415_616L, params("llama-2-7b"));
    }

    @Test
    void llama2SafetensorsTotalsDifferOnlyByTheRotaryBuffers() {
        // Hugging Face model API safetensors.total of meta-llama/Llama-2-{7b,13b,70b}-hf:
        // 6,738,417,664; 13,015,866,880; 68,976,653,312. Each = parameters + layers x 64 inv_freq values.
        assertEquals(6_738_417_664L - 32 * 64, params("llama-2-7b"));
        assertEquals(13_015_866_880L - 40 * 64, params("llama-2-13b"));
        assertEquals(68_976_653_312L - 80 * 64, params("llama-2-70b"));
    }

    @Test
    void othersWithinATenthOfAPercentOfTheirPublishedTotals() {
        // Llama-3.1-8B/70B have the Llama-3-8B/70B architecture; HF API safetensors.total 8,030,261,248 and
        // 70,553,706,496 (meta-llama/Llama-3.1-8B, meta-llama/Llama-3.1-70B).
        assertWithinTenthOfAPercent("llama-3-8b", 8_030_261_248L);
        assertWithinTenthOfAPercent("llama-3-70b", 70_553_706_496L);
        // mistralai/Mistral-7B-v0.1: 7,241,732,096 (safetensors total; also GGUF general.parameter_count).
        assertWithinTenthOfAPercent("mistral-7b", 7_241_732_096L);
        // mistralai/Mixtral-8x7B(-Instruct)-v0.1 safetensors.total: 46,702,792,704.
        assertWithinTenthOfAPercent("mixtral-8x7b", 46_702_792_704L);
        // microsoft/phi-2 safetensors parameters {F16: 2,779,683,840}.
        assertWithinTenthOfAPercent("phi-2", 2_779_683_840L);
        // 01-ai/Yi-6B: 6,061,035,520 total parameters (model index metadata).
        assertWithinTenthOfAPercent("yi-6b", 6_061_035_520L);
        // Qwen/Qwen2.5-7B(-Instruct): 7,615,616,512 (safetensors total; GGUF general.parameter_count).
        assertWithinTenthOfAPercent("qwen2.5-7b", 7_615_616_512L);
        // facebook/opt-1.3b: 1,315,758,080 = sum of OPTForCausalLM.parameters() (tied lm_head counted once).
        assertWithinTenthOfAPercent("opt-1.3b", 1_315_758_080L);
    }

    @Test
    void optCountsFollowTheArchitectureByHand() {
        // OPT-6.7B, independent arithmetic: embeddings 50272*4096 = 205,914,112; positions (2048+2)*4096 =
        // 8,396,800; per layer q,k,v,o 4*(4096^2+4096) = 67,125,248, fc1 4096*16384+16384 = 67,125,248,
        // fc2 16384*4096+4096 = 67,112,960, two LayerNorms 4*4096 = 16,384 -> 201,379,840, x32 = 6,444,154,880;
        // final LayerNorm 8,192; lm_head tied. Total 6,658,473,984 (the paper's nominal 6.7B, Zhang et al. 2022).
        assertEquals(6_658_473_984L, params("opt-6.7b"));
        // OPT-175B: per layer 4*(12288^2+12288) + (12288*49152+49152) + (49152*12288+12288) + 4*12288
        // = 604,028,928 + 604,028,928 + 603,992,064 + 49,152 = 1,812,099,072; x96 = 173,961,510,912;
        // + 50272*12288 = 617,742,336 + 2050*12288 = 25,190,400 + 24,576 = 174,604,468,224,
        // within 0.3% of the paper's nominal 175B (Table 1).
        long opt175 = params("opt-175b");
        assertEquals(174_604_468_224L, opt175);
        assertTrue(Math.abs(opt175 - 175e9) / 175e9 < 0.003);
    }

    @Test
    void bitnetCountsSubNormsAndTiedEmbeddings() {
        // 1bitLLM/bitnet_b1_58-3B by hand: embeddings 32002*3200 = 102,406,400 (tied with lm_head); per layer
        // q,k,v,o 4*3200^2 = 40,960,000, gate/up/down 3*3200*8640 = 82,944,000, two RMSNorms 6,400, BitNet's
        // sub-norms 3200 + 8640 = 11,840 -> 123,922,240, x26 = 3,221,978,240; final norm 3,200.
        // Total 3,324,387,840: the model card's "3.32B".
        long bitnet = params("bitnet-b1.58-3b");
        assertEquals(3_324_387_840L, bitnet);
        assertEquals(3.32e9, bitnet, 0.005e9);
    }

    @Test
    void everyZooModelHasASourceAndAPositiveCount() {
        List<ModelConfig> zoo = ModelZoo.all();
        assertEquals(14, zoo.size());
        for (ModelConfig model : zoo) {
            assertTrue(!model.source().isBlank(), model.id());
            assertTrue(params(model.id()) > 1_000_000_000L, model.id());
        }
    }
}
