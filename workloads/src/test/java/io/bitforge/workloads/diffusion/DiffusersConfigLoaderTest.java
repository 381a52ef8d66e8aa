package io.bitforge.workloads.diffusion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bitforge.core.io.Json;
import io.bitforge.core.registry.Registry;
import io.bitforge.workloads.llm.WorkloadLookup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import static io.bitforge.workloads.diffusion.DiffusionQuantTest.assertBad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiffusersConfigLoaderTest {
    @TempDir
    Path dir;

    private static ObjectNode zooConfig(String id) {
        try (InputStream in = DiffusionZoo.class.getResourceAsStream(id + ".json")) {
            return (ObjectNode) Json.mapper().readTree(in).get("config");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String name, JsonNode config) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, Json.write(config));
        return file;
    }

    private Path edited(String id, Consumer<ObjectNode> edit) throws IOException {
        ObjectNode config = zooConfig(id);
        edit.accept(config);
        return write("config.json", config);
    }

    @Test
    void aDiffusersConfigOnDiskBuildsTheSameModelAsTheZoo() throws IOException {
        for (String id : DiffusionZoo.IDS) {
            DiffusionWorkload fromFile = DiffusionWorkload.fromConfig(write(id + "-config.json", zooConfig(id)));
            assertEquals(DiffusionZoo.load(id).parameterCount(), fromFile.parameterCount(), id);
            assertEquals(DiffusionZoo.load(id).denoiser(), fromFile.denoiser(), id);
        }
    }

    @Test
    void modelConfigLookupRoutesDiffusersFilesHere() throws IOException {
        Path unet = write("unet-config.json", zooConfig("sdxl"));
        var workload = WorkloadLookup.resolve(Registry.load(), null, unet);
        assertEquals("diffusion", workload.kind());
        assertEquals(DiffusionZoo.load("sdxl").parameterCount(), workload.parameterCount());
        ObjectNode unnamed = zooConfig("dit-xl-2");
        unnamed.remove("_class_name");
        assertTrue(DiffusersConfigLoader.isDiffusersConfig(write("dit.json", unnamed)));
        ObjectNode llama = Json.mapper().createObjectNode().put("model_type", "llama").put("hidden_size", 4096);
        assertFalse(DiffusersConfigLoader.isDiffusersConfig(write("llama.json", llama)));
        Path garbage = dir.resolve("garbage.json");
        Files.writeString(garbage, "not json");
        assertFalse(DiffusersConfigLoader.isDiffusersConfig(garbage));
    }

    @Test
    void classNameIsInferredWhenAbsent() throws IOException {
        Path file = edited("sd-1.5", c -> c.remove("_class_name"));
        assertEquals(DiffusionZoo.load("sd-1.5").denoiser(), DiffusersConfigLoader.load(file));
    }

    @Test
    void unreadableOrMalformedFilesNameTheFile() throws IOException {
        Path missing = dir.resolve("nope.json");
        assertBad(() -> DiffusersConfigLoader.load(missing), "nope.json", "cannot read");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"block_out_channels\": [320,");
        assertBad(() -> DiffusersConfigLoader.load(broken), "broken.json", "not valid JSON");
        Path array = dir.resolve("array.json");
        Files.writeString(array, "[1, 2]");
        assertBad(() -> DiffusersConfigLoader.load(array), "array.json", "(root)", "JSON object");
    }

    @Test
    void unsupportedModelsNameTheField() throws IOException {
        Path hunyuan = edited("pixart-alpha", c -> c.put("_class_name", "HunyuanDiT2DModel"));
        assertBad(() -> DiffusersConfigLoader.load(hunyuan), "config.json", "_class_name", "HunyuanDiT2DModel",
                "unsupported diffusion denoiser");
        Path norm = edited("pixart-alpha", c -> c.put("norm_type", "layer_norm"));
        assertBad(() -> DiffusersConfigLoader.load(norm), "config.json", "norm_type", "layer_norm",
                "ada_norm_zero");
        Path block = edited("sd-1.5", c -> c.withArray("down_block_types").set(1, "SimpleCrossAttnDownBlock2D"));
        assertBad(() -> DiffusersConfigLoader.load(block), "config.json", "down_block_types[1]",
                "SimpleCrossAttnDownBlock2D", "CrossAttnDownBlock2D");
        Path mid = edited("sdxl", c -> c.put("mid_block_type", "UNetMidBlock2DSimpleCrossAttn"));
        assertBad(() -> DiffusersConfigLoader.load(mid), "mid_block_type", "UNetMidBlock2DCrossAttn");
        Path addition = edited("sdxl", c -> c.put("addition_embed_type", "text"));
        assertBad(() -> DiffusersConfigLoader.load(addition), "addition_embed_type", "text_time");
        Path classEmbed = edited("sd-1.5", c -> c.put("class_embed_type", "timestep"));
        assertBad(() -> DiffusersConfigLoader.load(classEmbed), "class_embed_type", "timestep");
        Path dual = edited("sd-1.5", c -> c.put("dual_cross_attention", true));
        assertBad(() -> DiffusersConfigLoader.load(dual), "dual_cross_attention", "false");
    }

    @Test
    void badNumbersNameTheField() throws IOException {
        Path channels = edited("sd-1.5", c -> c.withArray("block_out_channels").set(0, "wide"));
        assertBad(() -> DiffusersConfigLoader.load(channels), "block_out_channels[0]", "positive integer");
        Path heads = edited("sd-1.5", c -> c.put("attention_head_dim", 7));
        assertBad(() -> DiffusersConfigLoader.load(heads), "attention_head_dim[0]", "7", "320");
        Path depth = edited("sdxl", c -> c.putArray("transformer_layers_per_block").add(1).add(2));
        assertBad(() -> DiffusersConfigLoader.load(depth), "transformer_layers_per_block", "list of 3");
        Path types = edited("sd-1.5", c -> c.withArray("up_block_types").remove(0));
        assertBad(() -> DiffusersConfigLoader.load(types), "up_block_types", "list of 4");
        Path patch = edited("dit-xl-2", c -> c.remove("patch_size"));
        assertBad(() -> DiffusersConfigLoader.load(patch), "config.json", "patch_size", "required");
        Path layers = edited("sd-1.5", c -> c.putArray("layers_per_block").add(2));
        assertBad(() -> DiffusersConfigLoader.load(layers), "layers_per_block", "positive integer");
        // bounded up front: the graph holds every layer, so 2^31 - 1 of them would run for hours
        Path manyLayers = edited("sd-1.5", c -> c.put("layers_per_block", Integer.MAX_VALUE));
        assertBad(() -> DiffusersConfigLoader.load(manyLayers), "layers_per_block", "from 1 to 64", "2147483647");
        Path deep = edited("sdxl", c -> c.putArray("transformer_layers_per_block").add(1).add(2).add(65));
        assertBad(() -> DiffusersConfigLoader.load(deep), "transformer_layers_per_block[2]", "from 1 to 64", "65");
        Path sample = edited("dit-xl-2", c -> c.put("sample_size", 33));
        assertBad(() -> DiffusersConfigLoader.load(sample), "sample_size", "33", "patch_size 2");
        Path negative = edited("pixart-alpha", c -> c.put("num_layers", -3));
        assertBad(() -> DiffusersConfigLoader.load(negative), "num_layers", "-3", "positive integer");
        Path manyBlocks = edited("pixart-alpha", c -> c.put("num_layers", Integer.MAX_VALUE));
        assertBad(() -> DiffusersConfigLoader.load(manyBlocks), "num_layers", "from 1 to 1024", "2147483647");
        Path cross = edited("pixart-alpha", c -> c.put("cross_attention_dim", 4096));
        assertBad(() -> DiffusersConfigLoader.load(cross), "cross_attention_dim", "4096", "1152");
    }
}
