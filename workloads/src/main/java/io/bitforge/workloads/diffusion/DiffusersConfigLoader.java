package io.bitforge.workloads.diffusion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Suggestions;
import io.bitforge.core.io.Json;
import io.bitforge.workloads.io.ConfigName;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Reads a diffusers {@code unet/config.json} ({@code UNet2DConditionModel}) or {@code transformer/config.json}
 * ({@code Transformer2DModel} / {@code PixArtTransformer2DModel} / {@code DiTTransformer2DModel}) into a
 * {@link DenoiserSpec}. Field names and defaults are diffusers' ({@code unet_2d_condition.py},
 * {@code transformer_2d.py}). Anything the graph builders do not model (other block types, class embeddings,
 * other norm types) is rejected with a {@link BadInputException} naming the file and field, rather than
 * silently mis-modelled. Keys starting with {@code _} other than {@code _class_name} are ignored.
 */
public final class DiffusersConfigLoader {
    private static final Set<String> UNET_CLASSES = Set.of("UNet2DConditionModel");
    private static final Set<String> TRANSFORMER_CLASSES = Set.of("Transformer2DModel", "PixArtTransformer2DModel",
            "DiTTransformer2DModel");
    private static final Set<String> MMDIT_CLASSES = Set.of("SD3Transformer2DModel", "FluxTransformer2DModel");
    /** Every {@code _class_name} this loader reads, for error messages. */
    public static final String SUPPORTED_CLASSES = "UNet2DConditionModel, Transformer2DModel, "
            + "PixArtTransformer2DModel, DiTTransformer2DModel, SD3Transformer2DModel, FluxTransformer2DModel";
    private static final Set<String> DOWN_BLOCKS = Set.of("CrossAttnDownBlock2D", "DownBlock2D");
    private static final Set<String> UP_BLOCKS = Set.of("CrossAttnUpBlock2D", "UpBlock2D");
    /** CLIP's context length: every Stable Diffusion prompt is padded to 77 tokens
     *  (openai/clip-vit-large-patch14 config.json, max_position_embeddings 77). */
    static final int CLIP_TOKENS = 77;
    /**
     * The most ResNet layers or transformer blocks per UNet level: shipped configs use 1 to 3 ({@code
     * layers_per_block} 2 in SD 1.5 and SDXL) and {@code transformer_layers_per_block} up to 10 (SDXL); 64 of both on
     * two levels builds and simulates in about 5 CPU-s, while an unbounded count would run for hours.
     */
    static final int MAX_LAYERS_PER_BLOCK = 64;
    /**
     * The most blocks of a diffusion transformer ({@code num_layers}, {@code num_single_layers}): shipped configs
     * use 19 to 38 (DiT-XL/2 and PixArt-alpha 28, Flux 19 + 38); 280 PixArt blocks build and simulate in about
     * a second, while 2^31 - 1 of them overflow the heap.
     */
    static final int MAX_TRANSFORMER_LAYERS = 1024;

    private DiffusersConfigLoader() {
    }

    /** Reads and parses a config file. */
    public static DenoiserSpec load(Path file) {
        return parse(read(file), file.toString());
    }

    /** The model's name: {@code _name_or_path}'s last segment, else the file name, else {@code _class_name}. */
    public static String name(Path file) {
        JsonNode root = read(file);
        return ConfigName.preferringFile(root.isObject() ? root : Json.mapper().createObjectNode(), file, "_class_name");
    }

    private static JsonNode read(Path file) {
        String name = file.toString();
        try {
            JsonNode root = Json.mapper().readTree(Files.readString(file));
            return root == null ? Json.mapper().nullNode() : root;
        } catch (JsonProcessingException e) {
            throw new BadInputException(name + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot read the model config: " + e.getMessage(), e);
        }
    }

    /**
     * True when {@code root} looks like a diffusers config (so callers can pick this loader): any
     * {@code _class_name} (diffusers writes one into every config; an unsupported one then gets a diffusion
     * error, not an LLM one), or without one UNet block lists or a patch size and no {@code model_type}.
     */
    public static boolean isDiffusersConfig(JsonNode root) {
        String className = root.path("_class_name").asText("");
        if (!className.isEmpty()) {
            return true;
        }
        return !root.has("model_type") && (root.has("down_block_types") || root.has("patch_size"));
    }

    /** {@link #isDiffusersConfig(JsonNode)} for a file; false when it cannot be read as JSON (another loader
     *  then reports the problem). */
    public static boolean isDiffusersConfig(Path file) {
        try {
            JsonNode root = Json.mapper().readTree(Files.readString(file));
            return root != null && root.isObject() && isDiffusersConfig(root);
        } catch (IOException e) {
            return false;
        }
    }

    /** Parses an already-read config; {@code file} names it in error messages. */
    public static DenoiserSpec parse(JsonNode root, String file) {
        if (root == null || !root.isObject()) {
            throw BadInputException.field(file, "(root)", root == null ? "nothing" : root.getNodeType(),
                    "must be a JSON object");
        }
        String className = root.path("_class_name").asText("");
        if (className.isEmpty()) {
            className = root.has("block_out_channels") ? "UNet2DConditionModel" : "Transformer2DModel";
        }
        if (UNET_CLASSES.contains(className)) {
            return unet(new Fields(root, file));
        }
        if (TRANSFORMER_CLASSES.contains(className)) {
            return transformer(new Fields(root, file));
        }
        if (className.equals("SD3Transformer2DModel")) {
            return sd3(new Fields(root, file));
        }
        if (className.equals("FluxTransformer2DModel")) {
            return flux(new Fields(root, file));
        }
        throw BadInputException.field(file, "_class_name", "'" + className + "'",
                "unsupported diffusion denoiser; supported: " + SUPPORTED_CLASSES
                        + Suggestions.didYouMean(className, List.of(SUPPORTED_CLASSES.split(", "))));
    }

    /**
     * SD3 / SD3.5 MMDiT (diffusers {@code SD3Transformer2DModel} defaults). Prompts: CLIP-L and bigG (77 tokens
     * each, concatenated along the width) then T5-XXL at the pipeline's default 256 tokens, joined along the
     * sequence: 77 + 256 = 333 text tokens (diffusers {@code StableDiffusion3Pipeline}, max_sequence_length 256).
     */
    private static MmditSpec sd3(Fields f) {
        JsonNode dual = f.root().path("dual_attention_layers");
        if (dual.isArray() && !dual.isEmpty()) {
            throw BadInputException.field(f.file(), "dual_attention_layers", dual.toString(),
                    "must be empty; SD3.5's dual attention layers are not modelled");
        }
        int heads = f.intValue("num_attention_heads", 18);
        int headDim = f.intValue("attention_head_dim", 64);
        int caption = f.intValue("caption_projection_dim", 1152);
        if (caption != heads * headDim) {
            throw BadInputException.field(f.file(), "caption_projection_dim", caption,
                    "must equal num_attention_heads × attention_head_dim = " + heads * headDim);
        }
        int in = f.intValue("in_channels", 16);
        int t5Tokens = 256;
        return new MmditSpec(MmditSpec.Variant.SD3, in, in, f.root().path("out_channels").isNull() ? in
                : f.intValue("out_channels", 16), f.intValue("patch_size", 2), heads, headDim,
                f.layers("num_layers", 18), 0, f.intValue("joint_attention_dim", 4096),
                f.intValue("pooled_projection_dim", 2048), false, qkNorm(f), CLIP_TOKENS + t5Tokens,
                f.intValue("sample_size", 128), List.of(TextEncoderSpec.clipVitL14(), TextEncoderSpec.openClipBigG14(),
                TextEncoderSpec.t5V11Xxl().withTokens(t5Tokens)));
    }

    /**
     * FLUX.1 (diffusers {@code FluxTransformer2DModel} defaults): the 16-channel latent packed 2×2 into 64
     * features per token; CLIP-L for the pooled vector, T5-XXL at the pipeline's default 512 tokens (diffusers
     * {@code FluxPipeline}, max_sequence_length 512). There is no {@code sample_size}: 128 latent pixels is the
     * 1024-pixel default.
     */
    private static MmditSpec flux(Fields f) {
        int in = f.intValue("in_channels", 64);
        if (in % 4 != 0) {
            throw BadInputException.field(f.file(), "in_channels", in, "must be 4 × the latent channels (2×2 packing)");
        }
        int t5Tokens = 512;
        JsonNode guidance = f.root().path("guidance_embeds");
        return new MmditSpec(MmditSpec.Variant.FLUX, in / 4, in, f.root().path("out_channels").isNull() ? in
                : f.intValue("out_channels", in), f.intValue("patch_size", 1), f.intValue("num_attention_heads", 24),
                f.intValue("attention_head_dim", 128), f.layers("num_layers", 19),
                f.layers("num_single_layers", 38), f.intValue("joint_attention_dim", 4096),
                f.intValue("pooled_projection_dim", 768), guidance.isBoolean() && guidance.asBoolean(), true,
                t5Tokens, f.intValue("sample_size", 128), List.of(TextEncoderSpec.clipVitL14(),
                TextEncoderSpec.t5V11Xxl().withTokens(t5Tokens)));
    }

    private static boolean qkNorm(Fields f) {
        JsonNode node = f.root().path("qk_norm");
        if (node.isMissingNode() || node.isNull()) {
            return false;
        }
        if (!node.asText().equals("rms_norm")) {
            throw BadInputException.field(f.file(), "qk_norm", node.toString(), "must be null or rms_norm");
        }
        return true;
    }

    private static UnetSpec unet(Fields f) {
        f.requireAbsentOrEqual("mid_block_type", "UNetMidBlock2DCrossAttn");
        f.requireAbsentOrEqual("class_embed_type", null);
        f.requireAbsentOrEqual("encoder_hid_dim", null);
        f.requireAbsentOrEqual("time_embedding_dim", null);
        f.requireAbsentOrEqual("resnet_time_scale_shift", "default");
        f.requireAbsentOrEqual("time_embedding_type", "positional");
        f.requireFalse("only_cross_attention");
        f.requireFalse("dual_cross_attention");
        f.requireAbsentOrEqualInt("conv_in_kernel", 3);
        f.requireAbsentOrEqualInt("conv_out_kernel", 3);
        List<Integer> channels = f.intList("block_out_channels", -1, null);
        int levels = channels.size();
        List<Boolean> down = blockKinds(f, "down_block_types", levels, DOWN_BLOCKS, "CrossAttnDownBlock2D");
        List<Boolean> up = blockKinds(f, "up_block_types", levels, UP_BLOCKS, "CrossAttnUpBlock2D");
        JsonNode heads = f.root().path("num_attention_heads");
        List<Integer> headList = heads.isNull() || heads.isMissingNode()
                ? f.intList("attention_head_dim", levels, 8) : f.intList("num_attention_heads", levels, null);
        List<Integer> depth = f.intList("transformer_layers_per_block", levels, 1);
        for (int level = 0; level < levels; level++) {
            f.atMost("transformer_layers_per_block[" + level + "]", depth.get(level), MAX_LAYERS_PER_BLOCK);
        }
        int layersPerBlock = f.atMost("layers_per_block", f.intValue("layers_per_block", 2), MAX_LAYERS_PER_BLOCK);
        for (int level = 0; level < levels; level++) {
            if (channels.get(level) % headList.get(level) != 0) {
                throw BadInputException.field(f.file(), "attention_head_dim[" + level + "]", headList.get(level),
                        "must divide block_out_channels[" + level + "] = " + channels.get(level));
            }
        }
        // diffusers' GroupNorm (torch.nn.GroupNorm) requires the groups to divide the channels at every level
        int groups = f.intValue("norm_num_groups", 32);
        for (int level = 0; level < levels; level++) {
            if (groups < 1 || channels.get(level) % groups != 0) {
                throw BadInputException.field(f.file(), "norm_num_groups", groups, "must divide block_out_channels["
                        + level + "] = " + channels.get(level) + " (GroupNorm splits the channels into equal groups)");
            }
        }
        int crossDim = f.intValue("cross_attention_dim", 1280);
        String addition = f.root().path("addition_embed_type").isTextual()
                ? f.root().get("addition_embed_type").asText() : null;
        int addTimeDim = 0;
        int addInput = 0;
        if (addition != null) {
            if (!addition.equals("text_time")) {
                throw BadInputException.field(f.file(), "addition_embed_type", "'" + addition + "'",
                        "must be null or text_time (SDXL)");
            }
            addTimeDim = f.intValue("addition_time_embed_dim", null);
            addInput = f.intValue("projection_class_embeddings_input_dim", null);
        }
        List<TextEncoderSpec> encoders = switch (crossDim) {
            case 768 -> List.of(TextEncoderSpec.clipVitL14());
            case 1024 -> List.of(TextEncoderSpec.openClipH14());
            case 2048 -> List.of(TextEncoderSpec.clipVitL14(), TextEncoderSpec.openClipBigG14());
            default -> List.of();
        };
        return new UnetSpec(f.intValue("in_channels", 4), f.intValue("out_channels", 4), channels, down, up,
                layersPerBlock, headList, depth, crossDim, CLIP_TOKENS,
                f.root().path("use_linear_projection").asBoolean(false), addTimeDim, addInput,
                f.intValue("sample_size", 64), encoders);
    }

    private static List<Boolean> blockKinds(Fields f, String field, int levels, Set<String> allowed,
                                            String crossAttention) {
        JsonNode node = f.root().path(field);
        if (!node.isArray() || node.size() != levels) {
            throw BadInputException.field(f.file(), field, node.isMissingNode() ? "nothing" : node.toString(),
                    "must be a list of " + levels + " block types (one per block_out_channels entry)");
        }
        List<Boolean> kinds = new ArrayList<>();
        for (int i = 0; i < levels; i++) {
            String type = node.get(i).asText();
            if (!allowed.contains(type)) {
                throw BadInputException.field(f.file(), field + "[" + i + "]", "'" + type + "'",
                        "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
            }
            kinds.add(type.equals(crossAttention));
        }
        return kinds;
    }

    private static TransformerSpec transformer(Fields f) {
        String norm = f.root().path("norm_type").asText("");
        int heads = f.intValue("num_attention_heads", 16);
        int headDim = f.intValue("attention_head_dim", 88);
        int hidden = Math.multiplyExact(heads, headDim);
        int in = f.intValue("in_channels", null);
        int out = f.root().path("out_channels").isNull() || f.root().path("out_channels").isMissingNode()
                ? in : f.intValue("out_channels", null);
        int patch = f.intValue("patch_size", null);
        int sample = f.intValue("sample_size", null);
        if (sample % patch != 0) {
            throw BadInputException.field(f.file(), "sample_size", sample, "must be a multiple of patch_size "
                    + patch);
        }
        int layers = f.layers("num_layers", 1);
        switch (norm) {
            case "ada_norm_zero":
                // DiT: structure as facebookresearch/DiT models.py (one shared t/y embedder; diffusers' port
                // repeats the embedder in every block, which changes parameters but not the step's cost).
                return new TransformerSpec(TransformerSpec.Conditioning.ADALN_ZERO, in, out, patch, hidden, layers,
                        heads, 4.0, f.intValue("num_embeds_ada_norm", 1000), true, 0, 0, false, sample, List.of());
            case "ada_norm_single":
                int caption = f.intValue("caption_channels", null);
                if (f.root().has("cross_attention_dim") && !f.root().get("cross_attention_dim").isNull()
                        && f.intValue("cross_attention_dim", null) != hidden) {
                    throw BadInputException.field(f.file(), "cross_attention_dim",
                            f.root().get("cross_attention_dim"), "must equal num_attention_heads × "
                                    + "attention_head_dim = " + hidden + " (PixArt projects captions to the width)");
                }
                JsonNode extra = f.root().path("use_additional_conditions");
                boolean sizeConditioning = extra.isBoolean() ? extra.asBoolean() : sample == 128;
                return new TransformerSpec(TransformerSpec.Conditioning.ADALN_SINGLE, in, out, patch, hidden, layers,
                        heads, 4.0, 0, false, caption, TextEncoderSpec.t5V11Xxl().tokens(), sizeConditioning, sample,
                        List.of(TextEncoderSpec.t5V11Xxl()));
            default:
                throw BadInputException.field(f.file(), "norm_type", "'" + norm + "'",
                        "must be ada_norm_zero (DiT) or ada_norm_single (PixArt-α)");
        }
    }

    /** Typed access to one config object with file-naming errors. */
    private record Fields(JsonNode root, String file) {
        int intValue(String field, Integer fallback) {
            JsonNode node = root.path(field);
            if (node.isMissingNode() || node.isNull()) {
                if (fallback == null) {
                    throw BadInputException.field(file, field, "nothing", "is required (a positive integer)");
                }
                return fallback;
            }
            if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 1) {
                throw BadInputException.field(file, field, node.toString(), "must be a positive integer");
            }
            return node.asInt();
        }

        /** A transformer's block count, refused past {@link #MAX_TRANSFORMER_LAYERS}. */
        int layers(String field, int fallback) {
            return atMost(field, intValue(field, fallback), MAX_TRANSFORMER_LAYERS);
        }

        /** {@code value}, refused past {@code max}. */
        int atMost(String field, int value, int max) {
            if (value > max) {
                throw BadInputException.field(file, field, value, "must be from 1 to " + max + " (the graph holds "
                        + "every layer)");
            }
            return value;
        }

        /** An int repeated {@code levels} times or a list of {@code levels} ints ({@code levels} −1: any length ≥ 1). */
        List<Integer> intList(String field, int levels, Integer fallback) {
            JsonNode node = root.path(field);
            if ((node.isMissingNode() || node.isNull()) && fallback != null) {
                return Collections.nCopies(levels, fallback);
            }
            if (node.isIntegralNumber() && levels > 0) {
                return Collections.nCopies(levels, intValue(field, null));
            }
            if (!node.isArray() || node.isEmpty() || (levels > 0 && node.size() != levels)) {
                throw BadInputException.field(file, field, node.isMissingNode() ? "nothing" : node.toString(),
                        levels > 0 ? "must be a positive integer or a list of " + levels + " positive integers"
                                : "must be a non-empty list of positive integers");
            }
            List<Integer> values = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (!item.isIntegralNumber() || item.asInt() < 1) {
                    throw BadInputException.field(file, field + "[" + i + "]", item.toString(),
                            "must be a positive integer");
                }
                values.add(item.asInt());
            }
            return List.copyOf(values);
        }

        void requireAbsentOrEqual(String field, String expected) {
            JsonNode node = root.path(field);
            if (node.isMissingNode() || node.isNull() && expected == null
                    || expected != null && node.isTextual() && node.asText().equals(expected)) {
                return;
            }
            if (node.isNull()) {
                return; // diffusers' null means its default, which is the supported value
            }
            throw BadInputException.field(file, field, node.toString(), expected == null
                    ? "is not supported by the graph builder (must be null)" : "only " + expected + " is supported");
        }

        void requireAbsentOrEqualInt(String field, int expected) {
            JsonNode node = root.path(field);
            if (!node.isMissingNode() && !node.isNull() && !(node.isIntegralNumber() && node.asInt() == expected)) {
                throw BadInputException.field(file, field, node.toString(), "only " + expected + " is supported");
            }
        }

        void requireFalse(String field) {
            JsonNode node = root.path(field);
            if (node.isBoolean() && node.asBoolean()) {
                throw BadInputException.field(file, field, "true", "is not supported by the graph builder (must be false)");
            }
        }
    }
}
