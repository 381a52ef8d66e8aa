package io.bitforge.workloads.llm;

import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.core.workload.WorkloadFactory;
import io.bitforge.core.workload.WorkloadSettings;
import io.bitforge.workloads.quant.QuantConfig;
import io.bitforge.workloads.quant.QuantParser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * A decoder-only LLM as a workload: prefill and/or decode graphs for the settings' batch, prompt, context,
 * generated tokens and quantisation config. With phase {@code both}, decode continues from the prompt
 * (its context is the prompt length) and the settings' context is not used.
 */
public final class LlmWorkload implements WorkloadFactory {
    private final String id;
    private final Supplier<ModelConfig> loader;
    private ModelConfig model;
    private ModelStructure structure;

    public LlmWorkload(ModelConfig model) {
        this.id = model.id();
        this.loader = () -> model;
    }

    private LlmWorkload(String id, Supplier<ModelConfig> loader) {
        this.id = id;
        this.loader = loader;
    }

    /**
     * A zoo model whose JSON is read on first use, so that loading the registry (every command does) does not
     * parse every model.
     */
    public static LlmWorkload fromZoo(String id) {
        return new LlmWorkload(id, () -> ModelZoo.load(id));
    }

    public synchronized ModelConfig model() {
        if (model == null) {
            model = loader.get();
            structure = new ModelStructure(model);
        }
        return model;
    }

    public synchronized ModelStructure structure() {
        model();
        return structure;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        ModelConfig m = model();
        return m.name() + " decoder-only transformer (" + m.modelType() + (m.subNorms() ? ", BitNet sub-norms" : "")
                + (m.mlp().isMoe() ? ", " + m.mlp().experts() + " experts top-" + m.mlp().expertsPerToken() : "")
                + ")";
    }

    @Override
    public String source() {
        return model().source();
    }

    @Override
    public String kind() {
        return "llm";
    }

    @Override
    public long parameterCount() {
        return structure().parameterCount();
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("kind", kind());
        facts.put("parameters", parameterCount());
        ModelConfig m = model();
        facts.put("layers", m.layers());
        facts.put("hidden", m.hiddenSize());
        facts.put("heads", m.attention().heads());
        facts.put("kvHeads", m.attention().kvHeads());
        facts.put("experts", m.mlp().experts());
        facts.put("contextLimit", m.contextLimit());
        if (m.attention().window().isPresent()) {
            facts.put("slidingWindow", m.attention().window().tokens());
            facts.put("slidingWindowLayers", m.attention().window().layers());
        }
        if (m.attention().isLatent()) {
            facts.put("kvLoraRank", m.attention().latent().kvLoraRank());
        }
        return facts;
    }

    /**
     * The longest sequence the settings run: the prompt (prefill), context + generated tokens (decode), or prompt
     * + generated tokens (both).
     */
    public static long sequenceLength(WorkloadSettings settings) {
        return switch (settings.phase()) {
            case "prefill" -> settings.prompt();
            case "decode" -> (long) settings.context() + settings.generate();
            default -> (long) settings.prompt() + settings.generate();
        };
    }

    /**
     * A warning when the settings run past the model's context limit (its {@code max_position_embeddings}, rope
     * scaling considered) and {@code allowLongContext} allows it; empty otherwise. {@link #build} refuses such
     * settings without the option.
     */
    public Optional<String> longContextWarning(WorkloadSettings settings) {
        long length = sequenceLength(settings);
        long limit = model().contextLimit();
        if (length <= limit || !LlmOptions.from(settings).allowLongContext()) {
            return Optional.empty();
        }
        return Optional.of(id + " runs " + length + " tokens, past its context limit of " + limit
                + " (max_position_embeddings, rope scaling considered); results extrapolate the model");
    }

    /** Sliding-window layers keep only their window (Mistral 7B, Sec. 2); other models keep every K/V output. */
    @Override
    public OptionalLong cappedKvCacheBytes(WorkloadSettings settings, long tokens) {
        if (model().attention().window().layers() == 0) {
            return OptionalLong.empty();
        }
        Capacity capacity = new Capacity(new ModelStructure(model()), QuantParser.parse(settings.quant()));
        return OptionalLong.of(capacity.kvCacheBytes(settings.batch(), tokens));
    }

    @Override
    public List<PhaseGraph> build(WorkloadSettings settings) {
        QuantConfig quant = QuantParser.parse(settings.quant());
        LlmOptions options = LlmOptions.from(settings);
        long length = sequenceLength(settings);
        if (length > model().contextLimit() && !options.allowLongContext()) {
            String field = settings.phase().equals("decode") ? "context + generate" : settings.phase().equals(
                    "prefill") ? "prompt" : "prompt + generate";
            throw BadRequestException.of(field, length, "must be <= " + model().contextLimit()
                    + ", the context limit of " + id + " (max_position_embeddings, rope scaling considered); "
                    + "allowLongContext runs it anyway");
        }
        LlmGraphBuilder builder = new LlmGraphBuilder(model(), quant, options);
        requirePositive("batch", settings.batch());
        return switch (settings.phase()) {
            case "prefill" -> List.of(builder.prefill(settings.batch(),
                    requirePositive("prompt", settings.prompt())));
            case "decode" -> {
                if (settings.context() < 0) {
                    throw BadRequestException.of("context", settings.context(), "must be >= 0");
                }
                yield List.of(builder.decode(settings.batch(), settings.context(),
                        requirePositive("generate", settings.generate())));
            }
            case "both" -> List.of(builder.prefill(settings.batch(), requirePositive("prompt", settings.prompt())),
                    builder.decode(settings.batch(), settings.prompt(),
                            requirePositive("generate", settings.generate())));
            default -> throw BadRequestException.of("phase", settings.phase(),
                    "must be prefill, decode or both");
        };
    }

    private static int requirePositive(String field, int value) {
        if (value < 1) {
            throw BadRequestException.of(field, value, "must be >= 1");
        }
        return value;
    }
}
