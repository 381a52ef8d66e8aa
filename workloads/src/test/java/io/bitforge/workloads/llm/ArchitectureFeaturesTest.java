package io.bitforge.workloads.llm;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.core.workload.WorkloadSettings;
import io.bitforge.workloads.quant.QuantParser;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.bitforge.workloads.llm.ArchitectureConfigs.parse;
import static io.bitforge.workloads.llm.Graphs.gemm;
import static io.bitforge.workloads.llm.Graphs.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sliding windows, latent attention, alternating local/global layers and the context limit in the op graphs. */
class ArchitectureFeaturesTest {
    private static final ModelConfig MISTRAL = ModelZoo.find("mistral-7b").orElseThrow();

    @Test
    void mistralAtContext16000AttendsAndCachesItsWindowOf4096() {
        PhaseGraph decode = Graphs.builder(MISTRAL, "W16A16").decode(1, 16_000, 1);
        GemmOp scores = gemm(decode, "qk_matmul");
        // One step, 16,001 keys without a window; the 4096-token window caps it (Mistral 7B, Sec. 2).
        assertEquals(4096, scores.n());
        assertEquals(4, scores.m()); // 32 query heads over 8 KV heads
        assertEquals(8 * 32, scores.count()); // KV heads x layers
        assertEquals(4096, gemm(decode, "sv_matmul").k());
        // KV cache: 4096 tokens x 32 layers x 2 x 1024 (8 KV heads x 128) x 2 B, not 16,001 tokens.
        Capacity capacity = new Capacity(new ModelStructure(MISTRAL), QuantParser.parse("W16A16"));
        assertEquals(4096L * 32 * 2 * 1024 * 2, capacity.kvCacheBytes(1, 16_001));
        assertEquals(4000L * 32 * 2 * 1024 * 2, capacity.kvCacheBytes(1, 4000));
    }

    @Test
    void decodeStepsBeforeTheWindowGrowAndAfterItStayAtTheWindow() {
        // Context 4000, 200 steps: steps attend 4001..4096 keys (96 steps), then 104 steps of 4096.
        DecodeAttention growth = new DecodeAttention(4000, 200, 32, 4096);
        assertEquals((4001L + 4096) * 96 / 2 + 104L * 4096, growth.exactKeys());
        DecodeAttention.Bucket last = growth.buckets().get(growth.buckets().size() - 1);
        assertEquals(104, last.steps());
        assertEquals(4096, last.keys());
        assertEquals(200, growth.buckets().stream().mapToLong(DecodeAttention.Bucket::steps).sum());
    }

    @Test
    void gemma2AlternatesLocalAndGlobalLayersAndSoftCaps() {
        ModelConfig gemma2 = parse(ArchitectureConfigs.GEMMA2_9B);
        assertEquals(new SlidingWindow(4096, 21), gemma2.attention().window());
        PhaseGraph decode = Graphs.builder(gemma2, "W16A16").decode(1, 8000, 1);
        // 21 global layers attend all 8001 keys, 21 local ones their 4096; 2 query heads per KV head of 256.
        assertEquals(8001, gemm(decode, "qk_matmul").n());
        assertEquals(8L * 21, gemm(decode, "qk_matmul").count());
        assertEquals(4096, gemm(decode, "qk_matmul[local]").n());
        assertEquals(256, gemm(decode, "qk_matmul[local]").k());
        // Soft-cap: 3 ops per score, 16 heads x 8001 scores per global layer.
        assertEquals(16L * 8001, vector(decode, "attn_softcap").elements());
        assertEquals(3.0, vector(decode, "attn_softcap").opsPerElement());
        assertEquals(256_000, vector(decode, "logit_softcap").elements());
        // KV: 21 layers x 8001 + 21 x 4096 tokens, x 2 x 8 x 256.
        assertEquals((21L * 8001 + 21L * 4096) * 2 * 8 * 256,
                new ModelStructure(gemma2).kvCacheElements(1, 8001));
    }

    @Test
    void latentAttentionCachesTheLatentAndAbsorbsInDecode() {
        ModelConfig lite = parse(ArchitectureConfigs.DEEPSEEK_V2_LITE);
        // 512 latent + 64 rotary values per token and layer, shared by the 16 heads.
        assertEquals(27L * 576 * 1000, new ModelStructure(lite).kvCacheElements(1, 1000));
        PhaseGraph decode = Graphs.builder(lite, "W16A16").decode(1, 999, 1);
        GemmOp scores = gemm(decode, "qk_matmul");
        assertEquals(16, scores.m()); // every head against the one cached latent
        assertEquals(576, scores.k());
        assertEquals(1000, scores.n());
        assertEquals(27, scores.count());
        assertEquals(512, gemm(decode, "sv_matmul").n());
        // kv_b_proj's two halves (16 x 128 x 512 each) run per head around attention.
        GemmOp qAbsorb = gemm(decode, "q_absorb");
        GemmOp vAbsorb = gemm(decode, "v_absorb");
        assertEquals(2L * 16 * 27 * 128 * 512, qAbsorb.k() * qAbsorb.n() * qAbsorb.count()
                + vAbsorb.k() * vAbsorb.n() * vAbsorb.count());
        assertEquals(576, gemm(decode, "kv_proj").n());
        assertTrue(decode.graph().ops().stream().noneMatch(o -> o.name().equals("kv_b_proj")));
        // Prefill expands the latent: per-head keys of 128 + 64 and values of 128.
        PhaseGraph prefill = Graphs.builder(lite, "W16A16").prefill(1, 64);
        assertEquals(192, gemm(prefill, "qk_matmul").k());
        assertEquals(128, gemm(prefill, "sv_matmul").n());
        assertEquals(16, gemm(prefill, "qk_matmul").count() / 27);
        // Layer 0 dense, 26 MoE layers with 2 shared experts (2 x 1408 wide) on every token.
        assertEquals(1, gemm(prefill, "dense_gate_proj").count());
        assertEquals(2816, gemm(prefill, "shared_gate_proj").n());
        assertEquals(26, gemm(prefill, "shared_gate_proj").count());
        assertEquals(26, gemm(prefill, "router").count());
    }

    @Test
    void allLayersDenseLeavesNoExpertOps() {
        ModelConfig dense = parse(ArchitectureConfigs.DEEPSEEK_V2_LITE.replace("\"first_k_dense_replace\": 1",
                "\"first_k_dense_replace\": 27"));
        PhaseGraph prefill = Graphs.builder(dense, "W16A16").prefill(1, 8);
        assertEquals(27, gemm(prefill, "dense_gate_proj").count());
        assertTrue(prefill.graph().ops().stream().noneMatch(o -> o.name().startsWith("router")));
        // 27 dense MLPs of 3 x 2048 x 10944 instead of the experts.
        assertEquals(27L * 3 * 2048 * 10944, new ModelStructure(dense).denseLayerProjections().stream()
                .mapToLong(WeightTensor::elements).sum());
    }

    @Test
    void gptOssHasSinksBiasedRouterAndFusedExperts() {
        ModelConfig oss = parse(ArchitectureConfigs.GPT_OSS_20B);
        PhaseGraph decode = Graphs.builder(oss, "W16A16").decode(1, 1000, 1);
        // 12 local layers (128-token window), 12 global; softmax over keys plus one sink per head.
        assertEquals(128, gemm(decode, "qk_matmul[local]").n());
        assertEquals(64L * (1001 + 1), vector(decode, "softmax").elements());
        assertEquals(64L * (128 + 1), vector(decode, "softmax[local]").elements());
        assertEquals(5760, gemm(decode, "expert_gate_up_proj").n());
        assertEquals(32, vector(decode, "router_bias").parameterElements());
        assertEquals(131_072, oss.contextLimit()); // yarn factor 32 x 4096
    }

    @Test
    void qwen3NormsQueriesAndKeys() {
        PhaseGraph prefill = Graphs.builder(parse(ArchitectureConfigs.QWEN3_8B), "W16A16").prefill(1, 10);
        // 10 rows x (32 + 8) heads x 128, one q_norm and one k_norm weight of 128 each.
        assertEquals(10L * 40 * 128, vector(prefill, "qk_norm").elements());
        assertEquals(256, vector(prefill, "qk_norm").parameterElements());
    }

    @Test
    void contextsPastTheLimitAreRefusedUnlessAllowed() {
        LlmWorkload llama = LlmWorkload.fromZoo("llama-2-7b");
        WorkloadSettings tooLong = new WorkloadSettings("decode", 1, 1, 100_000, 16, "W16A16", 0, 0, false,
                Map.of());
        BadInputException e = assertThrows(BadInputException.class, () -> llama.build(tooLong));
        assertTrue(e.getMessage().contains("100016") && e.getMessage().contains("4096"), e.getMessage());
        assertFalse(llama.longContextWarning(tooLong).isPresent());
        WorkloadSettings allowed = new WorkloadSettings("decode", 1, 1, 100_000, 16, "W16A16", 0, 0, false,
                Map.of(LlmOptions.ALLOW_LONG_CONTEXT, "true"));
        assertEquals(1, llama.build(allowed).size());
        assertTrue(llama.longContextWarning(allowed).orElseThrow().contains("4096"));
        // Exactly at the limit is fine: 4000 cached + 96 generated = 4096.
        WorkloadSettings atLimit = new WorkloadSettings("decode", 1, 1, 4000, 96, "W16A16", 0, 0, false, Map.of());
        assertEquals(1, llama.build(atLimit).size());
    }

    @Test
    void ropeScalingExtendsTheLimit() {
        ModelConfig linear = parse("""
                {"model_type": "llama", "hidden_size": 64, "intermediate_size": 128, "num_hidden_layers": 1,
                 "num_attention_heads": 4, "vocab_size": 100, "max_position_embeddings": 4096,
                 "rope_scaling": {"type": "linear", "factor": 4.0}}""");
        assertEquals(16_384, linear.contextLimit());
        ModelConfig llama31 = parse("""
                {"model_type": "llama", "hidden_size": 64, "intermediate_size": 128, "num_hidden_layers": 1,
                 "num_attention_heads": 4, "vocab_size": 100, "max_position_embeddings": 131072,
                 "rope_scaling": {"rope_type": "llama3", "factor": 8.0, "original_max_position_embeddings": 8192}}""");
        assertEquals(131_072, llama31.contextLimit());
        assertEquals(163_840, parse(ArchitectureConfigs.DEEPSEEK_V2_LITE).contextLimit()); // 40 x 4096
    }
}
