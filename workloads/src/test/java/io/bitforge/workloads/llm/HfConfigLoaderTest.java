package io.bitforge.workloads.llm;

import io.bitforge.core.io.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HfConfigLoaderTest {
    @TempDir
    Path dir;

    private Path write(String folder, String json) throws IOException {
        Path model = Files.createDirectories(dir.resolve(folder));
        return Files.writeString(model.resolve("config.json"), json);
    }

    @Test
    void loadsALlamaConfigWithGqaAndNamesItAfterItsNameOrPath() throws IOException {
        Path file = write("to", """
                {"_name_or_path": "someone/My-Llama", "architectures": ["LlamaForCausalLM"], "model_type": "llama",
                 "hidden_size": 2048,
                 "intermediate_size": 5632, "num_hidden_layers": 22, "num_attention_heads": 32,
                 "num_key_value_heads": 4, "vocab_size": 32000, "max_position_embeddings": 2048,
                 "rms_norm_eps": 1e-05, "tie_word_embeddings": false, "torch_dtype": "bfloat16"}
                """);
        ModelConfig model = HfConfigLoader.load(file);
        assertEquals("my-llama", model.id());
        assertEquals("My-Llama", model.name());
        assertEquals(64, model.attention().headDim());
        assertEquals(8, model.attention().groupSize());
        assertTrue(model.isGqa());
        // TinyLlama-1.1B shape by hand: embed 32000*2048 = 65,536,000 (x2 untied); per layer q 2048^2 =
        // 4,194,304, k and v 2048*256 = 524,288 each, o 4,194,304, MLP 3*2048*5632 = 34,603,008, norms 4,096
        // -> 44,044,288, x22 = 968,974,336; + 131,072,000 + 2,048 = 1,100,048,384.
        assertEquals(1_100_048_384L, new ModelStructure(model).parameterCount());
    }

    @Test
    void loadsOptPhiQwenMixtralAndBitnet() throws IOException {
        ModelConfig opt = HfConfigLoader.load(write("opt", """
                {"model_type": "opt", "hidden_size": 768, "ffn_dim": 3072, "num_hidden_layers": 12,
                 "num_attention_heads": 12, "vocab_size": 50272, "max_position_embeddings": 2048}"""));
        assertEquals(MlpKind.PLAIN, opt.mlp().kind());
        assertEquals(2050, opt.positionEmbeddingRows());
        assertTrue(opt.tiedEmbeddings());
        // OPT-125m by hand: 50272*768 = 38,609,664 + 2050*768 = 1,574,400; per layer 4*(768^2+768) = 2,362,368
        // + (768*3072+3072) + (3072*768+768) = 4,722,432 + 4*768 = 3,072 -> 7,087,872, x12 = 85,054,464;
        // final LayerNorm 1,536. Total 125,239,296 (OPT-125m).
        assertEquals(125_239_296L, new ModelStructure(opt).parameterCount());
        ModelConfig phi = HfConfigLoader.load(write("phi", """
                {"model_type": "phi", "hidden_size": 2560, "intermediate_size": 10240, "num_hidden_layers": 32,
                 "num_attention_heads": 32, "vocab_size": 51200, "partial_rotary_factor": 0.4}"""));
        assertEquals(32, phi.attention().rotaryDim()); // floor(80 * 0.4) = 32
        assertTrue(phi.parallelBlock());
        ModelConfig qwen = HfConfigLoader.load(write("qwen", """
                {"model_type": "qwen2", "hidden_size": 896, "intermediate_size": 4864, "num_hidden_layers": 24,
                 "num_attention_heads": 14, "num_key_value_heads": 2, "vocab_size": 151936,
                 "tie_word_embeddings": true}"""));
        assertTrue(qwen.attention().qkvBias());
        assertFalse(qwen.attention().outputBias());
        // Qwen2.5-0.5B by hand: embed 151936*896 = 136,134,656 (tied); per layer q 896^2+896 = 803,712,
        // k and v 896*128+128 = 114,816 each, o 802,816, MLP 3*896*4864 = 13,074,432, norms 1,792
        // -> 14,912,384, x24 = 357,897,216; final 896. Total 494,032,768 (HF: Qwen2.5-0.5B-Instruct).
        assertEquals(494_032_768L, new ModelStructure(qwen).parameterCount());
        ModelConfig mixtral = HfConfigLoader.load(write("mixtral", """
                {"model_type": "mixtral", "hidden_size": 64, "intermediate_size": 128, "num_hidden_layers": 2,
                 "num_attention_heads": 4, "num_key_value_heads": 2, "vocab_size": 100, "num_local_experts": 4,
                 "num_experts_per_tok": 2}"""));
        assertEquals(4, mixtral.mlp().experts());
        ModelConfig bitnet = HfConfigLoader.load(write("bitnet", """
                {"model_type": "bitnet", "hidden_size": 2560, "intermediate_size": 6912, "num_hidden_layers": 30,
                 "num_attention_heads": 20, "num_key_value_heads": 5, "vocab_size": 128256,
                 "tie_word_embeddings": true}"""));
        assertTrue(bitnet.subNorms());
        assertEquals("relu2", bitnet.mlp().activation());
    }

    @Test
    void unsupportedArchitectureNamesTheModelTypeAndTheSupportedList() throws IOException {
        Path file = write("mamba", """
                {"model_type": "mamba", "hidden_size": 768}""");
        BadInputException e = assertThrows(BadInputException.class, () -> HfConfigLoader.load(file));
        assertTrue(e.getMessage().contains("'mamba'"), e.getMessage());
        assertTrue(e.getMessage().contains("llama, mistral, mixtral, qwen2, qwen3, gemma, gemma2, phi3, opt, phi, "
                + "bitnet, gpt2, gptj, falcon, deepseek_v2, deepseek_v3, gpt_oss"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void malformedConfigsNameFileAndField() throws IOException {
        assertBad(write("a", "{\"model_type\": \"llama\", \"hidden_size\": 4096"), "not valid JSON");
        assertBad(write("b", "[1, 2]"), "must be a JSON object");
        assertBad(write("c", "{\"hidden_size\": 4096}"), "model_type");
        assertBad(write("d", """
                {"model_type": "llama", "hidden_size": "4096", "intermediate_size": 11008, "num_hidden_layers": 32,
                 "num_attention_heads": 32, "vocab_size": 32000}"""), "hidden_size: must be a positive integer, got \"4096\"");
        assertBad(write("e", """
                {"model_type": "llama", "hidden_size": 4096, "num_hidden_layers": 32,
                 "num_attention_heads": 32, "vocab_size": 32000}"""), "intermediate_size: is required");
        assertBad(write("f", """
                {"model_type": "mistral", "hidden_size": 4096, "intermediate_size": 14336, "num_hidden_layers": 32,
                 "num_attention_heads": 32, "num_key_value_heads": 5, "vocab_size": 32000}"""),
                "num_key_value_heads: must divide num_attention_heads (32), got 5");
        assertBad(write("g", """
                {"model_type": "mixtral", "hidden_size": 64, "intermediate_size": 128, "num_hidden_layers": 2,
                 "num_attention_heads": 4, "vocab_size": 100, "num_local_experts": 2, "num_experts_per_tok": 3}"""),
                "num_experts_per_tok");
        assertBad(write("h", """
                {"model_type": "opt", "hidden_size": 1024, "ffn_dim": 4096, "num_hidden_layers": 24,
                 "num_attention_heads": 16, "vocab_size": 50272, "word_embed_proj_dim": 512}"""),
                "word_embed_proj_dim");
        assertBad(write("i", """
                {"model_type": "phi", "hidden_size": 2560, "intermediate_size": 10240, "num_hidden_layers": 32,
                 "num_attention_heads": 32, "vocab_size": 51200, "partial_rotary_factor": 1.5}"""),
                "partial_rotary_factor");
        assertBad(write("j", """
                {"model_type": "llama", "hidden_size": 4096, "intermediate_size": 11008, "num_hidden_layers": 32,
                 "num_attention_heads": 32, "vocab_size": 32000, "tie_word_embeddings": "no"}"""),
                "tie_word_embeddings: must be true or false");
        BadInputException missing = assertThrows(BadInputException.class,
                () -> HfConfigLoader.load(dir.resolve("absent/config.json")));
        assertTrue(missing.getMessage().contains("cannot read"), missing.getMessage());
    }

    private static void assertBad(Path file, String expected) {
        BadInputException e = assertThrows(BadInputException.class, () -> HfConfigLoader.load(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
